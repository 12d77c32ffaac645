import CityweaveShared
import Fluent
import SQLKit

package struct CreateAuditEntry: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .field("id", .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("actor_email", .string, .required)
            .field("actor_organisation_kind", .string)
            .field("actor_organisation_id", .int)
            .field("organisation_kind", .string)
            .field("organisation_id", .int)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string, .required)
            .field("changes", .string, .required)
            .field("ip", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX audit_entries_at ON audit_entries (at)").run()
        try await sql.raw(
            "CREATE INDEX audit_entries_organisation ON audit_entries (organisation_kind, organisation_id, at)"
        ).run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
