import Fluent

/// Who may commit their organisation to a joint statement: a permission an
/// organisation's admin gives named people, apart from their role, with
/// the title they sign under.
package struct AddUserSignatory: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(User.schema).field("is_signatory", .bool, .required, .sql(.default(false))).update()
        try await database.schema(User.schema).field("signatory_title", .string, .required, .sql(.default("")))
            .update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("signatory_title").update()
        try await database.schema(User.schema).deleteField("is_signatory").update()
    }
}
