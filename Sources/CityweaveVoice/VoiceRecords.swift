import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Statements and surveys as the API and the pages show them, read for one request.
package enum VoiceRecords {
    static func organisation(_ organisation: Organisation, request: Request) async throws -> OrganisationDTO {
        OrganisationDTO(kind: organisation.kind, id: organisation.id, name: try await request.name(of: organisation))
    }

    package static func statement(_ statement: Statement, request: Request) async throws -> StatementDTO {
        let id = try statement.requireID()
        var leads: [OrganisationDTO] = []
        for lead in try await VoiceQueries.leads(of: id, on: request.db) {
            leads.append(try await organisation(lead, request: request))
        }
        let versions = try await SignatoryCounts.versions(of: id, on: request.db)
        let translations = try await StatementTranslation.query(on: request.db).filter(\.$statement.$id == id)
            .sort(\.$language).all()
        return StatementDTO(
            id: id, title: statement.title, body: statement.body, language: statement.language,
            version: statement.version, state: statement.state, themes: statement.themes,
            addressees: statement.addressees, deadline: statement.deadline, leads: leads, openedAt: statement.openedAt,
            deliveredOn: statement.deliveredOn, deliveredTo: statement.deliveredTo,
            deliveredHow: statement.deliveredHow, answerURL: statement.answerURL, isExample: statement.isExample,
            endorsements: versions[statement.version] ?? 0,
            awaitingConfirmation: versions.filter { $0.key != statement.version }.values.reduce(0, +),
            translations: translations.map {
                StatementTranslationDTO(
                    language: $0.language, title: $0.title, body: $0.body, version: $0.version,
                    isCurrent: $0.version == statement.version)
            },
            citations: try await citations(of: id, request: request))
    }

    /// Each figure a statement cites, computed from the survey's results as they stand.
    static func citations(of statementID: Int, request: Request) async throws -> [CitationDTO] {
        let citations = try await StatementCitation.query(on: request.db).filter(\.$statement.$id == statementID)
            .with(\.$survey).sort(\.$id).all()
        var dtos: [CitationDTO] = []
        for citation in citations {
            let survey = citation.survey
            guard let position = survey.questions.firstIndex(where: { $0.id == citation.question }) else { continue }
            let question = survey.questions[position]
            var result = try await VoiceQueries.answers(of: survey, request: request).result(ofQuestionAt: position)
            // The organisers may have made the results private since: the figure is withheld, not the citation.
            if !survey.resultsPublic { result.hide() }
            let count = citation.option.flatMap { result.option($0)?.count }
            dtos.append(
                CitationDTO(
                    id: try citation.requireID(), survey: try survey.requireID(), surveyTitle: survey.title,
                    question: question.id, prompt: question.prompt, option: citation.option,
                    respondents: result.respondents, count: result.isHidden ? nil : count,
                    median: result.isHidden ? nil : result.median, isHidden: result.isHidden,
                    text: request.text(sentence(result, question: question, option: citation.option))))
        }
        return dtos
    }

    /// "82 of 120 responding cities answered 'Testing capacity'".
    static func sentence(_ result: QuestionResult, question: SurveyQuestion, option: String?) -> Message {
        if result.isHidden {
            return Message(
                "voice.citation.hidden", "Fewer than three cities answered: the figure is not shown.")
        }
        if let option, let counted = result.option(option) {
            return Message(
                "voice.citation.option", "{count} of {respondents} responding cities answered “{option}”.",
                [
                    "count": .count(counted.count), "respondents": .count(result.respondents),
                    "option": .message(optionName(option, of: question)),
                ])
        }
        if let median = result.median {
            return Message(
                "voice.citation.median", "Median {median} {unit}, over {respondents} responding cities.",
                [
                    "median": .decimal(median), "unit": .text(question.unit ?? ""),
                    "respondents": .count(result.respondents),
                ])
        }
        return Message(
            "voice.citation.respondents", one: "{count} responding city.", other: "{count} responding cities.",
            count: result.respondents)
    }

    /// An option as results show it: a choice as written, yes and no in the reader's language.
    static func optionName(_ option: String, of question: SurveyQuestion) -> Message {
        guard question.kind == .yesNo else { return .name(option) }
        return option == SurveyQuestion.yes
            ? Message("voice.answer.yes", "Yes") : Message("voice.answer.no", "No")
    }

    package static func statementSummary(_ statement: Statement, endorsements: Int, request: Request) async throws
        -> StatementSummaryDTO
    {
        var leads: [OrganisationDTO] = []
        for lead in try await VoiceQueries.leads(of: statement.requireID(), on: request.db) {
            leads.append(try await organisation(lead, request: request))
        }
        return StatementSummaryDTO(
            id: try statement.requireID(), title: statement.title, language: statement.language,
            version: statement.version, state: statement.state, deadline: statement.deadline, leads: leads,
            endorsements: endorsements, isExample: statement.isExample)
    }

    package static func survey(_ survey: Survey, request: Request) async throws -> SurveyDTO {
        let id = try survey.requireID()
        return SurveyDTO(
            id: id, title: survey.title, description: survey.description, language: survey.language,
            organiser: try await organisation(survey.organiser, request: request), state: survey.state,
            closesOn: survey.closesOn, resultsPublic: survey.resultsPublic, answersPublic: survey.answersPublic,
            target: survey.target, questions: survey.questions,
            asked: try await VoiceQueries.askedCount(survey, on: request.db),
            responded: try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == id)
                .filter(\.$submittedAt != nil).count(),
            isExample: survey.isExample)
    }

    package static func surveySummary(_ survey: Survey, request: Request) async throws -> SurveySummaryDTO {
        SurveySummaryDTO(
            id: try survey.requireID(), title: survey.title,
            organiser: try await organisation(survey.organiser, request: request), state: survey.state,
            closesOn: survey.closesOn, questions: survey.questions.count, isExample: survey.isExample)
    }

    /// Statements the reader may list: every one that is not a draft, and the drafts of their own organisation.
    package static func listedStatements(
        request: Request, state: StatementState?, page: PageParameters
    ) async throws -> ([Statement], Int) {
        let query = Statement.query(on: request.db)
        if let state { query.filter(\.$state == state) }
        var ownDrafts: [Int] = []
        if let organisation = request.actor?.user.organisation {
            ownDrafts = try await StatementLead.query(on: request.db).filter(\.$organisationKind == organisation.kind)
                .filter(\.$organisationID == organisation.id).all(\.$statement.$id)
        }
        if request.actor?.user.isPlatformAdmin != true {
            query.group(.or) { $0.filter(\.$state != .draft).filter(\.$id ~~ ownDrafts) }
        }
        let total = try await query.count()
        let statements = try await query.sort(\.$openedAt, .descending).sort(\.$id, .descending)
            .range(page.offset..<(page.offset + page.per)).all()
        return (statements, total)
    }

    /// The current endorsements of each statement, by id.
    static func endorsementCounts(of statements: [Statement], on db: any Database) async throws -> [Int: Int] {
        let ids = statements.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT e.statement_id, COUNT(*) AS n FROM statement_endorsements e JOIN statements s ON s.id = e.statement_id
            WHERE e.statement_id IN (\(binds: ids)) AND e.version = s.version GROUP BY e.statement_id
            """
        ).all()
        var counts: [Int: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "statement_id", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Surveys the reader may list: every one that is not a draft, and the drafts of their own organisation.
    package static func listedSurveys(request: Request, page: PageParameters) async throws -> ([Survey], Int) {
        let query = Survey.query(on: request.db)
        if request.actor?.user.isPlatformAdmin != true {
            let own = request.actor?.user.organisation
            query.group(.or) { group in
                group.filter(\.$state != .draft)
                if let own {
                    group.group(.and) {
                        $0.filter(\.$organiserKind == own.kind).filter(\.$organiserID == own.id)
                    }
                }
            }
        }
        let total = try await query.count()
        let surveys = try await query.sort(\.$id, .descending).range(page.offset..<(page.offset + page.per)).all()
        return (surveys, total)
    }
}
