/// Networks grouped by mutual redundancy, and the order in which the
/// heatmap shows them.
///
/// A cluster is a connected component of the graph whose edges are the
/// pairs with a redundancy at or above the threshold (single linkage).
/// Single linkage because its clusters do not depend on the order in which
/// pairs are merged or on ties, and every network in a cluster is linked to
/// it by a chain of pairs that are each redundant, which a reader can check
/// in the table; average linkage would need a second threshold with no
/// meaning of its own. Its known weakness, chaining, is bounded here by the
/// score: a chain needs every link to share members and themes.
public struct RedundancyClusters: Sendable, Codable, Equatable {
    public var threshold: Double
    /// Clusters of network ids, the largest first (then by lowest id); in
    /// each, networks by members, most first (then by id). A network
    /// redundant with none is a cluster of its own.
    public var clusters: [[Int]]

    public init(_ overlap: NetworkOverlap, threshold: Double) {
        let count = overlap.networkIDs.count
        var parent = Array(0..<count)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for a in 0..<count {
            for b in (a + 1)..<count where overlap.pair(a, b).redundancy >= threshold {
                let (ra, rb) = (root(a), root(b))
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for node in 0..<count { groups[root(node), default: []].append(node) }
        let counts = overlap.memberCounts
        let ids = overlap.networkIDs
        self.threshold = threshold
        // Positions ascend with ids, so a group's first position holds its lowest id.
        clusters = groups.values.sorted { ($0.count, ids[$1[0]]) > ($1.count, ids[$0[0]]) }.map { group in
            group.sorted { (counts[$0], ids[$1]) > (counts[$1], ids[$0]) }.map { ids[$0] }
        }
    }

    /// The networks' ids in the heatmap's order: cluster by cluster.
    public var heatmapOrder: [Int] { clusters.flatMap(\.self) }
}
