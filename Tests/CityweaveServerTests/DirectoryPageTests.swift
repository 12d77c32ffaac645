import CityweaveCore
import Fluent
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
    @Suite struct DirectoryPageTests {
        @Test func homeShowsCountsLargestNetworksAndAMapOfMemberCities() async throws {
            try await withCityweave { app in
                // In every language: the page's structure and its messages, whatever their words.
                for language in InterfaceLanguage.allCases {
                    let res = try await app.page(.GET, "/\(language.rawValue)/")
                    #expect(res.status == .ok)
                    #expect(res.headers.contentType == .html)
                    let html = res.body.string
                    let heading = Message("directory.home.largest-networks-heading", "Largest networks")
                    #expect(html.contains("<h2>\(app.words(heading, in: language))</h2>"), "\(language)")
                    #expect(html.contains("href=\"/\(language.rawValue)/networks/c40\""))
                    #expect(html.contains("<svg viewBox=\"0 0 960.0 467.0\""))
                    #expect(html.contains("<circle"))
                    #expect(html.contains("aria-current=\"page\""))
                }
            }
        }

        @Test func cityPageShowsFactsProfileNetworksAndPartnersOnAMap() async throws {
            try await withCityweave { app in
                let shanghai = try await app.cityID("Shanghai", "CN")
                let yokohama = try await app.cityID("Yokohama", "JP")
                for language in InterfaceLanguage.allCases {
                    let res = try await app.page(.GET, "/\(language.rawValue)/cities/\(shanghai)")
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(html.contains("<h1>Shanghai</h1>"))
                    #expect(html.contains(app.words(ReferenceName.incomeGroup("Upper middle income"), in: language)))
                    let government = Message("directory.city.profile.government", "Form of government")
                    #expect(html.contains(app.words(government, in: language)), "\(language)")
                    #expect(html.contains("href=\"/\(language.rawValue)/cities/\(yokohama)\""))
                    #expect(html.contains("<line "))
                }
            }
        }

        @Test func networkPageHasASortablePagedMemberTableAndRegions() async throws {
            try await withCityweave { app in
                for language in InterfaceLanguage.allCases {
                    let res = try await app.page(
                        .GET, "/\(language.rawValue)/networks/c40?sort=population&order=desc&per=5")
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(html.contains("aria-sort=\"descending\""))
                    let byRegion = Message("directory.network.by-region-heading", "Members by region")
                    #expect(html.contains("<h2>\(app.words(byRegion, in: language))</h2>"), "\(language)")
                    #expect(html.contains("rel=\"next\""))
                    #expect(html.contains("London"))
                }
            }
        }

        @Test func countryAndCountriesPages() async throws {
            try await withCityweave { app in
                try await app.testing().test(.GET, "countries") { res async in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("href=\"/countries/JP\""))
                }
                try await app.testing().test(.GET, "countries/JP") { res async in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("Tokyo"))
                    #expect(res.body.string.contains("Eastern Asia"))
                }
            }
        }

        @Test func aCountryIsNamedInTheReadersLanguageFromTheLocaleData() async throws {
            try await withCityweave { app in
                #expect(try await app.page(.GET, "/countries/JP").body.string.contains("<h1>Japan</h1>"))
                let chinese = try await app.page(.GET, "/zh/countries/JP").body.string
                #expect(chinese.contains("<h1>日本</h1>"))
                #expect(try await app.page(.GET, "/zh/countries").body.string.contains(">日本</a>"))
            }
        }

        @Test(arguments: [("Sao Paulo", "São Paulo"), ("上海", "Shanghai"), ("Koln", "Köln")])
        func searchPageFindsNamesInAnyScript(query: String, expected: String) async throws {
            try await withCityweave { app in
                let path = "search?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains(">\(expected)</a>"))
                }
            }
        }

        @Test func pagesEscapeWhatTheyShow() async throws {
            try await withCityweave { app in
                try await app.testing().test(.GET, "search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E") { res async in
                    #expect(res.status == .ok)
                    #expect(!res.body.string.contains("<script>alert(1)</script>"))
                    #expect(res.body.string.contains("&lt;script&gt;"))
                }
            }
        }

        @Test func onlyWebAddressesBecomeLinks() async throws {
            try await withCityweave(loadReference: false) { app in
                let network = Network()
                network.slug = "test"
                network.name = "Test network"
                network.acronym = "TN"
                network.scope = .global
                network.region = ""
                network.themes = ["health"]
                network.website = "javascript:alert(1)"
                network.source = "test"
                network.details = "A network for tests."
                try await network.create(on: app.db)
                try await app.testing().test(.GET, "networks/test") { res async in
                    #expect(res.status == .ok)
                    #expect(!res.body.string.contains("javascript:"))
                    #expect(res.body.string.contains("none recorded"))
                }
            }
        }

        @Test func missingPagesAndBadAddressesAnswerWithAPage() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.testing().test(.GET, "cities/999999") { res async in
                    #expect(res.status == .notFound)
                    #expect(res.headers.contentType == .html)
                    #expect(res.body.string.contains("There is no city 999999."))
                }
                try await app.testing().test(.GET, "cities/abc") { res async in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("&#39;id&#39;") || res.body.string.contains("'id'"))
                }
            }
        }

        @Test func everyResponseCarriesTheSecurityHeaders() async throws {
            try await withCityweave(loadReference: false) { app in
                for path in ["/", "api/v1/countries", "nothing"] {
                    try await app.testing().test(.GET, path) { res async in
                        let policy = res.headers.first(name: "Content-Security-Policy") ?? ""
                        #expect(policy.contains("frame-ancestors 'none'"))
                        #expect(!policy.contains("unsafe-inline"))
                        #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                        #expect(res.headers.first(name: "Referrer-Policy") != nil)
                    }
                }
            }
        }
    }
}
