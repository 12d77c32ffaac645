import Fluent

/// The landscape module's migrations, in the order they landed.
enum LandscapeMigrations {
    static let all: [any Migration] = [CreateLandscapeGeneration()]
}
