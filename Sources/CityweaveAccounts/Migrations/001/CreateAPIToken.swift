import CityweaveShared
import Fluent
import SQLKit

package struct CreateAPIToken: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("scope", .string, .required)
            .field("expires_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX api_tokens_user ON api_tokens (user_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
