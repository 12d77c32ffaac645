import CSV
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

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension CityweaveServerTests {
    @Suite struct LandscapeExportTests {
        /// The nodes (id and country) and edges (ids and kind) of a GraphML document.
        final class GraphReader: NSObject, XMLParserDelegate {
            var countries: [String: String] = [:]
            var edges: [(source: String, target: String, kind: String)] = []
            private var node: String?
            private var edge: (String, String)?
            private var key: String?
            private var text = ""

            func parser(
                _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]
            ) {
                switch element {
                case "node": node = attributes["id"]
                case "edge": edge = (attributes["source"] ?? "", attributes["target"] ?? "")
                case "data":
                    key = attributes["key"]
                    text = ""
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

            func parser(
                _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
            ) {
                switch (element, key) {
                case ("data", "country"): if let node { countries[node] = text }
                case ("data", "kind"): if let edge { edges.append((edge.0, edge.1, text)) }
                case ("node", _): node = nil
                case ("edge", _): edge = nil
                default: break
                }
            }

            static func read(_ text: String) throws -> GraphReader {
                let parser = XMLParser(data: Data(text.utf8))
                let reader = GraphReader()
                parser.delegate = reader
                try #require(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
                return reader
            }
        }

        /// A CSV file's rows, header first.
        static func rows(_ text: String) throws -> [[String]] {
            let reader = try CSVReader(string: text)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            return rows
        }

        /// This year's partnerships as pairs of ids, the lower first.
        static func partnerships(on database: any Database) async throws -> Set<[Int]> {
            let year = DirectoryEdits.thisYear
            return Set(
                try await Partnership.query(on: database).all().filter { ($0.since ?? year) <= year }.map {
                    [$0.$cityA.id, $0.$cityB.id].sorted()
                })
        }

        @Test func theGraphMLExportHoldsThePartnershipsAndTheCitiesAskedFor() async throws {
            try await withCityweave { app in
                // MUT
                let response = try await app.api(.GET, "/api/v1/landscape/export.graphml?edges=partnerships")
                // validate
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "graphml+xml")
                #expect(response.headers.first(name: .contentDisposition)?.contains(".graphml") == true)
                let graph = try GraphReader.read(response.text)
                let pairs = try await Self.partnerships(on: app.db)
                #expect(!pairs.isEmpty)
                #expect(Set(graph.edges.map { [Int($0.source)!, Int($0.target)!].sorted() }) == pairs)
                #expect(graph.edges.count == pairs.count)
                #expect(graph.edges.allSatisfy { $0.kind == "partnership" })

                // One country: its cities, and the ties among them only.
                let japan = try GraphReader.read(
                    try await app.api(.GET, "/api/v1/landscape/export.graphml?country=jp").text)
                #expect(!japan.countries.isEmpty && Set(japan.countries.values) == ["JP"])
                #expect(!japan.edges.isEmpty, "Japan's cities share networks")
                #expect(
                    japan.edges.allSatisfy { japan.countries[$0.source] != nil && japan.countries[$0.target] != nil })

                // One network: its members, each tied to every other by the network they share.
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let members = try await LandscapeTests.members(of: c40, in: DirectoryEdits.thisYear, on: app.db)
                try #require(members.count > 1)
                let network = try GraphReader.read(
                    try await app.api(.GET, "/api/v1/landscape/export.graphml?network=c40").text)
                #expect(Set(network.countries.keys.compactMap { Int($0) }) == members)
                #expect(network.edges.count == members.count * (members.count - 1) / 2)
            }
        }

        @Test func anExportAskedBadlyOrTooLargeIsRefusedWithTheReason() async throws {
            try await withCityweave(cities: .minimumPopulation(300_000)) { app in
                for (query, message) in [
                    ("edges=some", "'edges' must be all or partnerships; got 'some'"),
                    ("network=no-such-network", "there is no network 'no-such-network'"),
                    ("country=ZZ", "'country' must be an ISO 3166 alpha-2 code"), ("year=1899", "'year' must be"),
                ] {
                    let refused = try await app.api(.GET, "/api/v1/landscape/export.graphml?\(query)")
                    #expect(refused.isProblem(status: .badRequest, mentioning: message), "\(query)")
                }
                let refusedCSV = try await app.api(.GET, "/api/v1/landscape/cities.csv?network=404")
                #expect(refusedCSV.isProblem(status: .badRequest, mentioning: "there is no network '404'"))

                // A network of 800 cities ties 319,600 pairs: more than the export's limit.
                let network = try #require(try await Network.query(on: app.db).sort(\.$id).first())
                let cities = try await City.query(on: app.db).sort(\.$population, .descending).limit(800).all()
                try #require(cities.count == 800)
                try await Membership.query(on: app.db).filter(\.$network.$id == network.requireID()).delete()
                try await cities.map { city in
                    let membership = Membership()
                    membership.$network.id = network.id!
                    membership.$city.id = city.id!
                    membership.role = "member"
                    membership.source = "test"
                    return membership
                }.create(on: app.db)
                let tooLarge = try await app.api(.GET, "/api/v1/landscape/export.graphml")
                #expect(
                    tooLarge.isProblem(
                        status: .badRequest, mentioning: "more than the limit of 250,000. Ask for edges=partnerships"))
                let partnershipsOnly = try await app.api(.GET, "/api/v1/landscape/export.graphml?edges=partnerships")
                #expect(partnershipsOnly.status == .ok)
            }
        }

        @Test func theOverlapAndTheCitiesDownloadAsCSV() async throws {
            try await withCityweave { app in
                let first = try await app.api(.GET, "/api/v1/landscape/overlap?per=1").content.decode(
                    Paged<OverlapPairDTO>.self)
                let overlap = try await app.api(.GET, "/api/v1/landscape/overlap.csv")
                #expect(overlap.headers.contentType?.subType == "csv")
                let rows = try Self.rows(overlap.text)
                #expect(rows.count == first.metadata.total + 1, "a header and a row per pair")
                #expect(rows[0].first == "network_a" && rows[0].last == "redundancy")
                #expect(rows[1][0] == "\(first.items[0].first.id)" && rows[1][2] == "\(first.items[0].second.id)")
                #expect(Double(rows[1][4]) == Double(first.items[0].sharedMembers))

                let networks = try await Network.query(on: app.db).filter(\.$memberListSource != nil).count()
                let matrix = try await app.api(.GET, "/api/v1/landscape/matrix.csv?year=2015").text
                let lines = try Self.rows(matrix)
                #expect(lines.count == networks + 1, "a header and a row per network")
                #expect(lines.allSatisfy { $0.count == networks + 2 }, "the network's id and name, then a column each")

                let yokohama = try await app.cityID("Yokohama", "JP")
                let city = try await app.api(.GET, "/api/v1/landscape/cities/\(yokohama)").content.decode(
                    LandscapeCityDTO.self)
                let japan = try await app.api(.GET, "/api/v1/landscape/cities.csv?country=JP").text
                let cityRows = try Self.rows(japan).dropFirst()
                #expect(!cityRows.isEmpty && cityRows.allSatisfy { $0[2] == "JP" })
                let row = try #require(cityRows.first { $0[0] == "\(yokohama)" })
                #expect(row[4] == "\(city.metrics.degree)" && row[5] == "\(city.metrics.weightedDegree)")
            }
        }
    }
}
