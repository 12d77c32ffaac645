import CityweaveAccounts
import Fluent
import FluentSQL

package struct CreateStatement: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Statement.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("language", .string, .required)
            .field("version", .int, .required)
            .field("state", .string, .required)
            .field("themes", .array(of: .string), .required)
            .field("addressees", .string, .required)
            .field("deadline", .string)
            .field("opened_at", .datetime)
            .field("delivered_on", .string)
            .field("delivered_to", .string, .required)
            .field("delivered_how", .string, .required)
            .field("answer_url", .string)
            .field("is_example", .bool, .required)
            .field("created_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .constraint(.sql(.check(SQLRaw("version >= 1"))))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX statements_state ON statements (state, opened_at)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Statement.schema).delete()
    }
}
