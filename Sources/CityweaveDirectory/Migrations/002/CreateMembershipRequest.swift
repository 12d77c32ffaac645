import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreateMembershipRequest: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(MembershipRequest.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("network_id", .int, .required, .references(Network.schema, "id", onDelete: .cascade))
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("message", .string, .required)
            .field("status", .string, .required)
            .field("decided_at", .datetime)
            .field("requested_by_id", .uuid, .references(User.schema, "id"))
            .field("decided_by_id", .uuid, .references(User.schema, "id"))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX membership_requests_network ON membership_requests (network_id, status)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(MembershipRequest.schema).delete()
    }
}
