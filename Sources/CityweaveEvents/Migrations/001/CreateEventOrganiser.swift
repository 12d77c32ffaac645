import Fluent
import FluentSQL

package struct CreateEventOrganiser: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(EventOrganiser.schema)
            .field("id", .int, .identifier(auto: true))
            .field("event_id", .int, .required, .references(Event.schema, "id", onDelete: .cascade))
            .field("organisation_kind", .string, .required)
            .field("organisation_id", .int, .required)
            .field("is_confirmed", .bool, .required)
            .unique(on: "event_id", "organisation_kind", "organisation_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            "CREATE INDEX event_organisers_organisation ON event_organisers (organisation_kind, organisation_id)"
        )
        .run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(EventOrganiser.schema).delete()
    }
}
