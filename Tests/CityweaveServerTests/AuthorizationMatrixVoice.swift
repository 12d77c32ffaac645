import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveDirectory
@testable import CityweaveServer
@testable import CityweaveShared
@testable import CityweaveVoice

/// The voice module's write routes in the authorization matrix. C40 leads
/// the statements and runs the surveys; only Yokohama's signatory endorses
/// for Yokohama, whatever the others' roles (a platform administrator may
/// not sign for a city); Yokohama's editors answer for Yokohama. C40's drafts
/// are hidden from everyone outside C40.
extension WriteCase {
    static func statementForm(_ f: MatrixFixture) -> [String: String] {
        ["title": "Statement \(f.next())", "body": "We ask.", "language": "en", "lead": "network:\(f.c40)"]
    }

    static let surveyJSON: @Sendable (MatrixFixture) -> String = { f in
        #"{"title": "Survey \#(f.next())", "language": "en", "organiser": {"kind": "network", "id": \#(f.c40)}}"#
    }

    /// Everyone outside C40 who may know nothing of its drafts.
    static let outsideC40: Set<Persona> = [.cityViewer, .cityEditor, .cityAdmin, .citySignatory]

    static let voice: [WriteCase] = [
        WriteCase(route: "POST /api/v1/statements", surface: .api, allowed: Persona.networkEditors, success: .created) {
            f, _ in
            Attempt(
                path: "/api/v1/statements",
                json:
                    #"{"title": "S \#(f.next())", "body": "B", "language": "en", "leads": [{"kind": "network", "id": \#(f.c40)}]}"#
            )
        },
        WriteCase(route: "PATCH /api/v1/statements/:id", surface: .api, allowed: Persona.networkEditors, success: .ok) {
            f, _ in
            Attempt(
                path: "/api/v1/statements/\(try await f.freshStatement())", json: #"{"body": "Changed \#(f.next())"}"#)
        },
        WriteCase(
            route: "PUT /api/v1/statements/:id/state", surface: .api, allowed: Persona.networkEditors, success: .ok
        ) { f, _ in
            Attempt(path: "/api/v1/statements/\(try await f.freshStatement())/state", json: #"{"state": "closed"}"#)
        },
        WriteCase(
            route: "PUT /api/v1/statements/:id/endorsements/:organisation", surface: .api, allowed: [.citySignatory],
            success: .created
        ) { f, _ in
            Attempt(
                path: "/api/v1/statements/\(try await f.freshStatement())/endorsements/city:\(f.yokohama)", json: "{}")
        },
        WriteCase(
            route: "DELETE /api/v1/statements/:id/endorsements/:organisation", surface: .api, allowed: [.citySignatory],
            success: .noContent
        ) { f, _ in
            Attempt(
                path: "/api/v1/statements/\(try await f.freshStatement(endorsed: true))/endorsements/city:\(f.yokohama)"
            )
        },
        WriteCase(route: "POST /api/v1/surveys", surface: .api, allowed: Persona.networkEditors, success: .created) {
            f, _ in Attempt(path: "/api/v1/surveys", json: surveyJSON(f))
        },
        WriteCase(
            route: "PATCH /api/v1/surveys/:id", surface: .api, allowed: Persona.networkEditors, success: .ok,
            hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(
                path: "/api/v1/surveys/\(try await f.freshSurvey(open: false))",
                json: #"{"title": "Renamed \#(f.next())"}"#)
        },
        WriteCase(
            route: "PUT /api/v1/surveys/:id/responses/:city", surface: .api, allowed: Persona.cityEditors,
            success: .created
        ) { f, _ in
            Attempt(
                path: "/api/v1/surveys/\(try await f.freshSurvey(open: true))/responses/\(f.yokohama)",
                json: #"{"answers": {"ready": true}, "submit": true}"#)
        },
        WriteCase(route: "POST /statements", surface: .page, allowed: Persona.networkEditors, success: .seeOther) {
            f, _ in Attempt(path: "/statements", form: statementForm(f))
        },
        WriteCase(
            route: "POST /statements/:id/edit", surface: .page, allowed: Persona.networkEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/statements/\(try await f.freshStatement())/edit", form: statementForm(f))
        },
        WriteCase(
            route: "POST /statements/:id/state", surface: .page, allowed: Persona.networkEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/statements/\(try await f.freshStatement())/state", form: ["state": "closed"])
        },
        WriteCase(
            route: "POST /statements/:id/translations", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/statements/\(try await f.freshStatement())/translations",
                form: ["language": "fr", "title": "Déclaration", "body": "Nous demandons."])
        },
        WriteCase(
            route: "POST /statements/:id/citations", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/statements/\(try await f.freshStatement())/citations",
                form: ["figure": "\(try await f.closedSurvey())|ready|yes"])
        },
        WriteCase(
            route: "POST /statements/:id/citations/:citation/remove", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            let (statement, citation) = try await f.freshCitation()
            return Attempt(path: "/statements/\(statement)/citations/\(citation)/remove", form: [:])
        },
        WriteCase(
            route: "POST /statements/:id/endorsements/:organisation", surface: .page, allowed: [.citySignatory],
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/statements/\(try await f.freshStatement())/endorsements/city:\(f.yokohama)", form: [:])
        },
        WriteCase(
            route: "POST /statements/:id/endorsements/:organisation/withdraw", surface: .page,
            allowed: [.citySignatory], success: .seeOther
        ) { f, _ in
            Attempt(
                path:
                    "/statements/\(try await f.freshStatement(endorsed: true))/endorsements/city:\(f.yokohama)/withdraw",
                form: [:])
        },
        WriteCase(route: "POST /surveys", surface: .page, allowed: Persona.networkEditors, success: .seeOther) {
            f, _ in
            Attempt(
                path: "/surveys",
                form: ["title": "Survey \(f.next())", "language": "en", "organiser": "network:\(f.c40)"])
        },
        WriteCase(
            route: "POST /surveys/:id/edit", surface: .page, allowed: Persona.networkEditors, success: .seeOther,
            hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(
                path: "/surveys/\(try await f.freshSurvey(open: false))/edit",
                form: ["title": "Renamed \(f.next())", "language": "en"])
        },
        WriteCase(
            route: "POST /surveys/:id/questions", surface: .page, allowed: Persona.networkEditors, success: .seeOther,
            hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(
                path: "/surveys/\(try await f.freshSurvey(open: false))/questions",
                form: ["prompt": "How many?", "kind": "number"])
        },
        WriteCase(
            route: "POST /surveys/:id/questions/:question/remove", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther, hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(path: "/surveys/\(try await f.freshSurvey(open: false))/questions/ready/remove", form: [:])
        },
        WriteCase(
            route: "POST /surveys/:id/state", surface: .page, allowed: Persona.networkEditors, success: .seeOther,
            hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(path: "/surveys/\(try await f.freshSurvey(open: false))/state", form: ["state": "open"])
        },
        WriteCase(
            route: "POST /surveys/:id/responses/:city", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/surveys/\(try await f.freshSurvey(open: true))/responses/\(f.yokohama)",
                form: ["answer-ready": "yes", "action": "submit"])
        },
        WriteCase(
            route: "POST /admin/people/:userID/signatory", surface: .page, allowed: Persona.cityAdmins,
            success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/admin/people/\(try await f.freshCityColleague(active: true))/signatory",
                form: ["signatory": "on", "title": "Deputy mayor \(f.next())"])
        },
    ]
}

extension MatrixFixture {
    private var system: EditContext { .system(on: app.db, from: "test") }

    /// An open statement C40 leads; endorsed by Yokohama's signatory when asked.
    func freshStatement(endorsed: Bool = false) async throws -> Int {
        let statement = try await StatementEdits.create(
            StatementInput(title: "Statement \(next())", body: "We ask.", language: "en", leads: [.network(c40)]),
            context: system)
        try await StatementEdits.change(statement, .init(state: "open"), context: system)
        if endorsed {
            _ = try await EndorsementEdits.endorse(
                statement, for: .city(yokohama), input: .init(), signer: users[.citySignatory]!, context: system)
        }
        return try statement.requireID()
    }

    /// A survey C40 runs of every city, with one yes-or-no question; a draft or open.
    func freshSurvey(open: Bool) async throws -> Int {
        let survey = try await SurveyEdits.create(
            SurveyInput(
                title: "Survey \(next())", language: "en", organiser: .network(c40),
                questions: [SurveyQuestion(id: "ready", kind: .yesNo, prompt: "Ready?")]),
            context: system)
        if open { try await SurveyEdits.update(survey, with: SurveyInput(state: "open"), context: system) }
        return try survey.requireID()
    }

    /// A closed survey with public results, to cite.
    func closedSurvey() async throws -> Int {
        let id = try await freshSurvey(open: true)
        let survey = try #require(try await Survey.find(id, on: app.db))
        try await SurveyEdits.update(survey, with: SurveyInput(state: "closed"), context: system)
        return id
    }

    func freshCitation() async throws -> (Int, Int) {
        let statementID = try await freshStatement()
        let statement = try #require(try await Statement.find(statementID, on: app.db))
        let citation = try await StatementEdits.cite(
            statement, survey: try await closedSurvey(), question: "ready", option: "yes", context: system)
        return (statementID, try citation.requireID())
    }
}
