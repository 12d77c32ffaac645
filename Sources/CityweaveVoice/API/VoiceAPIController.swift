import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The voice module's JSON API: statements, their endorsements, surveys,
/// each city's answers and the results. Who may write is declared with each
/// route in `VoiceRoutes`; who may read what is private is checked here.
package struct VoiceAPIController {
    /// Statements, newest opened first; `state` filters.
    @Sendable
    package func statements(_ request: Request) async throws -> Paged<StatementSummaryDTO> {
        let page = try PageParameters(from: request)
        let state = try request.query[String.self, at: "state"].map {
            try FieldChoice.parse(StatementState.self, $0, field: "state")
        }
        let (statements, total) = try await VoiceRecords.listedStatements(request: request, state: state, page: page)
        let counts = try await VoiceRecords.endorsementCounts(of: statements, on: request.db)
        var items: [StatementSummaryDTO] = []
        for statement in statements {
            items.append(
                try await VoiceRecords.statementSummary(
                    statement, endorsements: counts[statement.id!] ?? 0, request: request))
        }
        return Paged(items: items, metadata: ListPageMetadata(page, total: total))
    }

    /// Drafts a statement for the leads the body names (the writer is an editor of one of them).
    @Sendable
    package func createStatement(_ request: Request) async throws -> Response {
        let statement = try await StatementEdits.create(
            try request.jsonBody(StatementInput.self), context: request.editContext)
        return try await VoiceRecords.statement(statement, request: request)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable
    package func statement(_ request: Request) async throws -> StatementDTO {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        return try await VoiceRecords.statement(statement, request: request)
    }

    @Sendable
    package func updateStatement(_ request: Request) async throws -> StatementDTO {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        try await StatementEdits.update(
            statement, with: try request.jsonBody(StatementInput.self), context: request.editContext)
        return try await VoiceRecords.statement(statement, request: request)
    }

    @Sendable
    package func changeState(_ request: Request) async throws -> StatementDTO {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        try await StatementEdits.change(
            statement, try request.jsonBody(StatementEdits.StateChange.self), context: request.editContext)
        return try await VoiceRecords.statement(statement, request: request)
    }

    /// Every endorsement with its signatory, those for an earlier text marked, and the counts of the current ones.
    @Sendable
    package func endorsements(_ request: Request) async throws -> EndorsementListDTO {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        let id = try statement.requireID()
        let page = try PageParameters(from: request, defaultPer: PageParameters.maximumPer)
        let signatories = try await Signatory.of(id, page: page, on: request.db)
        return EndorsementListDTO(
            statement: id, version: statement.version,
            counts: try await SignatoryCounts.read(id, version: statement.version, on: request.db),
            items: signatories.map { EndorsementDTO($0, currentVersion: statement.version, request: request) },
            metadata: ListPageMetadata(
                page, total: try await SignatoryCounts.versions(of: id, on: request.db).values.reduce(0, +)))
    }

    /// Endorses the current text for the organisation in the path, or confirms an earlier endorsement for it:
    /// 201 for a new endorsement, 200 otherwise.
    @Sendable
    package func endorse(_ request: Request) async throws -> Response {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        let input =
            request.body.data == nil ? EndorsementEdits.Input() : try request.jsonBody(EndorsementEdits.Input.self)
        let (_, outcome) = try await EndorsementEdits.endorse(
            statement, for: try request.organisationParameter("organisation"), input: input,
            signer: try request.requireActor().user, context: request.editContext)
        let list = try await endorsements(request)
        return try await list.encodeResponse(status: outcome == .endorsed ? .created : .ok, for: request)
    }

    @Sendable
    package func withdraw(_ request: Request) async throws -> HTTPStatus {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        try await EndorsementEdits.withdraw(
            statement, for: try request.organisationParameter("organisation"), context: request.editContext)
        return .noContent
    }

    @Sendable
    package func surveys(_ request: Request) async throws -> Paged<SurveySummaryDTO> {
        let page = try PageParameters(from: request)
        let (surveys, total) = try await VoiceRecords.listedSurveys(request: request, page: page)
        var items: [SurveySummaryDTO] = []
        for survey in surveys { items.append(try await VoiceRecords.surveySummary(survey, request: request)) }
        return Paged(items: items, metadata: ListPageMetadata(page, total: total))
    }

    @Sendable
    package func createSurvey(_ request: Request) async throws -> Response {
        let survey = try await SurveyEdits.create(try request.jsonBody(SurveyInput.self), context: request.editContext)
        return try await VoiceRecords.survey(survey, request: request).encodeResponse(status: .created, for: request)
    }

    @Sendable
    package func survey(_ request: Request) async throws -> SurveyDTO {
        try await VoiceRecords.survey(
            try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request), request: request
        )
    }

    @Sendable
    package func updateSurvey(_ request: Request) async throws -> SurveyDTO {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        try await SurveyEdits.update(survey, with: try request.jsonBody(SurveyInput.self), context: request.editContext)
        return try await VoiceRecords.survey(survey, request: request)
    }

    /// A city's answers: for the city's people and the survey's organisers, or everyone when answers are public.
    @Sendable
    package func response(_ request: Request) async throws -> SurveyResponseDTO {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let city = try request.integerParameter("city")
        let seesDrafts = try Self.requireSight(of: city, in: survey, request: request)
        guard
            let response = try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == survey.requireID())
                .filter(\.$city.$id == city).first(), seesDrafts || response.submittedAt != nil
        else {
            throw Refusal(
                .notFound,
                Message("voice.error.no-answers", "The city {id} has not answered yet.", ["id": .text("\(city)")]))
        }
        return SurveyResponseDTO(response)
    }

    /// Refuses who may not see `city`'s answers; returns whether the reader may also see them unfinished
    /// (the city's people and the organisers), where everyone else sees submitted answers only.
    @discardableResult
    static func requireSight(of city: Int, in survey: Survey, request: Request) throws -> Bool {
        let privileged =
            VoiceQueries.isInside([.city(city), survey.organiser], request: request)
        guard
            VoiceQueries.maySeeAnswers(survey, request: request)
                || VoiceQueries.isInside([.city(city)], request: request)
        else {
            throw Refusal(
                request.actor == nil ? .unauthorized : .forbidden,
                Message(
                    "voice.error.answers-private",
                    "A city's answers are seen by the city and the survey's organisers only."))
        }
        return privileged
    }

    /// Saves the city's answers (201 the first time, 200 after).
    @Sendable
    package func saveResponse(_ request: Request) async throws -> Response {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let input = try request.jsonBody(SurveyEdits.ResponseInput.self)
        let city = try request.integerParameter("city")
        let existed =
            try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == survey.requireID())
            .filter(\.$city.$id == city).count() > 0
        let response = try await SurveyEdits.saveResponse(
            to: survey, city: city, input: input, context: request.editContext)
        return try await SurveyResponseDTO(response).encodeResponse(status: existed ? .ok : .created, for: request)
    }

    @Sendable
    package func results(_ request: Request) async throws -> SurveyResultsDTO {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let report = try await SurveyResultsReport.read(for: survey, request: request)
        return try SurveyResultsDTO(
            survey: survey, asked: try await VoiceQueries.askedCount(survey, on: request.db), report: report)
    }
}
