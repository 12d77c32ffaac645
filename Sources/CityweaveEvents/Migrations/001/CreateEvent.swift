import CityweaveAccounts
import CityweaveDirectory
import Fluent
import FluentSQL

package struct CreateEvent: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Event.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("time_zone", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("online_url", .string)
            .field("venue_city_id", .int, .references(City.schema, "id", onDelete: .setNull))
            .field("venue_address", .string, .required)
            .field("languages", .string, .required)
            .field("interpretation", .array(of: .string), .required)
            .field("themes", .int, .required)
            .field("level", .string, .required)
            .field("access", .string, .required)
            .field("capacity", .int)
            .field("state", .string, .required)
            .field("cancel_reason", .string, .required)
            .field("sectors", .array(of: .string), .required)
            .field("outcome_summary", .string, .required)
            .field("recording_url", .string)
            .field("slides_url", .string)
            .field("sequence", .int, .required)
            .field("is_example", .bool, .required)
            .field("created_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .constraint(.sql(.check(SQLRaw("ends_at > starts_at"))))
            .constraint(.sql(.check(SQLRaw("capacity IS NULL OR capacity >= 1"))))
            .create()
        let sql = database as! any SQLDatabase
        // The calendar reads a window of time of the published events; the rest filters that window.
        try await sql.raw("CREATE INDEX events_state_start ON events (state, starts_at)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Event.schema).delete()
    }
}
