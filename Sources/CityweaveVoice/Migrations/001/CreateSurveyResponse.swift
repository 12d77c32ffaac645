import CityweaveAccounts
import CityweaveDirectory
import Fluent

package struct CreateSurveyResponse: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SurveyResponse.schema)
            .field("id", .int, .identifier(auto: true))
            .field("updated_at", .datetime)
            .field("survey_id", .int, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("answers", .string, .required)
            .field("submitted_at", .datetime)
            .field("updated_by_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("is_example", .bool, .required)
            // Each city answers once.
            .unique(on: "survey_id", "city_id")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(SurveyResponse.schema).delete()
    }
}
