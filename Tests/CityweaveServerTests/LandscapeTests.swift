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
    @Suite struct LandscapeTests {
        /// The members of a network in a year, straight from the memberships table; a closed network
        /// has none after the year it ended.
        static func members(of network: Int, in year: Int, on database: any Database) async throws -> Set<Int> {
            let ended = try await Network.find(network, on: database)?.ended
            return Set(
                try await Membership.query(on: database).filter(\.$network.$id == network).all()
                    .filter { ($0.since ?? year) <= year && ($0.until ?? ended ?? year) >= year }.map(\.$city.id))
        }

        @Test func theOverlapOfNetworksEqualsTheirMembersSetsAndAYearOutOfRangeIsRefused() async throws {
            try await withCityweave { app in
                let year = DirectoryEdits.thisYear
                let response = try await app.api(.GET, "/api/v1/landscape/overlap?per=5")
                let page = try response.content.decode(Paged<OverlapPairDTO>.self)
                #expect(page.items.count == 5 && page.metadata.total > 5)
                #expect(page.items.map(\.redundancy) == page.items.map(\.redundancy).sorted(by: >))
                for pair in page.items {
                    let first = try await Self.members(of: pair.first.id, in: year, on: app.db)
                    let second = try await Self.members(of: pair.second.id, in: year, on: app.db)
                    let shared = first.intersection(second).count
                    #expect(pair.sharedMembers == shared, "\(pair.first.name) and \(pair.second.name)")
                    #expect(abs(pair.jaccard - Double(shared) / Double(first.union(second).count)) < 1e-12)
                    #expect(
                        abs(pair.overlapCoefficient - Double(shared) / Double(min(first.count, second.count))) < 1e-12)
                }
                for (query, message) in [
                    ("year=1899", "'year' must be a year from 1900"), ("year=3000", "'year' must be a year from 1900"),
                    ("year=soon", "got 'soon'"),
                ] {
                    for route in ["overlap", "clusters", "inclusion"] {
                        let refused = try await app.api(.GET, "/api/v1/landscape/\(route)?\(query)")
                        #expect(refused.isProblem(status: .badRequest, mentioning: message), "\(route)?\(query)")
                    }
                }
                let clusters = try await app.api(.GET, "/api/v1/landscape/clusters?year=2010")
                let grouped = try clusters.content.decode(ClustersDTO.self)
                #expect(grouped.year == 2010 && grouped.threshold == 0.5)
                let ids = grouped.clusters.flatMap { $0.map(\.id) }
                #expect(Set(ids).count == ids.count)
            }
        }

        @Test func aClosedNetworksMembersCountWhileItRanAndNotAfter() async throws {
            try await withCityweave { app in
                let network = try #require(try await Network.query(on: app.db).filter(\.$slug == "100rc").first())
                let ended = try #require(network.ended)
                let whileItRan = try await Self.members(of: network.requireID(), in: ended, on: app.db)
                #expect(whileItRan.count > 50)
                let ran = try await app.api(.GET, "/api/v1/networks/100rc/coverage?year=\(ended)")
                #expect(try ran.content.decode(NetworkCoverageDTO.self).coverage.members == whileItRan.count)
                let after = try await app.api(.GET, "/api/v1/networks/100rc/coverage?year=\(ended + 1)")
                #expect(try after.content.decode(NetworkCoverageDTO.self).coverage.members == 0)
            }
        }

        @Test func similarNetworksAreTheMostRedundantAndAnUnknownNetworkIsNotFound() async throws {
            try await withCityweave { app in
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let similar = try await app.api(.GET, "/api/v1/networks/c40/similar")
                let pairs = try similar.content.decode([OverlapPairDTO].self)
                #expect(!pairs.isEmpty && pairs.count <= 10)
                #expect(pairs.allSatisfy { $0.first.id == c40 || $0.second.id == c40 })
                #expect(pairs.map(\.redundancy) == pairs.map(\.redundancy).sorted(by: >))
                #expect(try await app.api(.GET, "/api/v1/networks/no-such-network/similar").status == .notFound)
            }
        }

        @Test func inclusionCountsEveryCityAndFollowsANewMembership() async throws {
            try await withCityweave { app in
                let year = DirectoryEdits.thisYear
                let before = try await app.api(.GET, "/api/v1/landscape/inclusion").content.decode(InclusionDTO.self)
                let cities = try await City.query(on: app.db).count()
                #expect(before.inclusion.overall.cities == cities)
                var networked: Set<Int> = []
                var memberships: [Int: Int] = [:]
                // Only networks whose member list is known: one not published would count as empty.
                for network in try await Network.query(on: app.db).filter(\.$memberListSource != nil).all() {
                    let members = try await Self.members(of: network.requireID(), in: year, on: app.db)
                    networked.formUnion(members)
                    for city in members { memberships[city, default: 0] += 1 }
                }
                #expect(before.inclusion.overall.citiesInNetworks == networked.count)
                // Gini as the mean absolute difference over twice the mean, cities in no network counted.
                let counts =
                    memberships.values.map(Double.init) + Array(repeating: 0, count: cities - memberships.count)
                var differences = 0.0
                for a in counts { for b in counts { differences += abs(a - b) } }
                let mean = counts.reduce(0, +) / Double(cities)
                let gini = differences / (2 * Double(cities * cities) * mean)
                #expect(abs(before.inclusion.gini - gini) < 1e-9, "\(before.inclusion.gini) against \(gini)")
                let outside = try #require(before.largestCitiesInNoNetwork.first)
                #expect(!networked.contains(outside.id))

                // A network takes in the largest city in no network: the landscape follows at once.
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let token = try await app.token(
                    for: try await app.makeUser("c40@example.org", organisation: .network(c40), role: .editor))
                let added = try await app.api(
                    .POST, "/api/v1/networks/\(c40)/members", json: #"{"cityId": \#(outside.id)}"#, token: token)
                #expect(added.status == .created, "\(added.text)")
                let after = try await app.api(.GET, "/api/v1/landscape/inclusion").content.decode(InclusionDTO.self)
                #expect(after.inclusion.overall.citiesInNetworks == networked.count + 1)
                #expect(!after.largestCitiesInNoNetwork.contains { $0.id == outside.id })
            }
        }

        @Test func aCityShowsItsPlaceInTheGraphWithItsPartnersAndPeers() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let year = DirectoryEdits.thisYear
                let pairs = try await Partnership.query(on: app.db).all().filter { ($0.since ?? year) <= year }
                var neighbours: [Int: Set<Int>] = [:]
                for pair in pairs {
                    neighbours[pair.$cityA.id, default: []].insert(pair.$cityB.id)
                    neighbours[pair.$cityB.id, default: []].insert(pair.$cityA.id)
                }
                let partners = neighbours[yokohama] ?? []
                // Yokohama's component, by a search over the partnerships.
                var component: Set<Int> = [yokohama]
                var frontier = [yokohama]
                while let city = frontier.popLast() {
                    for next in neighbours[city] ?? [] where component.insert(next).inserted { frontier.append(next) }
                }
                let response = try await app.api(.GET, "/api/v1/landscape/cities/\(yokohama)")
                let city = try response.content.decode(LandscapeCityDTO.self)
                #expect(city.metrics.degree == partners.count && partners.count > 0)
                #expect(Set(city.neighbourhood.partners.map(\.city.id)) == partners)
                #expect(city.componentSize == component.count && component.count > partners.count + 1)
                #expect(city.metrics.betweenness > 0, "Yokohama links partners that are not partners of one another")
                #expect(
                    city.neighbourhood.peers.map(\.sharedNetworks)
                        == city.neighbourhood.peers.map(\.sharedNetworks).sorted(by: >))
                #expect(try await app.api(.GET, "/api/v1/landscape/cities/999999999").status == .notFound)
                #expect(try await app.api(.GET, "/api/v1/landscape/cities/\(yokohama)?year=1700").status == .badRequest)
            }
        }

        @Test func theShareHeldByTheHalfWithFewestMembershipsIsReadOffTheLorenzCurve() throws {
            var generator = SystemRandomNumberGenerator()
            for trial in 0..<200 {
                // setup: an even number of cities, each in a random number of 4 networks
                let cityCount = 2 * Int.random(in: 1...20, using: &generator)
                let cities = (1...cityCount).map {
                    LandscapeCity(id: $0, name: "", population: 1, countryCode: "", region: "", incomeGroup: nil)
                }
                let counts = cities.map { _ in Int.random(in: 0...4, using: &generator) }
                let memberships = zip(cities, counts).flatMap { city, count in
                    (0..<count).map { LandscapeMembership(networkID: $0 + 1, cityID: city.id) }
                }
                let index = try LandscapeIndex(
                    cities: cities, networks: (1...4).map { LandscapeNetwork(id: $0, name: "", themes: []) },
                    memberships: memberships, partnerships: [])
                // MUT
                let share = LorenzChart.share(heldBy: 0.5, LandscapeInclusion(index).lorenzCurve)
                // validate: the lower half's memberships over all of them
                let total = counts.reduce(0, +)
                let lowerHalf = counts.sorted().prefix(cityCount / 2).reduce(0, +)
                let expected = total == 0 ? 0.5 : Double(lowerHalf) / Double(total)
                #expect(abs(share - expected) < 1e-12, "trial \(trial): \(counts)")
            }
        }

        @Test func onlyTheMostRecentlyUsedYearsAreKept() {
            var years = RecentYears<String>()
            let capacity = RecentYears<String>.capacity
            for year in 2000..<(2000 + capacity) { years.set("\(year)", forYear: year) }
            #expect(years.value(forYear: 2000) == "2000", "2000 is now the most recently used")
            years.set("1999", forYear: 1999)
            #expect(years.value(forYear: 2001) == nil, "the least recently used year went")
            #expect(years.value(forYear: 2000) == "2000" && years.value(forYear: 1999) == "1999")
            #expect((2002..<(2000 + capacity)).allSatisfy { years.value(forYear: $0) == "\($0)" })
            years.set("again", forYear: 1999)
            #expect(years.value(forYear: 1999) == "again" && years.value(forYear: 2000) == "2000")
        }
    }
}
