import Fluent

/// The landscape module's migrations, in the order they landed.
package enum LandscapeMigrations {
    package static let all: [any Migration] = [CreateLandscapeGeneration()]
}
