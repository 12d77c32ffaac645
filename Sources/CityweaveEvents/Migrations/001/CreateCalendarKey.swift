import CityweaveAccounts
import Fluent

package struct CreateCalendarKey: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CalendarKey.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("secret_hash", .string, .required)
            .unique(on: "user_id")
            .unique(on: "secret_hash")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CalendarKey.schema).delete()
    }
}
