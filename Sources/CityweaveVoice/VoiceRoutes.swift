import CityweaveAccounts
import CityweaveShared
import Vapor

/// Every address of collective voice: the JSON API under `/api/v1` and the
/// pages. Open statements, their signatories and surveys are public; a
/// statement's leads' editors draft and steer it; only an organisation's
/// signatories endorse for it; a survey's organiser's editors build it; the
/// editors of a city it asks answer for the city.
package struct VoiceRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let leads = AccessPolicy.editor(of: .statementLeads(parameter: "id"))
        let signatory = AccessPolicy.signatory(
            of: .endorsingOrganisation(statement: "id", organisation: "organisation"))
        let organiser = AccessPolicy.editor(of: .surveyOrganiser(parameter: "id"))
        let respondent = AccessPolicy.editor(of: .respondingCity(survey: "id", city: "city"))

        let api = routes.grouped("api", "v1")
        let json = VoiceAPIController()
        api.get("statements", use: json.statements)
        api.on(.POST, "statements", policy: .editor(of: .statementLeadsInBody), use: json.createStatement)
        api.get("statements", ":id", use: json.statement)
        api.on(.PATCH, "statements", ":id", policy: leads, use: json.updateStatement)
        api.on(.PUT, "statements", ":id", "state", policy: leads, use: json.changeState)
        api.get("statements", ":id", "endorsements", use: json.endorsements)
        api.on(.PUT, "statements", ":id", "endorsements", ":organisation", policy: signatory, use: json.endorse)
        api.on(.DELETE, "statements", ":id", "endorsements", ":organisation", policy: signatory, use: json.withdraw)
        api.get("surveys", use: json.surveys)
        api.on(.POST, "surveys", policy: .editor(of: .surveyOrganiserInBody), use: json.createSurvey)
        api.get("surveys", ":id", use: json.survey)
        api.on(.PATCH, "surveys", ":id", policy: organiser, use: json.updateSurvey)
        api.get("surveys", ":id", "responses", ":city", use: json.response)
        api.on(.PUT, "surveys", ":id", "responses", ":city", policy: respondent, use: json.saveResponse)
        api.get("surveys", ":id", "results", use: json.results)

        let statements = StatementWebController()
        routes.get(VoicePath.statements, use: statements.list)
        routes.on(.GET, VoicePath.newStatement, policy: .signedIn, use: statements.newForm)
        routes.on(.POST, VoicePath.statements, policy: .editor(of: .statementLeadsInBody), use: statements.create)
        routes.get(VoicePath.statement, use: statements.show)
        routes.on(.GET, VoicePath.editStatement, policy: leads, use: statements.editForm)
        routes.on(.POST, VoicePath.editStatement, policy: leads, use: statements.update)
        routes.on(.POST, VoicePath.statementState, policy: leads, use: statements.changeState)
        routes.on(.POST, VoicePath.statementTranslations, policy: leads, use: statements.translate)
        routes.on(.POST, VoicePath.statementCitations, policy: leads, use: statements.cite)
        routes.on(.POST, VoicePath.removeCitation, policy: leads, use: statements.removeCitation)
        routes.on(.POST, VoicePath.endorsement, policy: signatory, use: statements.endorse)
        routes.on(.POST, VoicePath.withdrawEndorsement, policy: signatory, use: statements.withdraw)
        routes.get(VoicePath.signatories, use: statements.signatories)
        routes.get(VoicePath.statementMap, use: statements.map)
        routes.get(VoicePath.feed, use: StatementFeedController().feed)

        let surveys = SurveyWebController()
        routes.get(VoicePath.surveys, use: surveys.list)
        routes.on(.GET, VoicePath.newSurvey, policy: .signedIn, use: surveys.newForm)
        routes.on(.POST, VoicePath.surveys, policy: .editor(of: .surveyOrganiserInBody), use: surveys.create)
        routes.get(VoicePath.survey, use: surveys.show)
        routes.on(.GET, VoicePath.editSurvey, policy: organiser, use: surveys.editForm)
        routes.on(.POST, VoicePath.editSurvey, policy: organiser, use: surveys.update)
        routes.on(.POST, VoicePath.surveyQuestions, policy: organiser, use: surveys.addQuestion)
        routes.on(.POST, VoicePath.removeQuestion, policy: organiser, use: surveys.removeQuestion)
        routes.on(.POST, VoicePath.surveyState, policy: organiser, use: surveys.changeState)
        routes.get(VoicePath.response, use: surveys.responseForm)
        routes.on(.POST, VoicePath.response, policy: respondent, use: surveys.saveResponse)
        routes.get(VoicePath.results, use: surveys.results)
        routes.get(VoicePath.resultsCSV, use: surveys.resultsCSV)
        routes.on(
            .GET, VoicePath.answersCSV, policy: .viewer(of: .surveyOrganiser(parameter: "id")), use: surveys.answersCSV)
    }
}
