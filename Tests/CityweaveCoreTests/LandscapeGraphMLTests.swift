import CityweaveCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct LandscapeGraphMLTests {
    /// Reads a GraphML document back: keys, nodes' and edges' values by key.
    final class Reader: NSObject, XMLParserDelegate {
        var keys: [String: String] = [:]
        var nodes: [String: [String: String]] = [:]
        var edges: [(String, String, [String: String])] = []
        private var current: [String: String] = [:]
        private var key: String?
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch element {
            case "key": keys[attributes["id"]!] = attributes["for"]!
            case "node": current = ["@id": attributes["id"]!]
            case "edge": current = ["@source": attributes["source"]!, "@target": attributes["target"]!]
            case "data":
                key = attributes["key"]
                text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "data": current[key!] = text
            case "node": nodes[current["@id"]!] = current
            case "edge": edges.append((current["@source"]!, current["@target"]!, current))
            default: break
            }
        }
    }

    static func read(_ text: String) throws -> Reader {
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader()
        parser.delegate = reader
        try #require(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return reader
    }

    static func metrics(_ index: LandscapeIndex) -> [CityMetrics] {
        CityMetrics.all(
            index, weightedDegrees: index.weightedDegrees, components: PartnershipComponents(index.partners),
            betweenness: PartnershipBetweenness(index.partners))
    }

    @Test func theDocumentParsesAndHoldsEveryCityAndEveryTie() throws {
        for seed: UInt64 in 1...60 {
            // setup
            let instance = LandscapeIndexTests.instance(seed: seed)
            let index = try LandscapeIndexTests.index(instance)
            let metrics = Self.metrics(index)
            // MUT
            let reader = try Self.read(try CityGraphExport.graphML(index, metrics: metrics))
            // validate
            #expect(Set(reader.keys.keys) == Set(CityGraphExport.keys.map(\.id)))
            #expect(reader.nodes.count == index.cities.count)
            for (city, metric) in zip(index.cities, metrics) {
                let node = try #require(reader.nodes[String(city.id)])
                #expect(node["name"] == city.name)
                #expect(node["weightedDegree"] == String(metric.weightedDegree))
                #expect(Double(node["betweenness"]!) == metric.betweenness)
            }
            // The weights of a city's edges add up to its weighted degree.
            var sums: [String: Int] = [:]
            for (source, target, values) in reader.edges {
                sums[source, default: 0] += Int(values["weight"]!)!
                sums[target, default: 0] += Int(values["weight"]!)!
            }
            for (city, metric) in zip(index.cities, metrics) {
                #expect(sums[String(city.id), default: 0] == metric.weightedDegree, "seed \(seed)")
            }
            #expect(
                CityGraphExport.edgeCount(index, includeSharedNetworks: false) == index.partnershipCount)
        }
    }

    @Test func textIsEscaped() throws {
        let name = "A&B <\"Ville\"> l'Île\ttab\u{1}"
        let index = try LandscapeIndex(
            cities: [LandscapeCity(id: 1, name: name, population: 5, countryCode: "F&", region: "", incomeGroup: nil)],
            networks: [], memberships: [], partnerships: [])
        let text = try CityGraphExport.graphML(index, metrics: Self.metrics(index))
        #expect(text.contains("A&amp;B &lt;&quot;Ville&quot;&gt; l&apos;Île&#9;tab</data>"))
        let node = try Self.read(text).nodes["1"]!
        #expect(node["name"] == "A&B <\"Ville\"> l'Île\ttab")
        #expect(node["country"] == "F&")
    }

    @Test func aGraphAboveTheLimitIsRefusedWithItsSize() throws {
        let cities = (1...30).map {
            LandscapeCity(id: $0, name: "", population: 1, countryCode: "", region: "", incomeGroup: nil)
        }
        let index = try LandscapeIndex(
            cities: cities, networks: [LandscapeNetwork(id: 1, name: "N", themes: [])],
            memberships: cities.map { LandscapeMembership(networkID: 1, cityID: $0.id) }, partnerships: [.init(1, 2)])
        #expect(CityGraphExport.edgeCount(index, includeSharedNetworks: true) == 435)
        let error = try #require(throws: CityGraphExport.TooManyEdges.self) {
            try CityGraphExport.graphML(index, metrics: Self.metrics(index), edgeLimit: 400)
        }
        #expect(error.edges == 435 && error.limit == 400)
        #expect(error.description.contains("435 edges, more than the limit of 400"))
        let partnershipsOnly = try Self.read(
            try CityGraphExport.graphML(index, metrics: Self.metrics(index), includeSharedNetworks: false, edgeLimit: 1)
        )
        #expect(partnershipsOnly.edges.count == 1)
        #expect(partnershipsOnly.edges[0].2["kind"] == "partnership")
    }

    @Test func aSelectionKeepsItsCitiesAndTheEdgesAmongThem() throws {
        var (keptEdges, leftEdges) = (0, 0)
        for seed: UInt64 in 1...40 {
            // setup
            let index = try LandscapeIndexTests.index(LandscapeIndexTests.instance(seed: seed))
            let metrics = Self.metrics(index)
            let included = index.cities.indices.map { ($0 * 7 + Int(seed)) % 3 != 0 }
            let kept = Set(index.cities.indices.filter { included[$0] }.map { String(index.cities[$0].id) })
            let whole = try Self.read(try CityGraphExport.graphML(index, metrics: metrics))
            // MUT
            let part = try Self.read(try CityGraphExport.graphML(index, metrics: metrics, included: included))
            // validate
            #expect(Set(part.nodes.keys) == kept, "seed \(seed)")
            let expected = whole.edges.filter { kept.contains($0.0) && kept.contains($0.1) }
            #expect(part.edges.map { "\($0.0)-\($0.1)" } == expected.map { "\($0.0)-\($0.1)" }, "seed \(seed)")
            #expect(part.edges.map { $0.2 } == expected.map { $0.2 })
            keptEdges += expected.count
            leftEdges += whole.edges.count - expected.count
            #expect(
                CityGraphExport.edgeCount(index, includeSharedNetworks: true, included: included) == expected.count)
            let rows = try LandscapeCSV.cityMetrics(index, metrics: metrics, included: included)
                .split(separator: "\r\n", omittingEmptySubsequences: true)
            #expect(rows.count == kept.count + 1, "a header and a row per kept city")
        }
        #expect(keptEdges > 0 && leftEdges > 0, "the selections kept some edges and left others out")
    }
}
