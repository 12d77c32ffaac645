import Foundation

/// Matches offers of help to requests exactly: among all ways of sending
/// whole units along the candidate routes (an offer may serve several
/// requests and a request draw on several offers), the one that meets the
/// most need weighted by urgency and, among those, costs least.
///
/// Each resource is its own problem, a minimum-cost flow of any amount (see
/// ``AidResourceNetwork`` for why its optimum is the lexicographic one),
/// solved by ``MinCostFlow``; the resources are solved on all cores and the
/// answer is the same from run to run.
public enum AidMatcher {
    public static func match(_ problem: AidMatchingProblem) throws(AidMatchingError) -> AidMatching {
        solve(try network(for: problem))
    }

    /// The candidate routes and each resource's flow network: the first half of ``match(_:)``.
    public static func network(for problem: AidMatchingProblem) throws(AidMatchingError) -> AidMatchingNetwork {
        try AidMatchingNetwork(problem: problem)
    }

    /// The optimal flows, as proposals sorted by request id then offer id: the second half of ``match(_:)``.
    public static func solve(_ network: AidMatchingNetwork) -> AidMatching {
        let problem = network.problem
        let flows = network.parts.concurrentMap { $0.flow.solve(from: 0, to: $0.flow.nodeCount - 1, amount: .cheapest) }
        var proposals: [(route: AidRoute, proposal: AidProposal)] = []
        var weightedUnitsMet: Int64 = 0
        var totalCost: Int64 = 0
        for (part, solution) in zip(network.parts, flows) {
            let ranks = AidCandidateRank.ranks(of: part.routes)
            for (index, route) in part.routes.enumerated() {
                let units = solution.flows[part.routeArcs.lowerBound + index]
                guard units > 0 else { continue }
                let need = problem.needs[route.needPosition]
                weightedUnitsMet += units * need.urgency.weight
                totalCost += units * route.unitCost
                let proposal = AidProposal(
                    supply: problem.supplies[route.supplyPosition].id, need: need.id, quantity: Int(units),
                    distanceKm: route.distanceKm, arrivalDay: route.arrivalDay, daysToSpare: route.daysToSpare,
                    tie: route.tie, unitCost: route.unitCost, reasons: route.reasons(rank: ranks[index]))
                proposals.append((route, proposal))
            }
        }
        // Positions break ties between repeated ids, so that the order never depends on the resources' order.
        proposals.sort {
            ($0.proposal.need, $0.proposal.supply, $0.route.needPosition, $0.route.supplyPosition)
                < ($1.proposal.need, $1.proposal.supply, $1.route.needPosition, $1.route.supplyPosition)
        }
        return AidMatching(
            proposals: proposals.map(\.proposal), weightedUnitsMet: weightedUnitsMet, totalCost: totalCost,
            candidateRoutes: network.candidateRoutes)
    }
}
