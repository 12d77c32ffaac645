import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Building a survey, opening and closing it, and saving a city's answers.
/// Each write is one transaction with its audit entry.
package enum SurveyEdits {
    package static func create(_ input: SurveyInput, context: EditContext) async throws -> Survey {
        guard let organiser = input.organiser else { throw BadRequest.required("organiser") }
        guard try await DirectoryOrganisations().name(of: organiser, on: context.db) != nil else {
            throw BadRequest.noSuchOrganisation(organiser, field: "organiser")
        }
        let survey = Survey()
        survey.organiser = organiser
        survey.state = .draft
        survey.answersRevision = 0
        survey.isExample = context.writesExamples
        try input.apply(to: survey, isNew: true)
        survey.target = try await checkedTarget(input.target ?? SurveyTarget(), on: context.db)
        try await context.db.transaction { db in
            try await survey.create(on: db)
            try await AuditLog.record(
                context, action: "create", recordType: "survey", recordID: "\(try survey.requireID())",
                organisation: organiser,
                changes: AuditChanges([("title", nil, survey.title), ("questions", nil, "\(survey.questions.count)")]),
                on: db)
        }
        return survey
    }

    /// Changes what `input` gives, and moves the survey to `input.state` if given.
    package static func update(_ survey: Survey, with input: SurveyInput, context: EditContext) async throws {
        guard survey.state != .closed else {
            throw Refusal(
                .conflict, Message("voice.error.survey-closed", "The survey is closed: it can no longer change."))
        }
        let before = SurveySnapshot(survey)
        try input.apply(to: survey, isNew: false)
        if let target = input.target {
            guard survey.state == .draft else {
                throw Refusal(
                    .conflict,
                    Message(
                        "voice.error.target-fixed", "The survey is open: the cities it asks can no longer change."))
            }
            survey.target = try await checkedTarget(target, on: context.db)
        }
        if let state = input.state {
            let target = try FieldChoice.parse(SurveyState.self, state, field: "state")
            if target != survey.state {
                guard (survey.state, target) == (.draft, .open) || (survey.state, target) == (.open, .closed) else {
                    throw Refusal(
                        .conflict,
                        Message(
                            "voice.error.survey-state", "A survey that is {from} cannot become {to}.",
                            ["from": .lowercased(survey.state.message), "to": .lowercased(target.message)]))
                }
                if target == .open, survey.questions.isEmpty {
                    throw BadRequest(
                        Message("voice.error.no-questions", "Add at least one question before opening the survey."))
                }
                survey.state = target
            }
        }
        try await context.db.transaction { db in
            try await survey.update(on: db)
            try await AuditLog.record(
                context, action: "update", recordType: "survey", recordID: "\(try survey.requireID())",
                organisation: survey.organiser, changes: try AuditChanges.between(before, SurveySnapshot(survey)),
                on: db)
        }
    }

    private struct SurveySnapshot: Encodable {
        var title: String
        var state: SurveyState
        var closesOn: String?
        var resultsPublic: Bool
        var answersPublic: Bool
        var target: SurveyTarget
        var questions: [String]

        init(_ survey: Survey) {
            title = survey.title
            state = survey.state
            closesOn = survey.closesOn
            resultsPublic = survey.resultsPublic
            answersPublic = survey.answersPublic
            target = survey.target
            questions = survey.questions.map(\.id)
        }
    }

    /// A target whose network and countries are in the directory and whose regions are UN M49 regions.
    static func checkedTarget(_ target: SurveyTarget, on database: any Database) async throws -> SurveyTarget {
        var checked = target
        if let network = target.network, try await Network.find(network, on: database) == nil {
            throw BadRequest.noSuchOrganisation(.network(network), field: "target.network")
        }
        checked.countries = target.countries.map { $0.uppercased() }
        for code in checked.countries where try await Country.find(code, on: database) == nil {
            throw BadRequest(
                Message(
                    "voice.error.no-such-country", "'{field}': there is no country '{code}'.",
                    ["field": .text("target.countries"), "code": .text(code)]))
        }
        if let region = target.regions.first(where: { !VoiceQueries.regions.contains($0) }) {
            throw BadRequest(
                FieldChoice.refusal(
                    field: "target.regions", allowed: VoiceQueries.regions.joined(separator: ", "), given: region))
        }
        return checked
    }

    /// What a city sends: its answers by question id, and whether they are complete and submitted.
    package struct ResponseInput: Content {
        package var answers: [String: SurveyAnswer]?
        package var submit: Bool?

        package init(answers: [String: SurveyAnswer]?, submit: Bool?) {
            self.answers = answers
            self.submit = submit
        }
    }

    /// Saves `city`'s answers. Unfinished answers may leave required questions open; submitted ones may not,
    /// and stay submitted when edited later. Only cities the survey asks may answer, while it is open.
    package static func saveResponse(
        to survey: Survey, city: Int, input: ResponseInput, context: EditContext
    ) async throws -> SurveyResponse {
        guard survey.takesAnswers() else {
            throw Refusal(
                .conflict,
                survey.state == .draft
                    ? Message("voice.error.survey-draft", "The survey is not open yet.")
                    : Message("voice.error.survey-over", "The survey is closed: answers are no longer taken."))
        }
        guard try await VoiceQueries.asks(survey, city: city, on: context.db) else {
            throw Refusal(
                .forbidden,
                Message("voice.error.not-asked", "This survey does not ask the city {id}.", ["id": .text("\(city)")]))
        }
        let surveyID = try survey.requireID()
        return try await context.db.transaction { db in
            try await db.lockRow(surveyID, of: Survey.schema)
            let existing = try await SurveyResponse.query(on: db).filter(\.$survey.$id == surveyID)
                .filter(\.$city.$id == city).first()
            let submitting = input.submit ?? false || existing?.submittedAt != nil
            let answers: [String: SurveyAnswer]
            switch SurveyAnswers.checked(input.answers ?? [:], questions: survey.questions, completing: submitting) {
            case .success(let kept): answers = kept
            case .failure(let problem):
                throw BadRequest(problem.message(for: survey.questions.first { $0.id == problem.question }))
            }
            let response = existing ?? SurveyResponse()
            let wasSubmitted = response.submittedAt != nil
            response.$survey.id = surveyID
            response.$city.id = city
            response.answers = answers
            response.updatedByID = context.user?.id
            response.isExample = context.writesExamples
            if submitting, response.submittedAt == nil { response.submittedAt = Date() }
            // Results held in memory read the answers saved since the revision they hold.
            let moved = try await (db as! any SQLDatabase).raw(
                """
                UPDATE surveys SET answers_revision = answers_revision + 1 WHERE id = \(bind: surveyID)
                RETURNING answers_revision
                """
            ).first()
            response.revision = try moved?.decode(column: "answers_revision", as: Int.self) ?? 0
            try await response.save(on: db)
            try await AuditLog.record(
                context, action: submitting && !wasSubmitted ? "submit answers" : "save answers",
                recordType: "survey", recordID: "\(surveyID)", organisation: .city(city),
                changes: AuditChanges([("answers", nil, "\(answers.count)")]), on: db)
            return response
        }
    }
}
