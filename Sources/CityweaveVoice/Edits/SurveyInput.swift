import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// A survey as a client writes it, whole (to create) or in part (to change).
package struct SurveyInput: Content {
    package var title: String?
    package var description: String?
    package var language: String?
    package var organiser: Organisation?
    /// `YYYY-MM-DD`; empty clears it.
    package var closesOn: String?
    package var resultsPublic: Bool?
    package var answersPublic: Bool?
    package var target: SurveyTarget?
    package var questions: [SurveyQuestion]?
    /// `open` or `closed` (changes only).
    package var state: String?

    package init(
        title: String? = nil, description: String? = nil, language: String? = nil, organiser: Organisation? = nil,
        closesOn: String? = nil, resultsPublic: Bool? = nil, answersPublic: Bool? = nil, target: SurveyTarget? = nil,
        questions: [SurveyQuestion]? = nil, state: String? = nil
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.organiser = organiser
        self.closesOn = closesOn
        self.resultsPublic = resultsPublic
        self.answersPublic = answersPublic
        self.target = target
        self.questions = questions
        self.state = state
    }

    func apply(to survey: Survey, isNew: Bool) throws {
        survey.title = try EditText.line(title ?? (isNew ? nil : survey.title), field: "title")
        survey.description = try EditText.markdown(
            description ?? (isNew ? "" : survey.description), field: "description", limit: 20_000, optional: true)
        if let language {
            survey.language = try LanguageName.code(language)
        } else if isNew {
            throw BadRequest.required("language")
        }
        // A day already set may have passed: saving the form again keeps it.
        if let closesOn, isNew || closesOn.trimmingCharacters(in: .whitespaces) != survey.closesOn ?? "" {
            survey.closesOn = try EditText.comingDay(closesOn, field: "closesOn")
        }
        if let resultsPublic { survey.resultsPublic = resultsPublic } else if isNew { survey.resultsPublic = true }
        if let answersPublic {
            // Cities answered on the understanding that their answers stay with the organisers.
            if answersPublic, !survey.answersPublic, !isNew, survey.state != .draft {
                throw Refusal(
                    .conflict,
                    Message(
                        "voice.error.answers-public-fixed",
                        "Cities have answered on the understanding that their answers stay with the organisers: they cannot be made public now."
                    ))
            }
            survey.answersPublic = answersPublic
        } else if isNew {
            survey.answersPublic = false
        }
        if let questions {
            guard survey.state == .draft else {
                throw Refusal(
                    .conflict,
                    Message(
                        "voice.error.questions-fixed",
                        "The survey is open: its questions can no longer change, as cities answer them."))
            }
            if let problem = SurveyDefinition.problem(in: questions) { throw BadRequest(problem) }
            survey.questions = questions
        } else if isNew {
            survey.questions = []
        }
    }
}
