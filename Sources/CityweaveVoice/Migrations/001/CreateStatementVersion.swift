import Fluent

package struct CreateStatementVersion: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(StatementVersion.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("statement_id", .int, .required, .references(Statement.schema, "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .unique(on: "statement_id", "version")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StatementVersion.schema).delete()
    }
}
