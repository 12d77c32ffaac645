import CityweaveAccounts
import Fluent
import FluentSQL

package struct CreateEndorsement: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Endorsement.schema)
            .field("id", .int, .identifier(auto: true))
            .field("statement_id", .int, .required, .references(Statement.schema, "id", onDelete: .cascade))
            .field("organisation_kind", .string, .required)
            .field("organisation_id", .int, .required)
            .field("signed_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("signer_name", .string, .required)
            .field("signer_title", .string, .required)
            .field("comment", .string, .required)
            .field("version", .int, .required)
            .field("endorsed_at", .datetime, .required)
            .field("is_example", .bool, .required)
            // One endorsement per organisation, whichever of its signatories signs first.
            .unique(on: "statement_id", "organisation_kind", "organisation_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            "CREATE INDEX statement_endorsements_organisation ON statement_endorsements (organisation_kind, organisation_id)"
        ).run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Endorsement.schema).delete()
    }
}
