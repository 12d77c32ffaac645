import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

/// `published_practices_generation`: moved on by the database whenever what
/// search counts or recommendations compare changes (a practice's facets, a
/// review, a transfer, a city's or a country's profile). The server keeps
/// the published practices in memory (``PublishedPractices``) and reads them
/// again when the number it reads is not the one it read them at.
package struct CreatePublishedPracticesGeneration: LandedMigration {
    package static let counter = GenerationCounter(
        name: "published_practices",
        watched: [
            ("practice_facets", nil), ("practice_reviews", nil), ("practice_transfers", nil),
            (
                "cities",
                [
                    "population", "country_code", "form_of_government", "fiscal_autonomy", "international_staff",
                    "working_languages",
                ]
            ),
            ("countries", ["region", "subregion", "income_group"]),
        ])

    package func prepare(on database: any Database) async throws {
        try await Self.counter.create(on: database as! any SQLDatabase)
    }

    package func revert(on database: any Database) async throws {
        try await Self.counter.drop(on: database as! any SQLDatabase)
    }
}
