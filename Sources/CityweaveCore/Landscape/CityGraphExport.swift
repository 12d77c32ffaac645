/// The graph of cities as GraphML for Gephi or networkx: a node per city
/// with its metrics, an edge per pair of cities that are partners or share
/// a network.
///
/// A pair that is both has one edge, of kind "partnership and shared
/// networks", so that the weights of a city's edges add up to its weighted
/// degree. Shared networks make the graph quadratic in a network's size (a
/// network of 3,000 members alone ties 4.5 million pairs), so the edges are
/// counted first, without holding them, and a graph above the limit is
/// refused; leaving out shared networks keeps the partnerships alone, and
/// `included` keeps some cities (by position) and the edges among them.
public enum CityGraphExport {
    /// About 50 MB of XML: the most the server's export builds.
    public static let defaultEdgeLimit = 250_000

    public struct TooManyEdges: Error, Sendable, Equatable, CustomStringConvertible {
        public var edges: Int
        public var limit: Int

        public var description: String {
            "the graph has \(edges) edges, more than the limit of \(limit); "
                + "export the partnerships alone, or restrict the landscape"
        }
    }

    public static let keys: [GraphMLWriter.Key] = [
        .init(id: "name", domain: .node, name: "name", type: .string),
        .init(id: "country", domain: .node, name: "country", type: .string),
        .init(id: "population", domain: .node, name: "population", type: .long),
        .init(id: "degree", domain: .node, name: "degree", type: .int),
        .init(id: "weightedDegree", domain: .node, name: "weighted degree", type: .int),
        .init(id: "betweenness", domain: .node, name: "betweenness", type: .double),
        .init(id: "component", domain: .node, name: "component", type: .int),
        .init(id: "kind", domain: .edge, name: "kind", type: .string),
        .init(id: "sharedNetworks", domain: .edge, name: "shared networks", type: .int),
        .init(id: "weight", domain: .edge, name: "weight", type: .int),
    ]

    /// The number of edges the export would write.
    public static func edgeCount(_ index: LandscapeIndex, includeSharedNetworks: Bool, included: [Bool]? = nil)
        -> Int
    {
        precondition(included.map { $0.count == index.cities.count } ?? true, "included must hold a flag per city")
        var count = 0
        forEachEdge(index, includeSharedNetworks: includeSharedNetworks, included: included) { _, _, _, _ in
            count += 1
        }
        return count
    }

    /// The GraphML document; `metrics` by position, as ``CityMetrics/all(_:weightedDegrees:components:betweenness:)``
    /// gives them (for the whole index, whichever cities are `included`).
    public static func graphML(
        _ index: LandscapeIndex, metrics: [CityMetrics], includeSharedNetworks: Bool = true, included: [Bool]? = nil,
        edgeLimit: Int = defaultEdgeLimit
    ) throws(TooManyEdges) -> String {
        let count = edgeCount(index, includeSharedNetworks: includeSharedNetworks, included: included)
        guard count <= edgeLimit else { throw TooManyEdges(edges: count, limit: edgeLimit) }
        let nodes = zip(index.cities, metrics).enumerated().filter { included?[$0.offset] ?? true }.map {
            let (city, metric) = $0.element
            return
                (
                    id: String(city.id),
                    values: [
                        (key: "name", value: city.name), (key: "country", value: city.countryCode),
                        (key: "population", value: String(city.population)),
                        (key: "degree", value: String(metric.degree)),
                        (key: "weightedDegree", value: String(metric.weightedDegree)),
                        (key: "betweenness", value: String(metric.betweenness)),
                        (key: "component", value: String(metric.component)),
                    ]
                )
        }
        var edges: [(source: String, target: String, values: GraphMLWriter.Values)] = []
        edges.reserveCapacity(count)
        forEachEdge(index, includeSharedNetworks: includeSharedNetworks, included: included) {
            a, b, isPartner, shared in
            let kind =
                isPartner ? (shared > 0 ? "partnership and shared networks" : "partnership") : "shared networks"
            edges.append(
                (
                    source: String(index.cities[a].id), target: String(index.cities[b].id),
                    values: [
                        (key: "kind", value: kind), (key: "sharedNetworks", value: String(shared)),
                        (key: "weight", value: String(shared + (isPartner ? 1 : 0))),
                    ]
                ))
        }
        return GraphMLWriter.document(keys: keys, nodes: nodes, edges: edges)
    }

    /// Calls `body(a, b, isPartner, sharedNetworks)` for every pair a < b of
    /// included positions that are partners or (when asked) share a network,
    /// by a then b, holding only one city's neighbours at a time.
    private static func forEachEdge(
        _ index: LandscapeIndex, includeSharedNetworks: Bool, included: [Bool]?, _ body: (Int, Int, Bool, Int) -> Void
    ) {
        let cityCount = index.cities.count
        var shared = [Int](repeating: 0, count: cityCount)
        var isPartner = [Bool](repeating: false, count: cityCount)
        var neighbours: [Int] = []
        for city in 0..<cityCount where included?[city] ?? true {
            neighbours.removeAll(keepingCapacity: true)
            for partner in index.partners[city] where Int(partner) > city {
                isPartner[Int(partner)] = true
                neighbours.append(Int(partner))
            }
            if includeSharedNetworks {
                for network in index.memberships[city] {
                    for member in index.members[Int(network)] where Int(member) > city {
                        if shared[Int(member)] == 0 && !isPartner[Int(member)] { neighbours.append(Int(member)) }
                        shared[Int(member)] += 1
                    }
                }
            }
            neighbours.sort()
            for neighbour in neighbours {
                if included?[neighbour] ?? true { body(city, neighbour, isPartner[neighbour], shared[neighbour]) }
                shared[neighbour] = 0
                isPartner[neighbour] = false
            }
        }
    }
}
