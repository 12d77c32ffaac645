import Fluent
import FluentSQL

package struct CreateStatementLead: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(StatementLead.schema)
            .field("id", .int, .identifier(auto: true))
            .field("statement_id", .int, .required, .references(Statement.schema, "id", onDelete: .cascade))
            .field("organisation_kind", .string, .required)
            .field("organisation_id", .int, .required)
            .unique(on: "statement_id", "organisation_kind", "organisation_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            "CREATE INDEX statement_leads_organisation ON statement_leads (organisation_kind, organisation_id)"
        )
        .run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StatementLead.schema).delete()
    }
}
