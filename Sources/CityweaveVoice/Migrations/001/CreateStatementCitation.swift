import Fluent

package struct CreateStatementCitation: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(StatementCitation.schema)
            .field("id", .int, .identifier(auto: true))
            .field("statement_id", .int, .required, .references(Statement.schema, "id", onDelete: .cascade))
            .field("survey_id", .int, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("question", .string, .required)
            .field("option", .string)
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StatementCitation.schema).delete()
    }
}
