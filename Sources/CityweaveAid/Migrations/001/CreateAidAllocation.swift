import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreateAidAllocation: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AidAllocation.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("quantity", .int, .required)
            .field("distance_km", .double, .required)
            .field("arrives_on", .string, .required)
            .field("days_to_spare", .int, .required)
            .field("unit_cost", .int64, .required)
            .field("reasons", .array(of: .string), .required)
            .field("status", .string, .required)
            .field("offerer_decision", .string)
            .field("offerer_decided_at", .datetime)
            .field("requester_decision", .string)
            .field("requester_decided_at", .datetime)
            .field("shipped_quantity", .int)
            .field("shipped_on", .string)
            .field("received_quantity", .int)
            .field("received_on", .string)
            .field("run_id", .int, .required, .references(MatchingRun.schema, "id", onDelete: .cascade))
            .field("offer_id", .int, .required, .references(AidPost.schema, "id", onDelete: .cascade))
            .field("request_id", .int, .required, .references(AidPost.schema, "id", onDelete: .cascade))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX aid_allocations_run ON aid_allocations (run_id)").run()
        try await sql.raw("CREATE INDEX aid_allocations_offer ON aid_allocations (offer_id, status)").run()
        try await sql.raw("CREATE INDEX aid_allocations_request ON aid_allocations (request_id, status)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AidAllocation.schema).delete()
    }
}
