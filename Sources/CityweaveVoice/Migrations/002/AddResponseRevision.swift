import Fluent
import FluentSQL

/// Which change of a survey's answers last touched each city's answers, so that results held in memory read
/// only the answers saved since, whichever app instance saved them.
package struct AddResponseRevision: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SurveyResponse.schema).field("revision", .int, .required, .sql(.default(0))).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX survey_responses_revision ON survey_responses (survey_id, revision)").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX survey_responses_revision").run()
        try await database.schema(SurveyResponse.schema).deleteField("revision").update()
    }
}
