import Fluent

package struct CreateStatementTranslation: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(StatementTranslation.schema)
            .field("id", .int, .identifier(auto: true))
            .field("updated_at", .datetime)
            .field("statement_id", .int, .required, .references(Statement.schema, "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .unique(on: "statement_id", "language")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StatementTranslation.schema).delete()
    }
}
