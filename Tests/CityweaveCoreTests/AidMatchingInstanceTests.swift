import CityweaveCore
import CityweaveSyntheticData
import Foundation
import Testing

@Suite struct AidMatchingInstanceTests {
    @Test func aFileSolvesToTheSameMatchingAsTheProblem() throws {
        // setup
        let problem = SyntheticAid.problem(offers: 300, requests: 300, resources: 4, seed: 11)
        let file = try JSONEncoder().encode(AidMatchingInstance(problem))
        // MUT
        let outcome = try AidMatchingInstance.solve(json: file)
        // validate
        let matching = try AidMatcher.match(problem)
        #expect(outcome.matching.proposals == matching.proposals)
        #expect(outcome.report.weightedUnitsMet == matching.weightedUnitsMet)
        #expect(outcome.report.totalCost == matching.totalCost)
        #expect(outcome.report.proposals == matching.proposals.count)
        #expect(outcome.report.candidateRoutes == matching.candidateRoutes)
        #expect(outcome.report.unitsMet == matching.proposals.reduce(0) { $0 + $1.quantity })
        let decoded = try JSONDecoder().decode(AidMatchingInstance.self, from: file).problem
        #expect(decoded.ties == problem.ties)
        #expect(decoded.supplies == problem.supplies && decoded.needs == problem.needs)
    }

    @Test func theExportedNetworkSolvedAgainGivesTheMatchingsObjectives() throws {
        // setup
        let problem = SyntheticAid.problem(offers: 300, requests: 300, resources: 4, seed: 12)
        let outcome = try AidMatchingInstance.solve(json: JSONEncoder().encode(AidMatchingInstance(problem)))
        let exported = try JSONDecoder().decode(AidFlowNetwork.self, from: outcome.networkJSON())
        var network = MinCostFlow(nodeCount: exported.nodeCount)
        for arc in exported.arcs {
            network.addArc(from: arc.tail, to: arc.head, capacity: arc.capacity, cost: arc.cost)
        }
        // MUT
        let solution = network.solve(from: exported.source, to: exported.sink, amount: .cheapest)
        // validate
        let weighted = zip(exported.arcs, solution.flows).reduce(Int64(0)) { $0 + $1.0.weight * $1.1 }
        let cost = zip(exported.arcs, solution.flows).reduce(Int64(0)) { $0 + $1.0.unitCost * $1.1 }
        #expect(weighted == outcome.report.weightedUnitsMet)
        #expect(cost == outcome.report.totalCost)
        #expect(
            exported.arcs.count(where: { $0.tail != exported.source && $0.head != exported.sink })
                == outcome.report.candidateRoutes)
        #expect(exported.supplies[exported.source] == Int64(problem.supplies.reduce(0) { $0 + $1.quantity }))
    }

    @Test func aFileMayLeaveOutThePolicyAndTheTies() throws {
        let file = Data(
            """
            {"today": 20000,
             "supplies": [{"id": 1, "resource": "generators", "city": 7, "country": "DE",
                           "location": {"latitude": 52.52, "longitude": 13.405}, "quantity": 3,
                           "availableFrom": 19995, "availableUntil": 20030, "shipsAbroad": true}],
             "needs": [{"id": 2, "resource": "generators", "city": 9, "country": "PL",
                        "location": {"latitude": 52.23, "longitude": 21.012}, "quantity": 2,
                        "neededBy": 20007, "urgency": "critical", "acceptsFromAbroad": true}]}
            """.utf8)
        let outcome = try AidMatchingInstance.solve(json: file)
        #expect(outcome.report.weightedUnitsMet == 16)
        #expect(outcome.matching.proposals.first?.unitCost == 5)
    }

    @Test func aTieMustNameTwoCities() throws {
        let file = Data(#"{"today": 0, "supplies": [], "needs": [], "ties": [{"cities": [3]}]}"#.utf8)
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AidMatchingInstance.self, from: file)
        }
        guard case .dataCorrupted(let context)? = error else { return }
        #expect(context.codingPath.last?.stringValue == "cities")
    }
}
