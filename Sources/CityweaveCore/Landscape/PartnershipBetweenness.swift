import Foundation

/// Exact betweenness centrality on the partnership graph (unweighted,
/// undirected), by Brandes' algorithm: a breadth-first search from every
/// city, then dependencies accumulated back from the farthest cities.
///
/// `raw[v]` is the sum over unordered pairs {s, t} of cities other than v of
/// the share of shortest s–t paths through v, as networkx's
/// `betweenness_centrality(G, normalized=False)` and igraph's `betweenness()`
/// give it; `normalized[v]` is `raw[v]` over the (n - 1)(n - 2)/2 pairs
/// that do not include v, as `betweenness_centrality(G, normalized=True)`,
/// with n every city of the index, those without partners included.
public struct PartnershipBetweenness: Sendable, Equatable {
    public let raw: [Double]
    public let normalized: [Double]

    /// Sources are dealt to a fixed number of slices (source s to slice
    /// s mod slices, which spreads the large components' sources evenly);
    /// the slices run on all cores, each into its own sums, and the sums
    /// are added in slice order. The result is the same on any number of
    /// cores and from run to run.
    static let slices = 64

    public init(_ partners: CompressedRows) {
        let count = partners.rowCount
        let sliceCount = Swift.min(Self.slices, Swift.max(count, 1))
        let sums = (0..<sliceCount).map { $0 }.concurrentMap { slice in
            Self.dependencies(partners, sources: stride(from: slice, to: count, by: sliceCount))
        }
        var total = [Double](repeating: 0, count: count)
        for sliceSums in sums {
            for city in 0..<count { total[city] += sliceSums[city] }
        }
        // Each unordered pair was counted from both ends.
        raw = total.map { $0 / 2 }
        let scale = count > 2 ? 1 / Double((count - 1) * (count - 2)) : 1
        normalized = total.map { $0 * scale }
    }

    /// The sum over `sources` of every city's dependency (Brandes' δ).
    private static func dependencies(_ partners: CompressedRows, sources: StrideTo<Int>) -> [Double] {
        let count = partners.rowCount
        // Raw buffers keep the inner loops free of bounds checks and copy-on-write checks.
        let distance = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
        let paths = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        let dependency = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
        defer {
            distance.deallocate()
            paths.deallocate()
            dependency.deallocate()
            order.deallocate()
        }
        distance.initialize(repeating: -1)
        paths.initialize(repeating: 0)
        dependency.initialize(repeating: 0)
        var result = [Double](repeating: 0, count: count)
        partners.offsets.withUnsafeBufferPointer { offsets in
            partners.values.withUnsafeBufferPointer { adjacent in
                for source in sources where offsets[source] < offsets[source + 1] {
                    // Breadth first; `order` is the queue and then, read backwards, the stack.
                    distance[source] = 0
                    paths[source] = 1
                    order[0] = Int32(source)
                    var (head, tail) = (0, 1)
                    while head < tail {
                        let city = Int(order[head])
                        head += 1
                        let next = distance[city] + 1
                        for edge in offsets[city]..<offsets[city + 1] {
                            let partner = Int(adjacent[edge])
                            if distance[partner] < 0 {
                                distance[partner] = next
                                order[tail] = Int32(partner)
                                tail += 1
                            }
                            if distance[partner] == next { paths[partner] += paths[city] }
                        }
                    }
                    // Back from the farthest: a city's predecessors are its partners one step nearer.
                    for position in stride(from: tail - 1, to: 0, by: -1) {
                        let city = Int(order[position])
                        let share = (1 + dependency[city]) / paths[city]
                        let previous = distance[city] - 1
                        for edge in offsets[city]..<offsets[city + 1] {
                            let partner = Int(adjacent[edge])
                            if distance[partner] == previous { dependency[partner] += paths[partner] * share }
                        }
                        result[city] += dependency[city]
                    }
                    for position in 0..<tail {
                        let city = Int(order[position])
                        distance[city] = -1
                        paths[city] = 0
                        dependency[city] = 0
                    }
                }
            }
        }
        return result
    }
}
