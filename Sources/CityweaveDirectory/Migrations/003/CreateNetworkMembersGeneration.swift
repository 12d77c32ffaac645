import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

/// `network_members_generation`: moved on by the database whenever a
/// network, a membership, or the profile of a city or a country changes.
/// ``NetworkMembers`` holds the networks, their members and the members'
/// profiles in memory and reads them again when the number moves.
package struct CreateNetworkMembersGeneration: LandedMigration {
    package static let counter = GenerationCounter(
        name: "network_members",
        watched: [
            ("networks", nil), ("memberships", nil),
            (
                "cities",
                [
                    "population", "country_code", "form_of_government", "fiscal_autonomy", "international_staff",
                    "working_languages",
                ]
            ),
            ("countries", ["name", "region", "subregion", "income_group"]),
        ])

    package func prepare(on database: any Database) async throws {
        try await Self.counter.create(on: database as! any SQLDatabase)
    }

    package func revert(on database: any Database) async throws {
        try await Self.counter.drop(on: database as! any SQLDatabase)
    }
}
