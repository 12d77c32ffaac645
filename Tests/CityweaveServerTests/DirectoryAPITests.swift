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
    @Suite struct DirectoryAPITests {
        @Test func citiesArePagedLargestFirstWithATotal() async throws {
            try await withCityweave { app in
                try await app.testing().test(.GET, "api/v1/cities?per=5&page=2") { res async throws in
                    #expect(res.status == .ok)
                    let page = try res.content.decode(Paged<CitySummaryDTO>.self)
                    #expect(page.items.count == 5)
                    #expect(page.metadata.page == 2)
                    #expect(page.metadata.total == (try await City.query(on: app.db).count()))
                    #expect(page.items.map(\.population) == page.items.map(\.population).sorted(by: >))
                }
            }
        }

        @Test func citiesFilterByCountryAndSortByName() async throws {
            try await withCityweave { app in
                try await app.testing().test(.GET, "api/v1/cities?country=de&sort=name&order=asc&per=100") {
                    res async throws in
                    let page = try res.content.decode(Paged<CitySummaryDTO>.self)
                    #expect(!page.items.isEmpty)
                    #expect(page.items.allSatisfy { $0.countryCode == "DE" })
                    #expect(page.items.map(\.name) == page.items.map(\.name).sorted())
                    #expect(page.items.contains { $0.name == "Berlin" })
                }
            }
        }

        @Test(arguments: [
            ("Sao Paulo", "São Paulo"), ("上海", "Shanghai"), ("Koln", "Köln"), ("KÖLN", "Köln"), ("Москва", "Moscow"),
            ("東京", "Tokyo"),
        ])
        func citySearchFindsNamesInAnyScriptAndWithoutAccents(query: String, expected: String) async throws {
            try await withCityweave { app in
                let path = "api/v1/cities?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                try await app.testing().test(.GET, path) { res async throws in
                    #expect(res.status == .ok)
                    let page = try res.content.decode(Paged<CitySummaryDTO>.self)
                    #expect(page.items.first?.name == expected, "\(query) found \(page.items.map(\.name))")
                }
            }
        }

        @Test func searchFindsCitiesNetworksCountriesAndPeople() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                try await Person(name: "Anne Hidalgo", roleTitle: "Mayor", cityID: paris, networkID: nil).create(
                    on: app.db)
                try await app.testing().test(.GET, "api/v1/search?q=Anne%20Hidalgo") { res async throws in
                    let page = try res.content.decode(Paged<SearchHitDTO>.self)
                    #expect(page.items.first?.kind == "person")
                    #expect(page.items.first?.description == "Mayor, Paris")
                }
                try await app.testing().test(.GET, "api/v1/search?q=c40") { res async throws in
                    let page = try res.content.decode(Paged<SearchHitDTO>.self)
                    #expect(page.items.first?.kind == "network")
                    #expect(page.items.first?.url == "/networks/c40")
                }
                try await app.testing().test(.GET, "api/v1/search?q=japan&kind=country") { res async throws in
                    let page = try res.content.decode(Paged<SearchHitDTO>.self)
                    #expect(page.items.map(\.id) == ["JP"])
                }
                try await app.testing().test(.GET, "api/v1/search?q=paulo&kind=city") { res async throws in
                    // Found inside the name, not only at its start.
                    let page = try res.content.decode(Paged<SearchHitDTO>.self)
                    #expect(page.items.contains { $0.name == "São Paulo" })
                }
            }
        }

        @Test func oneCityWithCountryContextAndNetworks() async throws {
            try await withCityweave { app in
                let london = try await app.cityID("London", "GB")
                try await app.testing().test(.GET, "api/v1/cities/\(london)") { res async throws in
                    #expect(res.status == .ok)
                    let city = try res.content.decode(CityDTO.self)
                    #expect(city.city.name == "London")
                    #expect(city.country.code == "GB")
                    #expect(city.contextProfile.region == "Europe")
                    #expect(city.contextProfile.incomeGroup == "High income")
                    #expect(city.networks.contains { $0.slug == "c40" })
                }
            }
        }

        @Test func networksWithMembersSortedAndPaged() async throws {
            try await withCityweave { app in
                try await app.testing().test(.GET, "api/v1/networks?per=100") { res async throws in
                    let page = try res.content.decode(Paged<NetworkDTO>.self)
                    #expect(page.metadata.total >= 30)
                    // Networks with a known member list come first, largest first; those whose list is not published follow.
                    let known = page.items.prefix { $0.membersKnown }
                    #expect(page.items.dropFirst(known.count).allSatisfy { !$0.membersKnown })
                    #expect(known.count >= 20)
                    #expect(known.map(\.memberCount) == known.map(\.memberCount).sorted(by: >))
                }
                try await app.testing().test(.GET, "api/v1/networks?sort=name&order=desc&per=100") { res async throws in
                    let names = try res.content.decode(Paged<NetworkDTO>.self).items.map { $0.name.lowercased() }
                    #expect(names == names.sorted(by: >))
                }
                try await app.testing().test(.GET, "api/v1/networks?sort=founded&order=asc&per=100") {
                    res async throws in
                    let years = try res.content.decode(Paged<NetworkDTO>.self).items.map { $0.founded ?? 0 }
                    #expect(years == years.sorted())
                }
                try await app.testing().test(.GET, "api/v1/networks/c40") { res async throws in
                    let network = try res.content.decode(NetworkDTO.self)
                    #expect(network.name.contains("C40"))
                    #expect(network.secretariat?.name == "London")
                    #expect(network.memberCount > 20)
                }
                try await app.testing().test(.GET, "api/v1/networks/c40/members?sort=population&order=desc&per=3") {
                    res async throws in
                    let page = try res.content.decode(Paged<MemberDTO>.self)
                    #expect(page.items.count == 3)
                    #expect(page.items.map(\.city.population) == page.items.map(\.city.population).sorted(by: >))
                    #expect(page.metadata.total > 20)
                }
            }
        }

        @Test func partnershipsOfOneCity() async throws {
            try await withCityweave { app in
                let shanghai = try await app.cityID("Shanghai", "CN")
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.testing().test(.GET, "api/v1/partnerships?city=\(shanghai)&per=100") { res async throws in
                    let page = try res.content.decode(Paged<PartnershipDTO>.self)
                    let tie = page.items.first { $0.cities.map(\.id).contains(yokohama) }
                    #expect(tie?.kind == .sisterCity)
                    #expect(tie?.since == 1973)
                    #expect(page.items.allSatisfy { $0.cities.map(\.id).contains(shanghai) })
                }
            }
        }

        @Test func countriesWithRegionAndIncomeGroup() async throws {
            try await withCityweave { app in
                try await app.testing().test(.GET, "api/v1/countries?region=Europe&per=100") { res async throws in
                    let page = try res.content.decode(Paged<CountryDTO>.self)
                    #expect(page.items.allSatisfy { $0.region == "Europe" })
                    #expect(page.items.contains { $0.code == "FR" && $0.incomeGroup == "High income" })
                }
                try await app.testing().test(.GET, "api/v1/countries/fr") { res async throws in
                    #expect(try res.content.decode(CountryDTO.self).iso3 == "FRA")
                }
            }
        }

        @Test(arguments: [
            ("api/v1/cities?page=0", "'page'"), ("api/v1/cities?page=", "'page'"),
            ("api/v1/cities?country=", "'country'"), ("api/v1/cities?per=101", "'per'"),
            ("api/v1/cities?per=abc", "'per'"),
            ("api/v1/cities?country=France", "'country'"), ("api/v1/cities?sort=size", "'sort'"),
            ("api/v1/cities?order=up", "'order'"), ("api/v1/cities/abc", "'id'"), ("api/v1/cities/-3", "'id'"),
            ("api/v1/partnerships?city=x", "'city'"), ("api/v1/search", "'q'"),
            ("api/v1/search?q=a&kind=town", "'kind'"),
            ("api/v1/search?q=\(String(repeating: "a", count: 101))", "'q'"),
        ])
        func badParametersAreProblemsNamingTheField(path: String, field: String) async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.isProblem(status: .badRequest, mentioning: field), "\(path): \(res.body.string)")
                }
            }
        }

        @Test(arguments: [
            "api/v1/cities/999999999", "api/v1/networks/nowhere", "api/v1/networks/nowhere/members",
            "api/v1/countries/ZZ", "api/v1/partnerships?city=999999999", "api/v1/nothing",
        ])
        func unknownRecordsAreNotFoundProblems(path: String) async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.status == .notFound)
                    #expect(res.headers.contentType?.subType == "problem+json")
                }
            }
        }

        @Test func aMethodAnAddressDoesNotAnswerIsNotAllowed() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.testing().test(.DELETE, "api/v1/cities/1") { res async in
                    #expect(res.isProblem(status: .methodNotAllowed, mentioning: "GET, PATCH"))
                    #expect(res.headers.first(name: "Allow") == "GET, PATCH")
                }
            }
        }

        @Test func metricsCountRequestsForPrometheus() async throws {
            let token = "a-metrics-token-for-the-test"
            let withToken: (inout CityweaveConfiguration) -> Void = { $0.metricsToken = token }
            try await withCityweave(loadReference: false, configure: withToken) { app in
                try await app.testing().test(.GET, "healthz") { _ async in }
                try await app.testing().test(.GET, "metrics", headers: ["Authorization": "Bearer \(token)"]) {
                    res async in
                    #expect(res.status == .ok)
                    #expect(res.headers.contentType?.parameters["version"] == "0.0.4")
                    #expect(res.body.string.contains("http_requests_total"))
                    #expect(res.body.string.contains("path=\"/healthz\""))
                }
            }
        }

        @Test func healthAnswersWhenTheDatabaseDoes() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.testing().test(.GET, "healthz") { res async in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("ok"))
                }
            }
        }
    }
}
