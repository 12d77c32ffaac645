/// The connected components of the partnership graph: which cities can
/// reach one another through partners of partners.
public struct PartnershipComponents: Sendable, Equatable {
    /// Each city's component, by position. Components are numbered from 0,
    /// the largest first, then by their first city's position; a city with
    /// no partner is a component of its own.
    public let componentOfCity: [Int]
    /// The cities in each component.
    public let sizes: [Int]

    public init(_ partners: CompressedRows) {
        let count = partners.rowCount
        var label = [Int](repeating: -1, count: count)
        var sizes: [Int] = []
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        for start in 0..<count where label[start] < 0 {
            let component = sizes.count
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(start))
            label[start] = component
            var head = 0
            while head < queue.count {
                let city = Int(queue[head])
                head += 1
                for partner in partners[city] where label[Int(partner)] < 0 {
                    label[Int(partner)] = component
                    queue.append(partner)
                }
            }
            sizes.append(queue.count)
        }
        // Found in order of first position: a stable sort by size keeps that order among equals.
        let order = sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        var renumbered = [Int](repeating: 0, count: sizes.count)
        for (number, component) in order.enumerated() { renumbered[component] = number }
        componentOfCity = label.map { renumbered[$0] }
        self.sizes = order.map { sizes[$0] }
    }
}
