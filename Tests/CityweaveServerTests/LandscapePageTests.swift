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
    @Suite struct LandscapePageTests {
        /// The part of `html` from `start` to the first `end` after it (to its end without `end`).
        static func part(of html: String, from start: String, to end: String? = nil) throws -> String {
            let from = try #require(html.range(of: start), "\(start) is on the page").lowerBound
            let rest = html[from...]
            return String(end.flatMap { rest.range(of: $0) }.map { rest[..<$0.upperBound] } ?? rest)
        }

        /// The overlap table's first row, and the heading of the column it is sorted by.
        static func overlapTable(_ html: String) throws -> (firstRow: String, sortedBy: String) {
            let table = try part(of: html, from: "<section id=\"overlap\">", to: "</section>")
            return (
                try part(of: table, from: "<tbody>", to: "</tr>"), try part(of: table, from: "aria-sort=", to: "</th>")
            )
        }

        @Test func theLandscapePageShowsOverlapClustersAndWhoIsLeftOut() async throws {
            try await withCityweave { app in
                let top = try await app.api(.GET, "/api/v1/landscape/overlap?per=1").content.decode(
                    Paged<OverlapPairDTO>.self
                ).items[0]
                let inclusion = try await app.api(.GET, "/api/v1/landscape/inclusion").content.decode(InclusionDTO.self)
                // MUT
                let page = try await app.page(.GET, "/landscape")
                // validate
                #expect(page.status == .ok)
                let html = page.text
                for part in [
                    "Overlap between networks", "Clusters of redundancy", "<figure class=\"heatmap\">",
                    "Who is left out", "Gini coefficient \(String(format: "%.2f", inclusion.inclusion.gini))",
                    "The \(inclusion.largestCitiesInNoNetwork.count) largest cities in no network",
                    "Whom the largest networks reach", "/api/v1/landscape/export.graphml",
                ] {
                    #expect(html.contains(part), "\(part)")
                }
                let firstRow = try Self.overlapTable(html).firstRow
                #expect(
                    firstRow.contains("/networks/\(top.first.id)\">")
                        && firstRow.contains("/networks/\(top.second.id)\">"))
                let largest = try #require(inclusion.largestCitiesInNoNetwork.first)
                #expect(html.contains("href=\"/cities/\(largest.id)\""), "the map links the largest city in no network")
            }
        }

        @Test func theOverlapTableSortsAndAYearSelectsTheLandscape() async throws {
            try await withCityweave { app in
                let pairs = try LandscapeExportTests.rows(try await app.api(.GET, "/api/v1/landscape/overlap.csv").text)
                let shared = pairs.dropFirst().compactMap { Int($0[4]) }
                let (fewest, most) = (try #require(shared.min()), try #require(shared.max()))
                try #require(fewest < most, "the demo's pairs share different numbers of members")
                for (order, expected) in [("desc", most), ("asc", fewest)] {
                    // MUT
                    let page = try await app.page(.GET, "/landscape?sort=shared&order=\(order)&per=1").text
                    // validate
                    let table = try Self.overlapTable(page)
                    #expect(table.sortedBy.contains("Shared members"), "\(order)")
                    #expect(table.sortedBy.contains(order == "asc" ? "ascending" : "descending"), "\(order)")
                    #expect(
                        table.firstRow.contains(">\(NumberText.count(expected))</td>"), "\(order): \(table.firstRow)")
                }
                let old = try await app.page(.GET, "/landscape?year=1950")
                #expect(old.status == .ok && old.text.contains("as it stood in 1950"))
                #expect(
                    try await app.page(.GET, "/landscape?year=2400").status == .badRequest,
                    "a year in the future is refused")
                #expect(try await app.page(.GET, "/landscape?sort=size").status == .badRequest)
            }
        }

        @Test func aNetworkPageShowsTheNetworksMostLikeItEscaped() async throws {
            try await withCityweave { app in
                let similar = try await app.api(.GET, "/api/v1/networks/c40/similar").content.decode(
                    [OverlapPairDTO].self)
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let closest = try #require(similar.first.map { $0.first.id == c40 ? $0.second : $0.first })
                let renamed = try #require(try await Network.find(closest.id, on: app.db))
                renamed.name = "<b>Alliance & co</b>"
                try await renamed.save(on: app.db)
                // MUT
                let page = try await app.page(.GET, "/networks/c40")
                // validate
                #expect(page.status == .ok)
                #expect(page.text.contains("Networks most like this one"))
                #expect(page.text.contains("&lt;b&gt;Alliance &amp; co&lt;"))
                #expect(!page.text.contains("<b>Alliance"))
                #expect(page.text.contains("Whom it reaches"))

                // The same figures as JSON: members by region add up to the network's members.
                let coverage = try await app.api(.GET, "/api/v1/networks/c40/coverage").content.decode(
                    NetworkCoverageDTO.self)
                let members = try await LandscapeTests.members(of: c40, in: DirectoryEdits.thisYear, on: app.db)
                #expect(coverage.coverage.members == members.count)
                #expect(coverage.coverage.byRegion.map(\.members).reduce(0, +) == members.count)
                #expect(abs(coverage.coverage.byIncomeGroup.map(\.expectedShare).reduce(0, +) - 1) < 1e-9)
                #expect(try await app.api(.GET, "/api/v1/networks/nowhere/coverage").status == .notFound)
            }
        }

        @Test func aCityPageShowsItsPartnersAndPeersRankedAndThenItsBetweenness() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let city = try await app.api(.GET, "/api/v1/landscape/cities/\(yokohama)").content.decode(
                    LandscapeCityDTO.self)
                // MUT
                let page = try Self.part(
                    of: try await app.page(.GET, "/cities/\(yokohama)").text, from: "<section id=\"landscape\">")
                // validate
                #expect(page.contains("Among cities") && page.contains("Peers in its networks"))
                let peer = try #require(city.neighbourhood.peers.first)
                #expect(page.contains("href=\"/cities/\(peer.city.id)\""))
                // The metrics were computed by the API call above: the page shows them.
                #expect(page.contains("Betweenness</dt><dd>\(NumberText.short(city.metrics.betweenness)) "))
            }
        }
    }
}
