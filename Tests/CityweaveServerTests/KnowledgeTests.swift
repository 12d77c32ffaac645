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

/// A practice as a client sends it, with one field changed or removed.
enum PracticeJSON {
    static var fields: [String: Any] {
        [
            "language": "fr", "title": "Plan canicule de quartier",
            "summary": "Des volontaires appellent les personnes âgées isolées pendant les vagues de chaleur.",
            "problem":
                "Les personnes âgées isolées meurent davantage pendant les canicules. La santé publique manque de relais.",
            "method": ["Recenser les personnes isolées", "Former des volontaires", "Appeler chaque jour d'alerte"],
            "staff": "Deux agents et quarante volontaires", "budgetBand": "10k_100k", "partners": "Croix-Rouge",
            "legalInstruments": "Arrêté municipal", "pitfalls": "Les listes vieillissent vite.",
            "resources": "Un centre d'appel", "evidence": "Moins d'hospitalisations l'été suivant.",
            "stage": "evaluated", "themes": ["health", "resilience"],
            "links": [["title": "Guide", "url": "https://example.org/guide"]], "contactName": "Claire Martin",
            "contactEmail": "claire@example.org",
        ]
    }

    static func body(city: Int, changing changes: [String: Any?] = [:], extra: [String: Any] = [:]) -> String {
        var object = fields.merging(extra) { $1 }
        object["city"] = city
        for (key, value) in changes {
            if let value { object[key] = value } else { object.removeValue(forKey: key) }
        }
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
    }
}

extension Application {
    /// Creates a practice through the API as `token`'s user; returns its id.
    func createPractice(city: Int, token: String, changing changes: [String: Any?] = [:], publish: Bool = true)
        async throws -> Int
    {
        let created = try await api(
            .POST, "/api/v1/practices", json: PracticeJSON.body(city: city, changing: changes), token: token)
        try #require(
            created.status == .created, "creating a practice answered \(created.status): \(created.body.string)")
        let id = try created.content.decode(PracticeDTO.self).id
        if publish {
            let published = try await api(
                .PUT, "/api/v1/practices/\(id)/publication", json: #"{"published": true}"#, token: token)
            try #require(published.status == .ok)
        }
        return id
    }

    func searchPractices(_ query: String) async throws -> PracticeSearchDTO {
        let response = try await api(.GET, "/api/v1/practices?" + query)
        try #require(response.status == .ok, "search \(query) answered \(response.status): \(response.body.string)")
        return try response.content.decode(PracticeSearchDTO.self)
    }
}

func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

extension CityweaveServerTests {
    @Suite struct PracticeTests {
        @Test func aDraftIsPrivateToItsCityUntilPublishedThenFoundWithoutAccents() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let viewer = try await app.makeUser("v@example.org", organisation: .city(paris), role: .viewer)
                let stranger = try await app.makeUser(
                    "s@example.org", organisation: .city(try await app.cityID("Tokyo", "JP")), role: .admin)
                let id = try await app.createPractice(
                    city: paris, token: try await app.token(for: editor), publish: false)

                #expect(try await app.api(.GET, "/api/v1/practices/\(id)").status == .notFound)
                #expect(
                    try await app.api(.GET, "/api/v1/practices/\(id)", token: try await app.token(for: stranger)).status
                        == .notFound)
                #expect(
                    try await app.api(.GET, "/api/v1/practices/\(id)", token: try await app.token(for: viewer)).status
                        == .ok)
                #expect(try await app.searchPractices("q=sante").metadata.total == 0)
                // Outside the city a draft does not exist, even for those who may write elsewhere.
                let strangerToken = try await app.token(for: stranger)
                let patch = try await app.api(
                    .PATCH, "/api/v1/practices/\(id)", json: #"{"title": "x"}"#, token: strangerToken)
                #expect(patch.status == .notFound)
                #expect(!patch.body.string.contains("Paris"))
                #expect(try await app.page(.GET, "/feeds/practices.atom").body.string.contains("canicule") == false)

                let token = try await app.token(for: editor)
                let published = try await app.api(
                    .PUT, "/api/v1/practices/\(id)/publication", json: #"{"published": true}"#, token: token)
                #expect(published.status == .ok)
                let found = try await app.searchPractices("q=SANTE%20publique")
                #expect(found.items.map(\.id) == [id])
                let marked = found.items[0].snippet?.filter(\.match).map(\.text)
                #expect(marked == ["santé", "publique"])
                #expect(
                    try await app.page(.GET, "/feeds/practices.atom").body.string.contains("Plan canicule de quartier"))
                let actions = try await AuditEntry.query(on: app.db).filter(\.$recordType == "practice").all().map(
                    \.action)
                #expect(actions.sorted() == ["create", "publish"])
            }
        }

        @Test func patchKeepsFieldsLeftOutAndNullClearsOptionalOnes() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let token = try await app.token(for: editor)
                let id = try await app.createPractice(city: paris, token: token)
                let response = try await app.api(
                    .PATCH, "/api/v1/practices/\(id)", json: #"{"title": "Plan canicule", "contactEmail": null}"#,
                    token: token)
                #expect(response.status == .ok)
                let practice = try response.content.decode(PracticeDTO.self)
                #expect(practice.title == "Plan canicule")
                #expect(practice.contact?.email == nil)
                #expect(practice.contact?.name == "Claire Martin")
                #expect(practice.method.count == 3)
                #expect(try await app.searchPractices("q=canicule").items.first?.title == "Plan canicule")
            }
        }

        @Test(arguments: [
            ("title", nil as String?, "title"), ("themes", #"["health", "astrology"]"#, "astrology"),
            ("method", "[]", "method"), ("language", #""french""#, "language"), ("stage", #""done""#, "stage"),
            ("links", #"[{"title": "x", "url": "javascript:alert(1)"}]"#, "links"),
            ("contactEmail", #""not-an-address""#, "contactEmail"), ("budgetBand", #""huge""#, "budgetBand"),
        ])
        func badPracticesAreRefusedNamingTheFieldAndNothingIsCreated(field: String, json: String?, named: String)
            async throws
        {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let token = try await app.token(for: editor)
                let entriesBefore = try await app.count("audit_entries")
                let value: Any? = try json.map {
                    try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed)
                }
                let response = try await app.api(
                    .POST, "/api/v1/practices", json: PracticeJSON.body(city: paris, changing: [field: value]),
                    token: token)
                #expect(response.isProblem(status: .badRequest, mentioning: named), "\(response.body.string)")
                #expect(try await app.count("practices") == 0)
                #expect(try await app.count("audit_entries") == entriesBefore)
            }
        }

        @Test func markdownIsRenderedWithoutScriptsOrEventHandlers() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let id = try await app.createPractice(
                    city: paris, token: try await app.token(for: editor),
                    changing: [
                        "problem":
                            "**Heat** <script>alert('x')</script> <img src=x onerror=alert(1)> [a](javascript:alert(2))",
                        "title": "<b>Bold</b> title",
                    ])
                let html = try await app.page(.GET, "/practices/\(id)").body.string
                #expect(html.contains("<strong>Heat</strong>"))
                #expect(!html.contains("<script>alert"))
                // Raw HTML may survive as escaped text, never as a tag or an attribute.
                #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
                #expect(html.range(of: #"<img"#) == nil)
                #expect(!html.contains("href=\"javascript:"))
                #expect(html.contains("&lt;b&gt;Bold&lt;/b&gt; title"))
            }
        }

        @Test func translationsAreLinkedAndThePageSaysWhichIsTheOriginal() async throws {
            try await withCityweave { app in
                let shanghai = try await app.cityID("Shanghai", "CN")
                let editor = try await app.makeUser("e@example.org", organisation: .city(shanghai), role: .editor)
                let token = try await app.token(for: editor)
                let original = try await app.createPractice(
                    city: shanghai, token: token,
                    changing: ["language": "zh", "title": "友好城市口罩互助", "summary": "上海与横滨互赠口罩。"])
                let english = try await app.api(
                    .POST, "/api/v1/practices",
                    json: PracticeJSON.body(
                        city: shanghai, changing: ["language": "en", "title": "Mask exchange between twin cities"],
                        extra: ["translationOf": original]), token: token)
                #expect(english.status == .created)
                let translation = try english.content.decode(PracticeDTO.self)
                #expect(!translation.isOriginal)
                #expect(translation.versions.map(\.language) == ["zh", "en"])
                #expect(translation.versions.first?.isOriginal == true)

                let again = try await app.api(
                    .POST, "/api/v1/practices",
                    json: PracticeJSON.body(
                        city: shanghai, changing: ["language": "zh"], extra: ["translationOf": original]),
                    token: token)
                #expect(again.isProblem(status: .conflict, mentioning: "language"))
                let paris = try await app.cityID("Paris", "FR")
                let parisEditor = try await app.makeUser("p@example.org", organisation: .city(paris), role: .editor)
                let foreign = try await app.api(
                    .POST, "/api/v1/practices",
                    json: PracticeJSON.body(
                        city: paris, changing: ["language": "es"], extra: ["translationOf": original]),
                    token: try await app.token(for: parisEditor))
                #expect(foreign.isProblem(status: .badRequest, mentioning: "translationOf"))

                _ = try await app.api(
                    .PUT, "/api/v1/practices/\(translation.id)/publication", json: #"{"published": true}"#, token: token
                )
                let page = try await app.page(.GET, "/practices/\(original)").body.string
                #expect(page.contains("Chinese (original)"))
                #expect(page.contains("href=\"/practices/\(translation.id)\""))
                // A reader of English opening the Chinese original is pointed to the English version first;
                // a reader of Chinese is not, nor is a reader of a language without a version.
                let pointer = "This practice is also written in English: read that version"
                #expect(try await app.page(.GET, "/en/practices/\(original)").text.contains(pointer))
                #expect(!(try await app.page(.GET, "/en/practices/\(translation.id)").text.contains(pointer)))
                #expect(!(try await app.page(.GET, "/zh/practices/\(original)").text.contains("notice\"><a href")))
                #expect(!(try await app.page(.GET, "/ru/practices/\(original)").text.contains("notice\"><a href")))
                #expect(try await app.searchPractices("q=\(encoded("口罩"))").items.map(\.id) == [original])
            }
        }

        @Test func deletingIsForDraftsNobodyDependsOn() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let token = try await app.token(for: editor)
                let id = try await app.createPractice(city: paris, token: token, publish: false)
                #expect(try await app.api(.DELETE, "/api/v1/practices/\(id)", token: token).status == .noContent)
                #expect(try await app.count("practices") == 0)
                #expect(try await app.searchPractices("q=canicule").metadata.total == 0)

                let kept = try await app.createPractice(city: paris, token: token)
                let tokyo = try await app.cityID("Tokyo", "JP")
                let tokyoEditor = try await app.makeUser("t@example.org", organisation: .city(tokyo), role: .editor)
                _ = try await app.api(
                    .POST, "/api/v1/practices/\(kept)/transfers", json: #"{"city": \#(tokyo), "stage": "exploring"}"#,
                    token: try await app.token(for: tokyoEditor))
                let refused = try await app.api(.DELETE, "/api/v1/practices/\(kept)", token: token)
                #expect(refused.isProblem(status: .conflict, mentioning: "withdraw"))
            }
        }
    }
}
