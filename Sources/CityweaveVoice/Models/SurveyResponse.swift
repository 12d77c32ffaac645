import CityweaveCore
import CityweaveDirectory
import Fluent
import Vapor

/// One city's answers to a survey: saved unfinished as often as it likes,
/// submitted once complete, and editable until the survey closes.
package final class SurveyResponse: Model, @unchecked Sendable {
    package static let schema = "survey_responses"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @Parent(key: "survey_id") package var survey: Survey
    @Parent(key: "city_id") package var city: City
    /// JSON of `[String: SurveyAnswer]`, by question id.
    @Field(key: "answers") package var answersJSON: String
    /// When the city submitted complete answers; nil while unfinished. Only submitted answers count.
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    @OptionalField(key: "updated_by_id") package var updatedByID: UUID?
    @Field(key: "is_example") package var isExample: Bool
    /// The survey's `answers_revision` this save moved it to.
    @Field(key: "revision") package var revision: Int

    package init() {}

    package var answers: [String: SurveyAnswer] {
        get { (try? JSONDecoder().decode([String: SurveyAnswer].self, from: Data(answersJSON.utf8))) ?? [:] }
        set { answersJSON = Survey.json(newValue) }
    }
}
