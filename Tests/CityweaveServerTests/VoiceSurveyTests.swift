import CityweaveCore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveDirectory
@testable import CityweaveServer
@testable import CityweaveShared
@testable import CityweaveVoice

/// Surveys of cities: built by a network's editors, answered once by each
/// city asked, and aggregated with each figure's n, multiple choices as
/// shares of respondents, and nothing shown over fewer than three cities.
extension CityweaveServerTests {
    @Suite struct VoiceSurveyTests {
        static let questions = """
            [{"id": "short", "kind": "yes-no", "prompt": "Short of protective equipment?", "choices": [], "isRequired": true},
             {"id": "lacked", "kind": "multiple-choice", "prompt": "What did you lack?", "choices": ["Masks", "Tests", "Money"],
              "isRequired": true, "condition": {"question": "short", "equals": "yes"}},
             {"id": "days", "kind": "number", "prompt": "For how many days?", "choices": [], "unit": "days",
              "minimum": 0, "maximum": 365, "isRequired": false}]
            """

        struct Cast {
            var app: Application
            var network: Int
            var organiser: String
            /// Editors of African cities, by city id.
            var editors: [Int: String] = [:]
            var cities: [Int]
            var paris: Int
            var parisEditor: String

            init(_ app: Application) async throws {
                self.app = app
                network = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                organiser = try await app.token(
                    for: try await app.makeUser(
                        "survey@c40.example.org", organisation: .network(network), role: .editor))
                cities = [
                    try await app.cityID("Lagos", "NG"), try await app.cityID("Nairobi", "KE"),
                    try await app.cityID("Kinshasa", "CD"), try await app.cityID("Cairo", "EG"),
                ]
                for (index, city) in cities.enumerated() {
                    editors[city] = try await app.token(
                        for: try await app.makeUser(
                            "editor\(index)@africa.example.org", organisation: .city(city), role: .editor))
                }
                paris = try await app.cityID("Paris", "FR")
                parisEditor = try await app.token(
                    for: try await app.makeUser("editor@paris.example.org", organisation: .city(paris), role: .editor))
            }

            /// An open survey of the cities of Africa.
            func openSurvey(resultsPublic: Bool = true) async throws -> Int {
                let json = """
                    {"title": "Shortfalls", "language": "en", "organiser": {"kind": "network", "id": \(network)},
                     "resultsPublic": \(resultsPublic), "target": {"regions": ["Africa"], "countries": [], "populationBands": []},
                     "questions": \(VoiceSurveyTests.questions)}
                    """
                let created = try await app.api(.POST, "/api/v1/surveys", json: json, token: organiser)
                #expect(created.status == .created, "\(created.text)")
                let survey = try created.content.decode(SurveyDTO.self)
                #expect(survey.asked > 3 && survey.state == .draft)
                let opened = try await app.api(
                    .PATCH, "/api/v1/surveys/\(survey.id)", json: #"{"state": "open"}"#, token: organiser)
                #expect(opened.status == .ok, "\(opened.text)")
                return survey.id
            }

            func answer(_ survey: Int, city: Int, _ answers: String, submit: Bool = true, token: String? = nil)
                async throws -> TestingHTTPResponse
            {
                try await app.api(
                    .PUT, "/api/v1/surveys/\(survey)/responses/\(city)",
                    json: #"{"answers": \#(answers), "submit": \#(submit)}"#, token: token ?? editors[city])
            }

            func results(_ survey: Int, query: String = "", token: String? = nil) async throws -> SurveyResultsDTO {
                try await app.api(.GET, "/api/v1/surveys/\(survey)/results\(query)", token: token)
                    .content.decode(SurveyResultsDTO.self)
            }
        }

        @Test func eachWrongAnswerIsAClearRefusalThatChangesNothing() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let survey = try await cast.openSurvey()
                let lagos = cast.cities[0]
                let refusals: [(String, String)] = [
                    (#"{"short": true, "lacked": ["Masks", "Gowns"]}"#, "Gowns"),
                    (#"{"short": false, "days": 400}"#, "days"),
                    (#"{"short": "perhaps"}"#, "short"),
                    (#"{"short": true}"#, "lacked"),
                    (#"{"short": false, "colour": "blue"}"#, "colour"),
                    // Numbers past any sensible answer are refused, not taken to the page that crashes on them.
                    (#"{"short": false, "days": 1e300}"#, "days"),
                ]
                for (answers, named) in refusals {
                    let refused = try await cast.answer(survey, city: lagos, answers)
                    #expect(refused.isProblem(status: .badRequest, mentioning: named), "\(answers): \(refused.text)")
                }
                // A city the survey does not ask; another city's editor for Lagos.
                let paris = try await cast.answer(
                    survey, city: cast.paris, #"{"short": false}"#, token: cast.parisEditor)
                #expect(paris.status == .forbidden)
                let impostor = try await cast.answer(survey, city: lagos, #"{"short": false}"#, token: cast.parisEditor)
                #expect(impostor.status == .forbidden)
                #expect(try await app.count("survey_responses") == 0)
            }
        }

        @Test func unfinishedAnswersAreKeptButCountOnlyOnceSubmitted() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let survey = try await cast.openSurvey()
                let lagos = cast.cities[0]
                let draft = try await cast.answer(survey, city: lagos, #"{"short": true}"#, submit: false)
                #expect(draft.status == .created)
                #expect(try draft.content.decode(SurveyResponseDTO.self).submitted == false)
                #expect(try await cast.results(survey).respondents == 0)
                let submitted = try await cast.answer(survey, city: lagos, #"{"short": true, "lacked": ["Masks"]}"#)
                #expect(submitted.status == .ok)
                #expect(try submitted.content.decode(SurveyResponseDTO.self).submitted)
                // Once submitted, a save must stay complete.
                let incomplete = try await cast.answer(survey, city: lagos, #"{"short": true}"#, submit: false)
                #expect(incomplete.isProblem(status: .badRequest, mentioning: "lacked"))
                #expect(try await cast.results(survey).respondents == 1)

                // The answers are the city's and the organisers' to read.
                let read = try await app.api(
                    .GET, "/api/v1/surveys/\(survey)/responses/\(lagos)", token: cast.organiser)
                #expect(read.status == .ok)
                let nosy = try await app.api(
                    .GET, "/api/v1/surveys/\(survey)/responses/\(lagos)", token: cast.parisEditor)
                #expect(nosy.status == .forbidden)

                let closed = try await app.api(
                    .PATCH, "/api/v1/surveys/\(survey)", json: #"{"state": "closed"}"#, token: cast.organiser)
                #expect(closed.status == .ok)
                let late = try await cast.answer(survey, city: cast.cities[1], #"{"short": false}"#)
                #expect(late.status == .conflict)
            }
        }

        @Test func resultsCountRespondentsHideSmallGroupsAndBreakDown() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let survey = try await cast.openSurvey()
                let answers = [
                    #"{"short": true, "lacked": ["Masks", "Tests"], "days": 30}"#,
                    #"{"short": true, "lacked": ["Tests", "Money"], "days": 60}"#,
                    #"{"short": true, "lacked": ["Tests"], "days": 90}"#,
                    #"{"short": false}"#,
                ]
                for (city, json) in zip(cast.cities, answers) {
                    let saved = try await cast.answer(survey, city: city, json)
                    #expect(saved.status == .created, "\(saved.text)")
                }
                // Answers saved before saves were stamped with a revision (they hold 0) count all the same.
                try await (app.db as! any SQLDatabase).raw("UPDATE survey_responses SET revision = 0").run()
                let results = try await cast.results(survey)
                #expect(results.respondents == 4)
                let short = try #require(results.questions.first { $0.question == "short" })
                #expect(short.respondents == 4 && short.options.map(\.count) == [3, 1])
                let lacked = try #require(results.questions.first { $0.question == "lacked" })
                // Of the three cities asked the question; Tests by all three.
                #expect(lacked.respondents == 3 && lacked.sharesMayExceedOne)
                #expect(lacked.options.first { $0.value == "Tests" }?.share == 1.0)
                #expect(lacked.options.map(\.share).reduce(0, +) > 1.0)
                let days = try #require(results.questions.first { $0.question == "days" })
                #expect(days.median == 60 && days.histogram.map(\.count).reduce(0, +) == 3)

                // Four African cities, by income group: each group has fewer than three, so nothing shows.
                let income = try #require(results.breakdowns.first { $0.dimension == "income" })
                for group in income.groups where group.respondents < 3 {
                    #expect(group.questions.allSatisfy { $0.isHidden && $0.options.isEmpty })
                }
                let filtered = try await cast.results(survey, query: "?region=Europe")
                #expect(filtered.respondents == 0 && filtered.questions.allSatisfy(\.isHidden))
                let unknown = try await app.api(.GET, "/api/v1/surveys/\(survey)/results?income=rich")
                #expect(unknown.isProblem(status: .badRequest, mentioning: "income"))

                let page = try await app.page(.GET, "/surveys/\(survey)/results?by=population").text
                #expect(
                    page.contains(
                        app.words(
                            Message(
                                "voice.results.multiple-note",
                                "Cities could choose several answers: the shares add up to more than 100 %."), in: .en))
                )
                let csv = try await app.page(.GET, "/surveys/\(survey)/results.csv")
                #expect(csv.headers.contentType?.subType == "csv")
                #expect(csv.text.contains("lacked,What did you lack?,all,,3,Tests,3,1,"))
                // Each city's answers: the organisers' file only.
                #expect(try await app.page(.GET, "/surveys/\(survey)/answers.csv").status != .ok)
            }
        }

        @Test func privateResultsAreForTheOrganisersAndTheCitiesAsked() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let survey = try await cast.openSurvey(resultsPublic: false)
                #expect(try await app.api(.GET, "/api/v1/surveys/\(survey)/results").status == .unauthorized)
                #expect(
                    try await app.api(.GET, "/api/v1/surveys/\(survey)/results", token: cast.parisEditor).status
                        == .forbidden)
                let asked = cast.editors[cast.cities[0]]
                #expect(try await app.api(.GET, "/api/v1/surveys/\(survey)/results", token: asked).status == .ok)
                #expect(
                    try await app.api(.GET, "/api/v1/surveys/\(survey)/results", token: cast.organiser).status == .ok)
                // Cities answer on the understanding that their answers stay private: that cannot change now.
                let exposed = try await app.api(
                    .PATCH, "/api/v1/surveys/\(survey)", json: #"{"answersPublic": true}"#, token: cast.organiser)
                #expect(exposed.status == .conflict)
            }
        }

        @Test func aCityAnswersThroughItsFormAndASurveyIsBuiltQuestionByQuestion() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let organiser = try await app.signIn("survey@c40.example.org")
                let created = try await app.page(
                    .POST, "/surveys",
                    form: [
                        "organiser": "network:\(cast.network)", "title": "Heat", "language": "en",
                        "regions[]": "Africa", "resultsPublic": "on",
                    ], as: organiser)
                #expect(created.status == .seeOther, "\(created.text)")
                let survey = try #require(try await Survey.query(on: app.db).first())
                let id = try survey.requireID()
                let added = try await app.page(
                    .POST, "/surveys/\(id)/questions",
                    form: ["prompt": "Do you have a heat plan?", "kind": "yes-no", "required": "on"], as: organiser)
                #expect(added.status == .seeOther)
                let centres = try await app.page(
                    .POST, "/surveys/\(id)/questions", form: ["prompt": "How many cooling centres?", "kind": "number"],
                    as: organiser)
                #expect(centres.status == .seeOther)
                let wrong = try await app.page(
                    .POST, "/surveys/\(id)/questions",
                    form: ["prompt": "Which?", "kind": "single-choice", "choices": "Only one"],
                    as: organiser)
                #expect(wrong.status == .badRequest)
                let opened = try await app.page(.POST, "/surveys/\(id)/state", form: ["state": "open"], as: organiser)
                #expect(opened.status == .seeOther)

                let lagos = cast.cities[0]
                let editor = try await app.signIn("editor0@africa.example.org")
                let account = try await app.page(.GET, "/account", as: editor).text
                #expect(account.contains("/surveys/\(id)/responses/\(lagos)"))
                let form = try await app.page(.GET, "/surveys/\(id)/responses/\(lagos)", as: editor)
                #expect(form.status == .ok && form.text.contains(#"name="answer-q1""#))
                // A refused answer comes back on the form as it was typed, the others with it.
                let typo = try await app.page(
                    .POST, "/surveys/\(id)/responses/\(lagos)",
                    form: ["answer-q1": "yes", "answer-q2": "twelve", "action": "submit"], as: editor)
                #expect(typo.status == .badRequest && typo.text.contains(#"value="twelve""#))
                #expect(typo.text.contains(#"value="yes" checked"#))
                let saved = try await app.page(
                    .POST, "/surveys/\(id)/responses/\(lagos)", form: ["answer-q1": "yes", "action": "submit"],
                    as: editor)
                #expect(saved.status == .seeOther)
                let response = try #require(try await SurveyResponse.query(on: app.db).first())
                #expect(response.answers == ["q1": .flag(true)] && response.submittedAt != nil)
                // Questions are fixed once the survey is open.
                let late = try await app.page(
                    .POST, "/surveys/\(id)/questions", form: ["prompt": "How many centres?", "kind": "number"],
                    as: organiser)
                #expect(late.status == .conflict)
            }
        }
    }
}
