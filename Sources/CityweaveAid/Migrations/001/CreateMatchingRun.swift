import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent

package struct CreateMatchingRun: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(MatchingRun.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("offers_considered", .int, .required)
            .field("requests_considered", .int, .required)
            .field("candidate_routes", .int, .required)
            .field("weighted_units_met", .int64, .required)
            .field("total_cost", .int64, .required)
            .field("solve_milliseconds", .double, .required)
            .field("started_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("network_id", .int, .references(Network.schema, "id", onDelete: .setNull))
            .field("resource_id", .int, .references(AidResource.schema, "id"))
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(MatchingRun.schema).delete()
    }
}
