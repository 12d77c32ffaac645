import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit

package struct CreatePractice: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Practice.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("published_at", .datetime)
            .field("is_example", .bool, .required)
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("problem", .string, .required)
            .field("method", .array(of: .string), .required)
            .field("know_how_staff", .string, .required)
            .field("know_how_budget_band", .string)
            .field("know_how_partners", .string, .required)
            .field("know_how_legal_instruments", .string, .required)
            .field("know_how_pitfalls", .string, .required)
            .field("resources", .string, .required)
            .field("evidence", .string, .required)
            .field("stage", .string, .required)
            .field("themes", .array(of: .string), .required)
            .field("links", .array(of: .json), .required)
            .field("contact_name", .string)
            .field("contact_role", .string)
            .field("contact_email", .string)
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("original_id", .int, .references(Practice.schema, "id", onDelete: .setNull))
            .field("created_by_id", .uuid, .references(User.schema, "id"))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX practices_city ON practices (city_id)").run()
        try await sql.raw("CREATE INDEX practices_original ON practices (original_id)").run()
        try await sql.raw("CREATE INDEX practices_published ON practices (published_at)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Practice.schema).delete()
    }
}
