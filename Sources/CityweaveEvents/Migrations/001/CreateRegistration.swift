import CityweaveAccounts
import Fluent
import FluentSQL

package struct CreateRegistration: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Registration.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("event_id", .int, .required, .references(Event.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("registered_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            // One place per person and event: registering twice at once leaves one row and a 409.
            .unique(on: "event_id", "user_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX event_registrations_user ON event_registrations (user_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Registration.schema).delete()
    }
}
