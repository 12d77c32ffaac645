import Fluent

/// The language a person last chose for their pages, so that an address
/// without one (a bookmark, the page after signing in) opens in it.
package struct AddUserLanguage: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("language", .string).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("language").update()
    }
}
