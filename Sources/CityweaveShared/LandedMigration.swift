import Fluent

/// A migration that landed while all of Cityweave was one module,
/// `CityweaveServer`. Fluent records a migration by its name and names it
/// after its module by default, so without this a database made before the
/// modules became targets of their own would run its migrations again.
package protocol LandedMigration: AsyncMigration {}

extension LandedMigration {
    /// The name it landed with.
    package var name: String { "CityweaveServer.\(Self.self)" }
}
