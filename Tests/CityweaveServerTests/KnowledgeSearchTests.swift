import CityweaveCore
import Fluent
import Foundation
import SQLKit
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
    @Suite struct PracticeSearchTests {
        /// The example practices, as a fresh installation has them.
        private func withExamples(_ test: (Application) async throws -> Void) async throws {
            try await withCityweave { app in
                try await DemoPractices.loadIfEmpty(app)
                try await test(app)
            }
        }

        @Test func theExamplesCoverManyThemesRegionsAndLanguagesChineseIncluded() async throws {
            try await withExamples { app in
                let all = try await app.searchPractices("per=100")
                // Translations of one practice are listed once.
                let published = try await Practice.query(on: app.db).filter(\.$publishedAt != nil).all()
                #expect(all.metadata.total == Set(published.map(\.originalID)).count)
                #expect(all.metadata.total >= 35 && published.count > all.metadata.total)
                #expect(all.items.allSatisfy { $0.isExample })
                let languages = Set(all.facets["language"]!.map(\.value))
                #expect(languages.isSuperset(of: ["en", "fr", "es", "zh"]))
                #expect(all.facets["region"]!.count == 5)
                #expect(all.facets["theme"]!.count >= 10)
                #expect(try await app.count("practice_transfers") >= 3)
                // Drafts among the examples are not searchable.
                #expect(try await app.count("practices") > all.metadata.total)
            }
        }

        @Test func wordsNamingAThemeInAnyLanguageFindItsPracticesAfterTheDirectMatches() async throws {
            try await withExamples { app in
                let housing = try await Practice.query(on: app.db).filter(\.$publishedAt != nil).all()
                    .filter { $0.themes.contains("housing") }
                #expect(housing.count >= 4)
                // No practice is written in Chinese on housing: 住房 finds them all, each marked.
                let chinese = try await app.searchPractices("q=\(encoded("住房"))&per=100")
                #expect(Set(chinese.items.map(\.id)) == Set(housing.map(\.id)))
                #expect(chinese.items.allSatisfy { $0.onTheSameTheme == true })
                // "vivienda" is in the Spanish practice's text: it comes first, the others on the same theme after.
                let spanish = try await app.searchPractices("q=vivienda&per=100")
                let direct = spanish.items.filter { $0.onTheSameTheme == false }
                #expect(!direct.isEmpty && direct.allSatisfy { $0.language == "es" })
                #expect(spanish.items.prefix(direct.count).allSatisfy { $0.onTheSameTheme == false })
                #expect(Set(spanish.items.map(\.id)) == Set(housing.map(\.id)).union(direct.map(\.id)))
                // Other words narrow the theme's practices to those whose text holds them.
                let narrowed = try await app.searchPractices("q=\(encoded("住房 eviction"))&per=100")
                #expect(narrowed.items.count == 1 && narrowed.items[0].title.contains("eviction"))
                // A word that names no theme finds only text.
                let plain = try await app.searchPractices("q=eviction&per=100")
                #expect(plain.items.allSatisfy { $0.onTheSameTheme == false })
                let page = try await app.page(.GET, "/practices?q=\(encoded("住房"))")
                #expect(page.body.string.components(separatedBy: "on the same theme</span>").count == housing.count + 1)
            }
        }

        @Test func traditionalSimplifiedAndJapaneseCharactersMeet() async throws {
            try await withExamples { app in
                // Yokohama's practice is written 防災 (Japanese); 防灾 is the simplified form.
                for query in ["防灾", "防災"] {
                    let found = try await app.searchPractices("q=\(encoded(query))")
                    let first = try #require(found.items.first, "nothing found for \(query)")
                    #expect(first.language == "ja" && first.onTheSameTheme == false)
                    let marked = ((first.titleParts ?? []) + (first.snippet ?? [])).filter(\.match).map(\.text)
                    #expect(marked.contains("防災"), "\(query) marked \(marked)")
                }
            }
        }

        @Test func practicesIndexedBeforeHanVariantsWereFoldedAreIndexedAgain() async throws {
            try await withExamples { app in
                let sql = app.db as! any SQLDatabase
                let practice = try #require(
                    try await Practice.query(on: app.db).filter(\.$language == "ja").first())
                let id = try practice.requireID()
                // As the index held it before: 訓練 as written, where a query now looks for 训练.
                let index = PracticeSearch.index(for: sql)
                try await index.remove(practiceID: id, on: sql)
                let unfolded = { (parts: [String]) in parts.map(NameKey.fold).joined(separator: " ") }
                try await index.store(
                    practiceID: id, title: unfolded([practice.title]),
                    body: unfolded(PracticeSearch.searchableBody(of: practice)), on: sql)
                #expect(try await app.searchPractices("q=\(encoded("训练"))").items.isEmpty)
                try await RefoldHanVariantsInTheSearchIndex().prepare(on: app.db)
                #expect(try await app.searchPractices("q=\(encoded("训练"))").items.map(\.id) == [id])
            }
        }

        @Test func translationsAreListedOnceInTheReadersLanguageWithTheOthersNamed() async throws {
            try await withExamples { app in
                for (languages, expected) in [("fr-FR,fr;q=0.9,en;q=0.5", "fr"), ("es", "es"), ("de", "en")] {
                    let response = try await app.api(.GET, "/api/v1/practices?per=100", languages: languages)
                    let page = try response.content.decode(PracticeSearchDTO.self)
                    // The drought practice is published in English, Spanish and French.
                    let drought = page.items.filter {
                        ["drought", "sequía", "sécheresse"].contains(where: $0.title.contains)
                    }
                    #expect(drought.count == 1, "\(languages)")
                    #expect(drought.first?.language == expected, "\(languages)")
                    let others = Set(drought.first?.otherVersions?.map(\.language) ?? [])
                    #expect(others == Set(["en", "es", "fr"]).subtracting([expected]), "\(languages)")
                }
                let page = try await app.page(.GET, "/practices?per=100").body.string
                #expect(
                    page.contains(#"hreflang="es">Spanish</a>, <a "#) && page.contains(#"hreflang="fr">French</a>"#))
                // Language names come from the reader's locale.
                let spanish = try await app.page(.GET, "/es/practices?per=100").body.string
                #expect(spanish.contains(#"hreflang="fr">francés</a>"#))
            }
        }

        /// Queries share one database: loading the examples is most of each one's cost.
        @Test func textIsFoundInAnyLanguageWithTheMatchMarked() async throws {
            try await withExamples { app in
                for query in ["口罩", "防災訓練", "방문", "sante", "salud publica", "saude"] {
                    let found = try await app.searchPractices("q=\(encoded(query))")
                    #expect(found.metadata.total > 0, "nothing found for \(query)")
                    let first = try #require(found.items.first, "nothing found for \(query)")
                    let marked = (first.titleParts ?? []) + (first.snippet ?? [])
                    #expect(marked.contains { $0.match }, "no match marked for \(query)")
                }
            }
        }

        /// Queries share one database: loading the examples is most of each one's cost.
        @Test func queryLanguageCharactersNeverFailTheSearch() async throws {
            let queries = [
                #""health"#, "health*", "NEAR(health water)", "((health", "health)", "\"", "*", "AND OR NOT",
                "col:health",
                "health' OR 1=1 --", String(repeating: "ab ", count: 150),
            ]
            try await withExamples { app in
                for query in queries {
                    let response = try await app.api(.GET, "/api/v1/practices?q=\(encoded(query))")
                    #expect(response.status == .ok, "\(query): \(response.body.string)")
                    let page = try await app.page(.GET, "/practices?q=\(encoded(query))")
                    #expect(page.status == .ok, "\(query)")
                }
            }
        }

        @Test func facetsCountTheMatchesAndFiltersNarrowThem() async throws {
            try await withExamples { app in
                let all = try await app.searchPractices("per=100")
                let health = try #require(all.facets["theme"]?.first { $0.value == "health" })
                let filtered = try await app.searchPractices("theme=health&per=100")
                #expect(filtered.metadata.total == health.count)
                #expect(filtered.items.allSatisfy { $0.themes.contains("health") })
                let stage = try #require(filtered.facets["stage"]?.first)
                let both = try await app.searchPractices("theme=health&stage=\(stage.value)&per=100")
                #expect(both.metadata.total == stage.count)
                let chinese = try await app.searchPractices("language=zh&per=100")
                #expect(chinese.items.allSatisfy { $0.language == "zh" })
                #expect(chinese.facets["region"]?.map(\.value) == ["Asia"])
                let africa = try await app.searchPractices("region=Africa&per=100")
                #expect(africa.metadata.total > 0)
                let total = all.facets["population"]!.reduce(0) { $0 + $1.count }
                #expect(total == all.metadata.total)
                let reviewed = try #require(all.facets["network"]?.first)
                let byNetwork = try await app.searchPractices("network=\(reviewed.value)")
                #expect(byNetwork.metadata.total == reviewed.count)
            }
        }

        @Test func facetCountsFollowEveryChangeWhoeverMakesIt() async throws {
            try await withCityweave { app in
                func counts(_ facet: String) async throws -> [String: Int] {
                    let found = try await app.searchPractices("")
                    return Dictionary(uniqueKeysWithValues: (found.facets[facet] ?? []).map { ($0.value, $0.count) })
                }
                #expect(try await counts("region") == [:])
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let token = try await app.token(for: editor)
                let id = try await app.createPractice(city: paris, token: token)
                #expect(try await counts("region") == ["Europe": 1])
                #expect(try await counts("income") == ["High income": 1])

                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
                let reviewer = try await app.makeUser("r@example.org", organisation: .network(c40.id!), role: .editor)
                let reviewed = try await app.api(
                    .PUT, "/api/v1/practices/\(id)/reviews/c40",
                    json: #"{"readableAlone": true, "evidenceGiven": true}"#, token: try await app.token(for: reviewer))
                #expect(reviewed.status == .ok)
                #expect(try await counts("network") == ["\(c40.id!)": 1])

                // A change made beside the server (an operator's SQL, an import
                // run from the command line) is counted as soon as it is made.
                let sql = app.db as! any SQLDatabase
                try await sql.raw("UPDATE countries SET income_group = 'Upper middle income' WHERE iso2 = 'FR'").run()
                #expect(try await counts("income") == ["Upper middle income": 1])
                let emptied: SQLQueryString =
                    sql.dialect.name == "postgresql" ? "TRUNCATE practice_reviews" : "DELETE FROM practice_reviews"
                try await sql.raw(emptied).run()
                #expect(try await counts("network") == [:])

                let withdrawn = try await app.api(
                    .PUT, "/api/v1/practices/\(id)/publication", json: #"{"published": false}"#, token: token)
                #expect(withdrawn.status == .ok)
                #expect(try await counts("region") == [:])
            }
        }

        @Test func resultsArePagedAndSortableByDate() async throws {
            try await withExamples { app in
                let first = try await app.searchPractices("sort=date&per=5")
                let second = try await app.searchPractices("sort=date&per=5&page=2")
                #expect(first.items.count == 5)
                #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))
                let dates = (first.items + second.items).compactMap(\.publishedAt)
                #expect(dates == dates.sorted(by: >))
            }
        }

        @Test(arguments: [
            ("theme=astrology", "theme"), ("region=Atlantis", "region"), ("income=rich", "income"),
            ("population=huge", "population"), ("stage=done", "stage"), ("language=french", "language"),
            ("network=nowhere", "network"), ("sort=random", "sort"), ("per=500", "per"), ("page=0", "page"),
        ])
        func badFiltersAreRefusedNamingTheParameter(query: String, parameter: String) async throws {
            try await withCityweave(loadReference: false) { app in
                let response = try await app.api(.GET, "/api/v1/practices?\(query)")
                #expect(response.isProblem(status: .badRequest, mentioning: parameter))
            }
        }

        @Test func theSearchPageShowsFacetsSnippetsAndTheFeed() async throws {
            try await withExamples { app in
                let html = try await app.page(.GET, "/practices?q=\(encoded("santé"))").body.string
                #expect(html.contains("<mark>santé</mark>") || html.contains("<mark>Santé</mark>"))
                #expect(html.contains("<h2>Theme</h2>") && html.contains("<h2>Language</h2>"))
                #expect(html.contains("/feeds/practices.atom"))
                let themed = try await app.page(.GET, "/practices?theme=health&q=a%26b").body.string
                #expect(themed.contains("/feeds/practices/health.atom"))
                // The link that clears the filters keeps the words, encoded.
                #expect(themed.contains("href=\"/practices?q=a%26b\""))
            }
        }

        @Test func feedsListPublishedPracticesOverallAndPerTheme() async throws {
            try await withExamples { app in
                let all = try await app.page(.GET, "/feeds/practices.atom")
                #expect(all.headers.contentType?.subType == "atom+xml")
                let health = try await app.page(.GET, "/feeds/practices/health.atom").body.string
                let climate = try await app.page(.GET, "/feeds/practices/climate.atom").body.string
                #expect(health.contains("<category term=\"health\"/>"))
                let entries = health.components(separatedBy: "<entry").count - 1
                let healthCount = try await app.searchPractices("theme=health").metadata.total
                #expect(entries == min(healthCount, PracticeFeedController.entries))
                #expect(health != climate)
                #expect(try await app.page(.GET, "/feeds/practices/astrology.atom").status == .notFound)
                #expect(try await app.page(.GET, "/feeds/practices/health.rss").status == .notFound)
            }
        }
    }
}
