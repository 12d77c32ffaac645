import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

/// `landscape_generation`: moved on by the database whenever what the
/// landscape is computed from changes: networks and their themes,
/// memberships, partnerships, and the size, country, region and income
/// group of cities. ``LandscapeDirectory`` reads the landscape again when it moves.
package struct CreateLandscapeGeneration: LandedMigration {
    package static let counter = GenerationCounter(
        name: "landscape",
        watched: [
            ("networks", nil), ("memberships", nil), ("partnerships", nil),
            ("cities", ["name", "population", "country_code"]),
            ("countries", ["region", "income_group"]),
        ])

    package func prepare(on database: any Database) async throws {
        try await Self.counter.create(on: database as! any SQLDatabase)
    }

    package func revert(on database: any Database) async throws {
        try await Self.counter.drop(on: database as! any SQLDatabase)
    }
}
