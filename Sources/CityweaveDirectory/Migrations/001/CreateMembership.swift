import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreateMembership: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Membership.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("network_id", .int, .required, .references(Network.schema, "id", onDelete: .cascade))
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("since", .int)
            .field("until", .int)
            .field("source", .string, .required)
            .unique(on: "network_id", "city_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX memberships_city ON memberships (city_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Membership.schema).delete()
    }
}
