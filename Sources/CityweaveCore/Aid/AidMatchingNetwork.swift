import Foundation

/// The flow networks the matcher solves, one per resource, built from the
/// candidate routes: ``AidMatcher/network(for:)`` builds them and
/// ``AidMatcher/solve(_:)`` solves them, apart so that each half can be timed
/// and the networks written out for another solver.
public struct AidMatchingNetwork: Sendable {
    public let problem: AidMatchingProblem
    let parts: [AidResourceNetwork]

    init(problem: AidMatchingProblem) throws(AidMatchingError) {
        self.problem = problem
        let built = AidResourceGroup.groups(of: problem).concurrentMap { group in
            Result { () throws(AidMatchingError) in try AidResourceNetwork(group: group, problem: problem) }
        }
        parts = try built.map { result throws(AidMatchingError) in try result.get() }
    }

    /// Offer–request routes the matching can choose from.
    public var candidateRoutes: Int { parts.reduce(0) { $0 + $1.routes.count } }

    /// All the resources' networks as one: a single source and sink that
    /// each resource's network joins, which changes nothing since a flow of
    /// the whole is a flow of each part and the costs add up.
    public func exported() -> AidFlowNetwork {
        let nodeCount = parts.reduce(2) { $0 + $1.flow.nodeCount - 2 }
        let (source, sink) = (0, nodeCount - 1)
        var arcs: [AidFlowNetwork.Arc] = []
        arcs.reserveCapacity(parts.reduce(0) { $0 + $1.flow.arcs.count })
        var offset = 0
        var sent: Int64 = 0
        for part in parts {
            let partSink = part.flow.nodeCount - 1
            let node = { (local: Int) in local == 0 ? source : local == partSink ? sink : local + offset }
            for (position, arc) in part.flow.arcs.enumerated() {
                let role = part.role(ofArc: position)
                arcs.append(
                    AidFlowNetwork.Arc(
                        tail: node(arc.tail), head: node(arc.head), capacity: arc.capacity, cost: arc.cost,
                        weight: role.weight, unitCost: role.unitCost))
                if arc.tail == 0 { sent += arc.capacity }
            }
            offset += part.flow.nodeCount - 2
        }
        var supplies = [Int64](repeating: 0, count: nodeCount)
        supplies[source] = sent
        supplies[sink] = -sent
        return AidFlowNetwork(nodeCount: nodeCount, source: source, sink: sink, supplies: supplies, arcs: arcs)
    }
}

/// One resource's network. Node 0 is the source, then come the offers and
/// the requests of the group in its order, and the sink last. Arcs: from the
/// source to each offer (its units, free), then the routes (as many units as
/// both ends have, at the route's cost), then from each request to the sink
/// (its units, at minus `reward` times its urgency weight).
///
/// The least-cost flow of any amount is the lexicographic optimum: most
/// weighted units met, then least cost. Proof: `reward` is one more than
/// `costSpread`, which no two flows' costs differ by more than. Weights are
/// whole numbers, so a flow meeting more weighted units meets at least one
/// more, and earns `reward` more than its cost can rise; among flows
/// meeting the same weighted units, the rewards are equal and the cost
/// decides.
struct AidResourceNetwork: Sendable {
    let group: AidResourceGroup
    let routes: [AidRoute]
    let reward: Int64
    /// The urgency weight of each request of the group, in its order.
    let weights: [Int64]
    let flow: MinCostFlow

    init(group: AidResourceGroup, problem: AidMatchingProblem) throws(AidMatchingError) {
        self.group = group
        routes = group.routes(in: problem)
        let supplies = group.supplyPositions.map { Int64(problem.supplies[$0].quantity) }
        let needs = group.needPositions.map { Int64(problem.needs[$0].quantity) }
        var supplyNode: [Int: Int] = [:]
        for (index, position) in group.supplyPositions.enumerated() { supplyNode[position] = 1 + index }
        var needNode: [Int: Int] = [:]
        for (index, position) in group.needPositions.enumerated() { needNode[position] = 1 + supplies.count + index }
        guard
            let spread = Self.costSpread(
                of: routes, supplyNode: supplyNode, needNode: needNode, units: supplies + needs)
        else { throw .tooLarge(resource: group.resource) }
        reward = spread + 1
        let sink = 1 + supplies.count + needs.count
        var flow = MinCostFlow(nodeCount: sink + 1)
        for (index, units) in supplies.enumerated() { flow.addArc(from: 0, to: 1 + index, capacity: units, cost: 0) }
        for route in routes {
            let (from, to) = (supplyNode[route.supplyPosition]!, needNode[route.needPosition]!)
            flow.addArc(
                from: from, to: to, capacity: min(supplies[from - 1], needs[to - 1 - supplies.count]),
                cost: route.unitCost)
        }
        weights = group.needPositions.map { problem.needs[$0].urgency.weight }
        for (index, units) in needs.enumerated() {
            let (cost, overflow) = reward.multipliedReportingOverflow(by: -weights[index])
            guard !overflow else { throw .tooLarge(resource: group.resource) }
            flow.addArc(from: 1 + supplies.count + index, to: sink, capacity: units, cost: cost)
        }
        guard flow.costsFitTheSolver else { throw .tooLarge(resource: group.resource) }
        self.flow = flow
    }

    /// What no two flows' route costs differ by more than. A request takes
    /// at most its units, each at a cost between its cheapest and its
    /// dearest route's, so every flow's cost lies between the sums of
    /// those bounds (0 counted in, for the requests a flow leaves out);
    /// the same holds counting by offer, and the narrower bound holds.
    /// `units` is indexed by node less one.
    /// Nil when it does not fit in Int64.
    private static func costSpread(of routes: [AidRoute], supplyNode: [Int: Int], needNode: [Int: Int], units: [Int64])
        -> Int64?
    {
        var lowest = [Int64](repeating: 0, count: units.count)
        var highest = [Int64](repeating: 0, count: units.count)
        for route in routes {
            for node in [supplyNode[route.supplyPosition]!, needNode[route.needPosition]!] {
                lowest[node - 1] = min(lowest[node - 1], route.unitCost)
                highest[node - 1] = max(highest[node - 1], route.unitCost)
            }
        }
        var (bySupply, byNeed) = (Int64(0), Int64(0))
        for node in units.indices {
            let (range, rangeOverflow) = highest[node].subtractingReportingOverflow(lowest[node])
            let (spread, spreadOverflow) = units[node].multipliedReportingOverflow(by: range)
            guard !rangeOverflow, !spreadOverflow else { return nil }
            let (sum, sumOverflow) =
                node < supplyNode.count
                ? bySupply.addingReportingOverflow(spread) : byNeed.addingReportingOverflow(spread)
            guard !sumOverflow else { return nil }
            if node < supplyNode.count { bySupply = sum } else { byNeed = sum }
        }
        return min(bySupply, byNeed)
    }

    /// Route arcs come after the offers' arcs from the source.
    var routeArcs: Range<Int> { group.supplyPositions.count..<(group.supplyPositions.count + routes.count) }

    /// What an arc stands for: the urgency weight of a unit it takes into the
    /// sink, and the policy's cost of a unit on it (0 where it is not a route).
    func role(ofArc position: Int) -> (weight: Int64, unitCost: Int64) {
        if position < routeArcs.lowerBound { return (0, 0) }
        if position < routeArcs.upperBound { return (0, routes[position - routeArcs.lowerBound].unitCost) }
        return (weights[position - routeArcs.upperBound], 0)
    }
}

/// A flow network as another solver reads it: the matcher's exact network,
/// whose least-cost flow of any amount from `source` to `sink` is the
/// matching. Arc costs are what the matcher minimises: `unitCost` on the
/// routes, minus a reward per unit of urgency weight on the arcs into the
/// sink (large enough that meeting more weighted need always wins).
public struct AidFlowNetwork: Sendable, Codable {
    public struct Arc: Sendable, Codable, Hashable {
        public var tail: Int
        public var head: Int
        public var capacity: Int64
        public var cost: Int64
        /// The urgency weight of each unit the arc takes into the sink; 0 on the other arcs.
        public var weight: Int64
        /// The policy's cost of a unit on a route; 0 on the arcs out of the source and into the sink.
        public var unitCost: Int64
    }

    public var nodeCount: Int
    public var source: Int
    public var sink: Int
    /// Units each node puts in (positive) or takes out (negative) when every
    /// offer is sent: the source's total and the sink's. The matching sends
    /// any amount up to that, so a solver that needs balanced supplies adds
    /// an arc from the source to the sink of that capacity at no cost.
    public var supplies: [Int64]
    public var arcs: [Arc]
}

/// Why a matching could not be computed.
public enum AidMatchingError: Error, Equatable, CustomStringConvertible {
    /// The quantities and costs of one resource are too large for exact 64-bit arithmetic.
    case tooLarge(resource: String)

    /// Why, for the person who ran the matching, in their language.
    public var message: Message {
        switch self {
        case .tooLarge(let resource):
            Message(
                "aid-matching.too-large",
                "The quantities offered and requested of {resource} are too large to match exactly; split the run by network.",
                ["resource": .text(resource)])
        }
    }

    public var description: String { message.englishText }
}
