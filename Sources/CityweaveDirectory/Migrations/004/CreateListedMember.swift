import Fluent
import SQLKit

package struct CreateListedMember: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(ListedMember.schema)
            .field("id", .int, .identifier(auto: true))
            .field("network_id", .int, .required, .references(Network.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("country_code", .string, .required)
            .field("kind", .string, .required)
            .field("entity", .string, .required)
            .field("seat", .string, .required)
            .field("role", .string, .required)
            .field("since", .int)
            .field("until", .int)
            .field("source", .string, .required)
            .field("reason", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX listed_members_network ON listed_members (network_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ListedMember.schema).delete()
    }
}
