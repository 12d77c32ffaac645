import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// A survey a city or a network puts to cities: questions, whom it asks, and
/// who sees what of the answers.
package final class Survey: Model, @unchecked Sendable {
    package static let schema = "surveys"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @Field(key: "title") package var title: String
    /// Markdown, shown through the sanitizing renderer.
    @Field(key: "description") package var description: String
    @Field(key: "language") package var language: String
    @Enum(key: "organiser_kind") package var organiserKind: Organisation.Kind
    @Field(key: "organiser_id") package var organiserID: Int
    @Enum(key: "state") package var state: SurveyState
    /// The last day answers are taken (`YYYY-MM-DD`, UTC); nil until the organisers close it.
    @OptionalField(key: "closes_on") package var closesOn: String?
    /// Aggregates for everyone; otherwise for the organisers and the cities asked.
    @Field(key: "results_public") package var resultsPublic: Bool
    /// Each city's answers for everyone; otherwise for the organisers alone.
    @Field(key: "answers_public") package var answersPublic: Bool
    /// JSON of ``SurveyTarget``.
    @Field(key: "target") package var targetJSON: String
    /// JSON of `[SurveyQuestion]`.
    @Field(key: "questions") package var questionsJSON: String
    /// Moves on with every answer saved, so that results held in memory know they are stale.
    @Field(key: "answers_revision") package var answersRevision: Int
    @Field(key: "is_example") package var isExample: Bool

    package init() {}

    package var organiser: Organisation {
        get { Organisation(kind: organiserKind, id: organiserID) }
        set {
            organiserKind = newValue.kind
            organiserID = newValue.id
        }
    }

    package var target: SurveyTarget {
        get { (try? JSONDecoder().decode(SurveyTarget.self, from: Data(targetJSON.utf8))) ?? SurveyTarget() }
        set { targetJSON = Self.json(newValue) }
    }

    package var questions: [SurveyQuestion] {
        get { (try? JSONDecoder().decode([SurveyQuestion].self, from: Data(questionsJSON.utf8))) ?? [] }
        set { questionsJSON = Self.json(newValue) }
    }

    /// Whether answers are taken today.
    package func takesAnswers(today: String = DateText.day(Date())) -> Bool {
        state == .open && (closesOn.map { today <= $0 } ?? true)
    }

    /// Closed by its organisers, or past its last day.
    package func isOver(today: String = DateText.day(Date())) -> Bool {
        state == .closed || (state == .open && closesOn.map { today > $0 } ?? false)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}

package enum SurveyState: String, Codable, CaseIterable, Sendable {
    /// Its organisers build it; nobody else sees it.
    case draft
    /// Public; the cities asked answer.
    case open
    /// No more answers; its results stand.
    case closed

    package var message: Message {
        switch self {
        case .draft: Message("voice.survey-state.draft", "Draft")
        case .open: Message("voice.survey-state.open", "Open for answers")
        case .closed: Message("voice.survey-state.closed", "Closed")
        }
    }
}
