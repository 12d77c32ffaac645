import Foundation

/// An integral minimum-cost flow from one source to one sink on a directed
/// graph whose arcs carry whole units between 0 and their capacity at a cost
/// per unit. Costs may be negative where the arcs that can carry flow form no
/// cycle out of the source (the networks the aid matching builds are such).
///
/// Successive shortest paths with potentials: the cheapest path from the
/// source to the sink in the residual network, found by Dijkstra with a
/// binary heap on the reduced costs, is augmented by its bottleneck, and the
/// potentials move by the distances so that reduced costs stay
/// non-negative. The first potentials are shortest distances computed once,
/// in topological order (or by Bellman–Ford where there is a cycle), which is
/// what lets negative costs in.
///
/// Why this and not cost scaling: the matching's networks are a few hundred
/// nodes per resource, and their costs carry a large reward per unit met (see
/// ``AidMatcher``). Cost scaling's passes grow with the logarithm of the
/// largest cost and solve a circulation of a fixed amount; the paths here
/// take as many Dijkstra runs as there are augmentations, whatever the
/// costs, and the path costs come out in increasing order, which is what
/// lets ``Amount/cheapest`` stop at the best amount without knowing it.
public struct MinCostFlow: Sendable {
    /// An arc as given: it carries between 0 and `capacity` units, each at `cost`.
    public struct Arc: Sendable, Hashable, Codable {
        public var tail: Int
        public var head: Int
        public var capacity: Int64
        public var cost: Int64

        public init(tail: Int, head: Int, capacity: Int64, cost: Int64) {
            self.tail = tail
            self.head = head
            self.capacity = capacity
            self.cost = cost
        }
    }

    /// How much flow to send from the source to the sink.
    public enum Amount: Sendable {
        /// Whatever amount costs least. The least cost of sending `k` units is
        /// convex in `k` (its slopes are the costs of the successive shortest
        /// paths, which never decrease), so the first path that costs 0 or
        /// more marks the minimum over every amount and the solver stops there.
        case cheapest
        /// As much as the network carries, at the least cost for that amount.
        case maximum
    }

    /// A flow of least cost for the amount asked.
    public struct Solution: Sendable, Equatable {
        /// Units on each arc, in the order the arcs were added.
        public var flows: [Int64]
        /// Units that leave the source.
        public var value: Int64
        /// The sum over arcs of flow times cost.
        public var cost: Int64
        /// Paths augmented (each one Dijkstra run).
        public var augmentations: Int
    }

    public let nodeCount: Int
    public private(set) var arcs: [Arc] = []

    public init(nodeCount: Int) {
        precondition(nodeCount >= 0, "a network has no negative number of nodes")
        self.nodeCount = nodeCount
    }

    /// Adds an arc and returns its position in `arcs` (and in a solution's `flows`).
    @discardableResult
    public mutating func addArc(from tail: Int, to head: Int, capacity: Int64, cost: Int64) -> Int {
        precondition(
            (0..<nodeCount).contains(tail) && (0..<nodeCount).contains(head), "an arc joins two nodes of the network")
        precondition(capacity >= 0, "an arc's capacity is 0 or more")
        arcs.append(Arc(tail: tail, head: head, capacity: capacity, cost: cost))
        return arcs.count - 1
    }

    /// Whether the solver's distances stay inside Int64 on this network: potentials stay within
    /// 3 × nodes × the largest cost, so reduced costs and tentative distances within 16 times that.
    public var costsFitTheSolver: Bool {
        let largestCost = arcs.map { $0.cost == .min ? .max : abs($0.cost) }.max() ?? 0
        return largestCost <= Int64.max / 16 / Int64(nodeCount + 1)
    }

    public func solve(from source: Int, to sink: Int, amount: Amount) -> Solution {
        precondition(
            (0..<nodeCount).contains(source) && (0..<nodeCount).contains(sink) && source != sink,
            "the source and the sink are two nodes of the network")
        // Potentials are shortest distances shifted by the sink's, so the
        // guard above keeps them inside Int64. Flow values and costs are
        // summed with Swift's checked arithmetic, which traps rather than wraps.
        precondition(costsFitTheSolver, "arc costs on \(nodeCount) nodes could overflow the solver's distances")
        var residual = ResidualNetwork(self)
        var search = PathSearch(nodeCount: nodeCount)
        var potentials = residual.initialPotentials(from: source)
        var value: Int64 = 0
        var augmentations = 0
        while search.run(on: residual, potentials: potentials, from: source, to: sink) {
            search.movePotentials(&potentials, sink: sink)
            // The path's cost with the new potentials, whose reduced costs on it are all 0.
            if case .cheapest = amount, potentials[sink] - potentials[source] >= 0 { break }
            value += residual.augment(along: search.parentArc, from: source, to: sink)
            augmentations += 1
        }
        let flows = residual.flows()
        var cost: Int64 = 0
        for (arc, flow) in zip(arcs, flows) {
            let (product, overflow) = flow.multipliedReportingOverflow(by: arc.cost)
            precondition(!overflow, "the flow's cost overflows Int64")
            cost += product
        }
        return Solution(flows: flows, value: value, cost: cost, augmentations: augmentations)
    }
}

/// The residual network in compressed rows: each node's residual arcs are
/// contiguous, an arc's forward copy (at its tail) carries what is left of
/// its capacity and its backward copy (at its head) what it carries, at the
/// opposite cost.
private struct ResidualNetwork {
    /// Node `v`'s residual arcs are at `firstArc[v]..<firstArc[v + 1]`.
    var firstArc: [Int]
    var head: [Int]
    var capacity: [Int64]
    var cost: [Int64]
    /// The residual arc that undoes each one.
    var partner: [Int]
    /// Where each given arc's forward copy is.
    var forward: [Int]

    init(_ network: MinCostFlow) {
        let nodeCount = network.nodeCount
        var firstArc = [Int](repeating: 0, count: nodeCount + 1)
        for arc in network.arcs {
            firstArc[arc.tail + 1] += 1
            firstArc[arc.head + 1] += 1
        }
        for node in 0..<nodeCount { firstArc[node + 1] += firstArc[node] }
        var next = Array(firstArc.dropLast())
        let size = 2 * network.arcs.count
        head = [Int](repeating: 0, count: size)
        capacity = [Int64](repeating: 0, count: size)
        cost = [Int64](repeating: 0, count: size)
        partner = [Int](repeating: 0, count: size)
        forward = []
        forward.reserveCapacity(network.arcs.count)
        for arc in network.arcs {
            let (out, back) = (next[arc.tail], next[arc.head] + (arc.tail == arc.head ? 1 : 0))
            next[arc.tail] += 1
            next[arc.head] += 1
            (head[out], capacity[out], cost[out], partner[out]) = (arc.head, arc.capacity, arc.cost, back)
            (head[back], capacity[back], cost[back], partner[back]) = (arc.tail, 0, -arc.cost, out)
            forward.append(out)
        }
        self.firstArc = firstArc
    }

    /// Shortest distances from the source over the arcs with capacity: in
    /// one pass in topological order when they form no cycle, by Bellman–Ford
    /// otherwise. Nodes the source cannot reach keep 0: no path ever visits
    /// them, since only arcs out of reached nodes gain capacity.
    func initialPotentials(from source: Int) -> [Int64] {
        let nodeCount = firstArc.count - 1
        var potentials = [Int64](repeating: 0, count: nodeCount)
        guard cost.indices.contains(where: { capacity[$0] > 0 && cost[$0] < 0 }) else { return potentials }
        var reached = [Bool](repeating: false, count: nodeCount)
        var order = [source]
        reached[source] = true
        var inDegree = [Int](repeating: 0, count: nodeCount)
        var position = 0
        while position < order.count {
            let node = order[position]
            position += 1
            for arc in firstArc[node]..<firstArc[node + 1] where capacity[arc] > 0 {
                inDegree[head[arc]] += 1
                if !reached[head[arc]] {
                    reached[head[arc]] = true
                    order.append(head[arc])
                }
            }
        }
        // Kahn's order over the reached nodes: the source is the only one
        // that can start it, as every other has an arc in from a reached node.
        var sorted = inDegree[source] == 0 ? [source] : []
        sorted.reserveCapacity(order.count)
        position = 0
        while position < sorted.count {
            let node = sorted[position]
            position += 1
            for arc in firstArc[node]..<firstArc[node + 1] where capacity[arc] > 0 {
                inDegree[head[arc]] -= 1
                if inDegree[head[arc]] == 0 { sorted.append(head[arc]) }
            }
        }
        let infinity = Int64.max
        var distance = [Int64](repeating: infinity, count: nodeCount)
        distance[source] = 0
        let acyclic = sorted.count == order.count
        // Bellman–Ford needs a round per reached node but one; a round more
        // that still improves is going round a negative cycle.
        for round in 0..<(acyclic ? 1 : order.count) {
            var improved = false
            for node in acyclic ? sorted : order where distance[node] != infinity {
                for arc in firstArc[node]..<firstArc[node + 1] where capacity[arc] > 0 {
                    let through = distance[node] + cost[arc]
                    if through < distance[head[arc]] {
                        distance[head[arc]] = through
                        improved = true
                    }
                }
            }
            guard !acyclic, improved else { break }
            precondition(round < order.count - 1, "the network has a cycle of negative cost")
        }
        for node in order { potentials[node] = distance[node] }
        return potentials
    }

    /// Sends the path's bottleneck along it and returns that amount.
    mutating func augment(along parentArc: [Int], from source: Int, to sink: Int) -> Int64 {
        var bottleneck = Int64.max
        var node = sink
        while node != source {
            let arc = parentArc[node]
            bottleneck = min(bottleneck, capacity[arc])
            node = head[partner[arc]]
        }
        node = sink
        while node != source {
            let arc = parentArc[node]
            capacity[arc] -= bottleneck
            capacity[partner[arc]] += bottleneck
            node = head[partner[arc]]
        }
        return bottleneck
    }

    /// Units on each given arc: what its backward copy could send back.
    func flows() -> [Int64] {
        forward.map { capacity[partner[$0]] }
    }
}

/// Dijkstra on reduced costs from the source, stopped once the sink is
/// settled; the arrays are kept from run to run, and a run number tells
/// which entries are current, so that a run costs what it visits.
private struct PathSearch {
    var distance: [Int64]
    var parentArc: [Int]
    /// The run in which each node was last reached, and last settled.
    var reachedIn: [Int]
    var settledIn: [Int]
    var settled: [Int] = []
    var run = 0
    var heap = DistanceHeap()

    init(nodeCount: Int) {
        distance = [Int64](repeating: 0, count: nodeCount)
        parentArc = [Int](repeating: -1, count: nodeCount)
        reachedIn = [Int](repeating: -1, count: nodeCount)
        settledIn = [Int](repeating: -1, count: nodeCount)
    }

    /// Whether the sink can be reached; if so, `parentArc` holds a cheapest path to it.
    mutating func run(on network: ResidualNetwork, potentials: [Int64], from source: Int, to sink: Int) -> Bool {
        run += 1
        settled.removeAll(keepingCapacity: true)
        heap.removeAll()
        distance[source] = 0
        reachedIn[source] = run
        heap.insert(node: source, distance: 0)
        while let (node, nodeDistance) = heap.popMinimum() {
            guard settledIn[node] != run, nodeDistance == distance[node] else { continue }
            settledIn[node] = run
            settled.append(node)
            if node == sink { return true }
            let base = nodeDistance + potentials[node]
            for arc in network.firstArc[node]..<network.firstArc[node + 1] where network.capacity[arc] > 0 {
                let next = network.head[arc]
                let through = base + network.cost[arc] - potentials[next]
                if reachedIn[next] != run || through < distance[next] {
                    reachedIn[next] = run
                    distance[next] = through
                    parentArc[next] = arc
                    heap.insert(node: next, distance: through)
                }
            }
        }
        return false
    }

    /// Moves the potentials of the settled nodes by their distance less the
    /// sink's. Nodes not settled are at least as far as the sink, so every
    /// residual arc keeps a non-negative reduced cost, and those on the path
    /// (and the arcs the augmentation opens back along it) get 0.
    func movePotentials(_ potentials: inout [Int64], sink: Int) {
        let sinkDistance = distance[sink]
        for node in settled { potentials[node] += distance[node] - sinkDistance }
    }
}

/// A binary min-heap of nodes by tentative distance, entries superseded by a
/// shorter one left in place and skipped when they come out.
private struct DistanceHeap {
    private var entries: [(distance: Int64, node: Int)] = []

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    mutating func insert(node: Int, distance: Int64) {
        entries.append((distance, node))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].distance < entries[parent].distance else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMinimum() -> (node: Int, distance: Int64)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < entries.count else { break }
                let right = left + 1
                let smaller = right < entries.count && entries[right].distance < entries[left].distance ? right : left
                guard entries[smaller].distance < entries[parent].distance else { break }
                entries.swapAt(smaller, parent)
                parent = smaller
            }
        }
        return (top.node, top.distance)
    }
}
