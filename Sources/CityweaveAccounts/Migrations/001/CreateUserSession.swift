import CityweaveShared
import Fluent
import SQLKit

package struct CreateUserSession: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .field("id", .string, .identifier(auto: false))
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ip", .string, .required)
            .field("user_agent", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX user_sessions_user ON user_sessions (user_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).delete()
    }
}
