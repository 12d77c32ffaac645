import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct PracticeCollaborationTests {
        @Test func aNetworkReviewsAPublishedPracticeWithItsChecklist() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let cityToken = try await app.token(for: editor)
                let draft = try await app.createPractice(city: paris, token: cityToken, publish: false)
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
                let reviewer = try await app.makeUser("r@example.org", organisation: .network(c40.id!), role: .editor)
                let token = try await app.token(for: reviewer)
                let early = try await app.api(
                    .PUT, "/api/v1/practices/\(draft)/reviews/c40",
                    json: #"{"readableAlone": true, "evidenceGiven": true}"#,
                    token: token)
                // To a network, another city's draft does not exist.
                #expect(early.status == .notFound)

                let id = try await app.createPractice(city: paris, token: cityToken, changing: ["pitfalls": ""])
                let reviewed = try await app.api(
                    .PUT, "/api/v1/practices/\(id)/reviews/c40",
                    json: #"{"readableAlone": true, "evidenceGiven": true, "comment": "Clear."}"#, token: token)
                #expect(reviewed.status == .ok)
                let review = try #require(try reviewed.content.decode(PracticeDTO.self).reviews.first)
                #expect(review.network.slug == "c40")
                #expect(review.missingSections == ["pitfalls"])
                #expect(!review.complete)
                #expect(review.reviewer == reviewer.name)
                let byCity = try await app.api(
                    .PUT, "/api/v1/practices/\(id)/reviews/c40",
                    json: #"{"readableAlone": true, "evidenceGiven": true}"#,
                    token: cityToken)
                #expect(byCity.status == .forbidden)
                let page = try await app.page(.GET, "/practices/\(id)").body.string
                #expect(page.contains("C40") && page.contains("missing: pitfalls"))
            }
        }

        @Test func aTransferMovesForwardAndItsResultBecomesEvidence() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let tokyo = try await app.cityID("Tokyo", "JP")
                let parisEditor = try await app.makeUser("p@example.org", organisation: .city(paris), role: .editor)
                let tokyoEditor = try await app.makeUser("t@example.org", organisation: .city(tokyo), role: .editor)
                let parisToken = try await app.token(for: parisEditor)
                let tokyoToken = try await app.token(for: tokyoEditor)
                let practice = try await app.createPractice(city: paris, token: parisToken)

                let own = try await app.api(
                    .POST, "/api/v1/practices/\(practice)/transfers",
                    json: #"{"city": \#(paris), "stage": "exploring"}"#,
                    token: parisToken)
                #expect(own.isProblem(status: .badRequest, mentioning: "own practice"))
                let declared = try await app.api(
                    .POST, "/api/v1/practices/\(practice)/transfers",
                    json:
                        #"{"city": \#(tokyo), "stage": "exploring", "date": "2024-01-10", "notes": "Heat plan review"}"#,
                    token: tokyoToken)
                #expect(declared.status == .created)
                let transfer = try declared.content.decode(TransferDTO.self).id
                let path = "/api/v1/practices/\(practice)/transfers/\(transfer)"

                let early = try await app.api(
                    .PUT, path + "/evidence", json: #"{"countsAsEvidence": true}"#, token: parisToken)
                #expect(early.isProblem(status: .conflict, mentioning: "implemented"))
                let byOwner = try await app.api(.PATCH, path, json: #"{"stage": "adapting"}"#, token: parisToken)
                #expect(byOwner.status == .forbidden)
                let stale = try await app.api(
                    .PATCH, path, json: #"{"stage": "adapting", "date": "2023-12-31"}"#, token: tokyoToken)
                #expect(stale.isProblem(status: .badRequest, mentioning: "date"))
                let future = try await app.api(
                    .PATCH, path, json: #"{"stage": "adapting", "date": "2999-01-01"}"#, token: tokyoToken)
                #expect(future.isProblem(status: .badRequest, mentioning: "future"))
                let moved = try await app.api(
                    .PATCH, path,
                    json: #"{"stage": "implemented", "date": "2024-06-01", "notes": "Calls by text message"}"#,
                    token: tokyoToken)
                #expect(moved.status == .ok)
                let back = try await app.api(.PATCH, path, json: #"{"stage": "piloting"}"#, token: tokyoToken)
                #expect(back.isProblem(status: .conflict, mentioning: "forward"))

                let cited = try await app.api(
                    .PUT, path + "/evidence", json: #"{"countsAsEvidence": true}"#, token: parisToken)
                #expect(cited.status == .ok)
                let transfers = try await app.api(.GET, "/api/v1/practices/\(practice)/transfers")
                    .content.decode([TransferDTO].self)
                #expect(transfers.map(\.stage) == [.implemented])
                #expect(transfers[0].steps.map(\.stage) == [.exploring, .implemented])
                #expect(transfers[0].steps.last?.notes == "Calls by text message")
                let detail = try await app.api(.GET, "/api/v1/practices/\(practice)").content.decode(PracticeDTO.self)
                #expect(detail.evidenceFromTransfers.map(\.city.id) == [tokyo])
                let page = try await app.page(.GET, "/practices/\(practice)").body.string
                #expect(page.contains("Tokyo") && page.contains("cited as evidence"))
                // The day of a step as each reader's locale writes it.
                #expect(page.contains("1 June 2024"))
                #expect(try await app.page(.GET, "/fr/practices/\(practice)").text.contains("1 juin 2024"))
                #expect(try await app.page(.GET, "/zh/practices/\(practice)").text.contains("2024年6月1日"))
                let abandoned = try await app.api(.PATCH, path, json: #"{"stage": "abandoned"}"#, token: tokyoToken)
                #expect(try abandoned.content.decode(TransferDTO.self).countsAsEvidence == false)
                let after = try await app.api(.GET, "/api/v1/practices/\(practice)").content.decode(PracticeDTO.self)
                #expect(after.evidenceFromTransfers.isEmpty)
                let again = try await app.api(
                    .POST, "/api/v1/practices/\(practice)/transfers",
                    json: #"{"city": \#(tokyo), "stage": "adapting"}"#,
                    token: tokyoToken)
                #expect(again.status == .conflict)
                let finished = try await app.api(.PATCH, path, json: #"{"stage": "evaluated"}"#, token: tokyoToken)
                #expect(finished.isProblem(status: .conflict, mentioning: "finished"))
            }
        }

        @Test func recommendationsRankCitiesLikeMineAndSayWhy() async throws {
            try await withCityweave { app in
                try await DemoPractices.loadIfEmpty(app)
                let osaka = try await app.cityID("Osaka", "JP")
                let ranked = try await app.api(.GET, "/api/v1/cities/\(osaka)/recommended-practices?limit=5")
                    .content.decode([RecommendedPracticeDTO].self)
                #expect(ranked.count == 5)
                #expect(ranked.map(\.score) == ranked.map(\.score).sorted(by: >))
                #expect(ranked.allSatisfy { !$0.reasons.isEmpty && $0.practice.city.id != osaka })
                // A Japanese city's best match shares its income group and part of the world.
                #expect(ranked[0].reasons.contains("same income group"))

                // A change to either city's profile is compared at the next request.
                for cityID in [osaka, ranked[0].practice.city.id] {
                    let city = try #require(try await City.find(cityID, on: app.db))
                    city.formOfGovernment = .committee
                    try await city.save(on: app.db)
                }
                let again = try await app.api(.GET, "/api/v1/cities/\(osaka)/recommended-practices?limit=50")
                    .content.decode([RecommendedPracticeDTO].self)
                let sameForm = try #require(again.first { $0.practice.id == ranked[0].practice.id })
                #expect(sameForm.reasons.contains("same governance form"))
                #expect(!ranked[0].reasons.contains("same governance form"))

                let practice = try #require(ranked.first?.practice.id)
                let peers = try await app.api(.GET, "/api/v1/practices/\(practice)/similar-cities?limit=4")
                    .content.decode([PeerCityDTO].self)
                #expect(!peers.isEmpty && peers.count <= 4)
                #expect(peers.map(\.score) == peers.map(\.score).sorted(by: >))
                #expect(
                    try await app.api(.GET, "/api/v1/practices/\(practice)/similar-cities?limit=500").status
                        == .badRequest)

                let cityPage = try await app.page(.GET, "/cities/\(osaka)").body.string
                #expect(cityPage.contains("Done in cities like Osaka"))
                #expect(try await app.page(.GET, "/cities/\(osaka)/recommended-practices").status == .ok)
            }
        }
    }

    @Suite struct MeasureTests {
        @Test func theBrazilTrackerLoadsAsMeasuresOfItsStateCapitals() async throws {
            guard TestEnvironment.hasSharedData else {
                print("skipped: ../shared/data is not here")
                return
            }
            try await withCityweave(cities: .minimumPopulation(300_000)) { app in
                let text = try String(
                    contentsOfFile: TestEnvironment.sharedData + "oxcgrt-brazil-2020.csv", encoding: .utf8)
                let folder = TestEnvironment.packageRoot + "Resources/Reference/"
                let summary = try await MeasureImport.run(
                    text: text, on: app.db, referenceFolder: folder, showsProgress: false)
                #expect(summary.unmatchedCount == 0)
                #expect(summary.created == 277)
                let again = try await MeasureImport.run(
                    text: text, on: app.db, referenceFolder: folder, showsProgress: false)
                #expect(again.created == 0 && again.unchanged == 277)

                let palmas = try #require(
                    try await City.query(on: app.db).filter(\.$name == "Palmas").filter(\.$admin1Code == "31").first())
                let measures = try await app.api(.GET, "/api/v1/measures?city=\(palmas.id!)&per=100")
                    .content.decode(Paged<MeasureDTO>.self)
                #expect(measures.metadata.total > 0)
                let saoPaulo = try await app.cityID("São Paulo", "BR")
                let schools = try await app.api(
                    .GET, "/api/v1/measures?city=\(saoPaulo)&category=C1&from=2020-03-01&to=2020-04-30"
                ).content.decode(Paged<MeasureDTO>.self)
                #expect(
                    schools.items.allSatisfy {
                        $0.category.code == "C1" && $0.date >= "2020-03-01" && $0.date <= "2020-04-30"
                    })
                #expect(schools.items.contains { ($0.score ?? 0) > 0 })
                #expect(schools.items.allSatisfy { $0.category.theme == "education" })

                let timeline = try await app.page(.GET, "/measures/cities/\(saoPaulo)").body.string
                #expect(timeline.contains("<svg") && timeline.contains("/practices?theme=education"))
                #expect(try await app.page(.GET, "/measures?category=C1").status == .ok)
            }
        }

        @Test(arguments: [
            ("from=2020-13-01", "from"), ("to=yesterday", "to"), ("category=Z9", "category"), ("city=abc", "city"),
            ("from=2020-05-01&to=2020-04-01", "from"),
        ])
        func badMeasureFiltersAreRefusedNamingTheParameter(query: String, parameter: String) async throws {
            try await withCityweave(loadReference: false) { app in
                let response = try await app.api(.GET, "/api/v1/measures?\(query)")
                #expect(response.isProblem(status: .badRequest, mentioning: parameter))
            }
        }

        @Test func aFileWithoutTheTrackerColumnsChangesNothing() async throws {
            try await withCityweave(loadReference: false) { app in
                do {
                    _ = try await MeasureImport.run(
                        text: "city,date\nLima,20200101\n", on: app.db, referenceFolder: "", showsProgress: false)
                    Issue.record("a file without the tracker's columns was accepted")
                } catch let error as ImportError {
                    #expect(error.description.contains("CountryCode"))
                }
                let count = try await app.count("tracked_measures")
                #expect(count == 0)
            }
        }
    }
}
