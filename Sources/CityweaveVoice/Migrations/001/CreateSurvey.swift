import Fluent
import FluentSQL

package struct CreateSurvey: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Survey.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string, .required)
            .field("organiser_kind", .string, .required)
            .field("organiser_id", .int, .required)
            .field("state", .string, .required)
            .field("closes_on", .string)
            .field("results_public", .bool, .required)
            .field("answers_public", .bool, .required)
            .field("target", .string, .required)
            .field("questions", .string, .required)
            .field("answers_revision", .int, .required)
            .field("is_example", .bool, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX surveys_organiser ON surveys (organiser_kind, organiser_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Survey.schema).delete()
    }
}
