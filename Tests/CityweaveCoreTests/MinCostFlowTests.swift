import CityweaveCore
import CityweaveSyntheticData
import Testing

@Suite struct MinCostFlowTests {
    /// A random network from node 0 to the last. Its arcs go forward, so
    /// that it is acyclic and costs may be anything; or, with `cycles`,
    /// either way, at a cost of 0 or more plus the difference of random
    /// heights of their ends, so that costs may be negative but no cycle is.
    static func network(nodes: Int, arcs: Int, capacity: Int64, cycles: Bool, seed: UInt64) -> MinCostFlow {
        var random = SeededGenerator(seed: seed)
        let heights = (0..<nodes).map { _ in Int64.random(in: 0...6, using: &random) }
        var network = MinCostFlow(nodeCount: nodes)
        for _ in 0..<arcs {
            let a = Int.random(in: 0..<nodes, using: &random)
            var b = Int.random(in: 0..<nodes, using: &random)
            while b == a { b = Int.random(in: 0..<nodes, using: &random) }
            let (tail, head) = cycles || a < b ? (a, b) : (b, a)
            let cost =
                cycles
                ? Int64.random(in: 0...9, using: &random) + heights[tail] - heights[head]
                : Int64.random(in: -6...9, using: &random)
            network.addArc(from: tail, to: head, capacity: Int64.random(in: 0...capacity, using: &random), cost: cost)
        }
        return network
    }

    /// The best flow by trying every whole flow on every arc: for
    /// `.cheapest` the least cost, for `.maximum` the largest value and then
    /// the least cost; as (value, cost). The value is 0 or more.
    static func enumerated(_ network: MinCostFlow, amount: MinCostFlow.Amount) -> (value: Int64, cost: Int64) {
        let (source, sink) = (0, network.nodeCount - 1)
        var best: (value: Int64, cost: Int64)?
        var flows = [Int64](repeating: 0, count: network.arcs.count)
        func visit(_ arc: Int) {
            guard arc == network.arcs.count else {
                for units in 0...network.arcs[arc].capacity {
                    flows[arc] = units
                    visit(arc + 1)
                }
                return
            }
            var balance = [Int64](repeating: 0, count: network.nodeCount)
            var cost: Int64 = 0
            for (arc, units) in zip(network.arcs, flows) {
                balance[arc.tail] -= units
                balance[arc.head] += units
                cost += units * arc.cost
            }
            // Flow conserved everywhere but at the ends, and none sent from the sink back to the source.
            guard balance[sink] >= 0, balance.indices.allSatisfy({ $0 == source || $0 == sink || balance[$0] == 0 })
            else { return }
            let candidate = (value: balance[sink], cost: cost)
            guard let current = best else {
                best = candidate
                return
            }
            switch amount {
            case .cheapest: if candidate.cost < current.cost { best = candidate }
            case .maximum:
                if (candidate.value, -candidate.cost) > (current.value, -current.cost) { best = candidate }
            }
        }
        visit(0)
        return best!
    }

    /// The best flow by cycle cancelling, slow but plainly right: for
    /// `.maximum` augment any paths to the largest value, for `.cheapest`
    /// start from nothing with an arc back from the sink to the source that
    /// carries any amount at no cost; then, while the residual network has a
    /// cycle of negative cost (Bellman–Ford), send its bottleneck round it.
    static func cancelled(_ network: MinCostFlow, amount: MinCostFlow.Amount) -> (value: Int64, cost: Int64) {
        let (source, sink) = (0, network.nodeCount - 1)
        var arcs = network.arcs
        if case .cheapest = amount {
            arcs.append(.init(tail: sink, head: source, capacity: arcs.reduce(0) { $0 + $1.capacity }, cost: 0))
        }
        var flows = [Int64](repeating: 0, count: arcs.count)
        // Residual arcs as (arc, forward?).
        func residual() -> [(arc: Int, forward: Bool, tail: Int, head: Int, cost: Int64, room: Int64)] {
            arcs.indices.flatMap { index in
                let arc = arcs[index]
                return [
                    (index, true, arc.tail, arc.head, arc.cost, arc.capacity - flows[index]),
                    (index, false, arc.head, arc.tail, -arc.cost, flows[index]),
                ].filter { $0.5 > 0 }
            }
        }
        func push(_ path: [(arc: Int, forward: Bool, tail: Int, head: Int, cost: Int64, room: Int64)]) {
            let units = path.map(\.room).min()!
            for step in path { flows[step.arc] += step.forward ? units : -units }
        }
        if case .maximum = amount {
            // Any augmenting path, by breadth-first search.
            while true {
                let steps = residual()
                var via: [Int: Int] = [source: -1]
                var queue = [source]
                while let node = queue.first, via[sink] == nil {
                    queue.removeFirst()
                    for (index, step) in steps.enumerated() where step.tail == node && via[step.head] == nil {
                        via[step.head] = index
                        queue.append(step.head)
                    }
                }
                guard via[sink] != nil else { break }
                var path: [(arc: Int, forward: Bool, tail: Int, head: Int, cost: Int64, room: Int64)] = []
                var node = sink
                while node != source {
                    path.append(steps[via[node]!])
                    node = steps[via[node]!].tail
                }
                push(path)
            }
        }
        while true {
            let steps = residual()
            var distance = [Int64](repeating: 0, count: network.nodeCount)
            var via = [Int](repeating: -1, count: network.nodeCount)
            var changed = -1
            for _ in 0..<network.nodeCount {
                changed = -1
                for (index, step) in steps.enumerated() where distance[step.tail] + step.cost < distance[step.head] {
                    distance[step.head] = distance[step.tail] + step.cost
                    via[step.head] = index
                    changed = step.head
                }
            }
            guard changed >= 0 else { break }
            // Walking back as many steps as there are nodes lands on the cycle.
            var node = changed
            for _ in 0..<network.nodeCount { node = steps[via[node]].tail }
            var cycle = [steps[via[node]]]
            while cycle.last!.tail != node { cycle.append(steps[via[cycle.last!.tail]]) }
            push(cycle)
        }
        let value =
            zip(network.arcs, flows).reduce(Int64(0)) {
                $0 + ($1.0.head == sink ? $1.1 : 0) - ($1.0.tail == sink ? $1.1 : 0)
            }
        return (value, zip(network.arcs, flows).reduce(0) { $0 + $1.0.cost * $1.1 })
    }

    /// Whether the solution keeps within the capacities and conserves flow,
    /// and adds up to its value and cost.
    static func isConsistent(_ solution: MinCostFlow.Solution, in network: MinCostFlow) -> Bool {
        var balance = [Int64](repeating: 0, count: network.nodeCount)
        var cost: Int64 = 0
        for (arc, units) in zip(network.arcs, solution.flows) {
            guard (0...arc.capacity).contains(units) else { return false }
            balance[arc.tail] -= units
            balance[arc.head] += units
            cost += units * arc.cost
        }
        let sink = network.nodeCount - 1
        return balance.dropFirst().dropLast().allSatisfy { $0 == 0 } && balance[sink] == solution.value
            && balance[0] == -solution.value && cost == solution.cost
    }

    @Test func theFlowMatchesEveryFlowTriedOnSmallNetworks() {
        for seed: UInt64 in 1...300 {
            let cycles = seed % 3 == 0
            let network = Self.network(
                nodes: Int(seed % 3) + 3, arcs: Int(seed % 4) + 4, capacity: 3, cycles: cycles, seed: seed)
            for amount in [MinCostFlow.Amount.cheapest, .maximum] {
                let solution = network.solve(from: 0, to: network.nodeCount - 1, amount: amount)
                let best = Self.enumerated(network, amount: amount)
                #expect(Self.isConsistent(solution, in: network), "seed \(seed)")
                #expect(solution.cost == best.cost, "seed \(seed) \(amount)")
                if case .maximum = amount { #expect(solution.value == best.value, "seed \(seed)") }
            }
        }
    }

    @Test func theFlowMatchesCycleCancellingOnLargerNetworks() {
        for seed: UInt64 in 1...200 {
            let network = Self.network(nodes: 12, arcs: 40, capacity: 9, cycles: seed % 2 == 0, seed: 1_000 + seed)
            for amount in [MinCostFlow.Amount.cheapest, .maximum] {
                let solution = network.solve(from: 0, to: network.nodeCount - 1, amount: amount)
                let best = Self.cancelled(network, amount: amount)
                #expect(Self.isConsistent(solution, in: network), "seed \(seed)")
                #expect(solution.cost == best.cost, "seed \(seed) \(amount)")
                if case .maximum = amount { #expect(solution.value == best.value, "seed \(seed)") }
            }
        }
    }

    @Test func theCheapestAmountStopsWhereAnotherUnitWouldCostMore() {
        // setup: a path that earns 4 a unit for 2 units, then one that costs 1 more.
        var network = MinCostFlow(nodeCount: 4)
        network.addArc(from: 0, to: 1, capacity: 2, cost: 1)
        network.addArc(from: 1, to: 3, capacity: 5, cost: -5)
        network.addArc(from: 0, to: 2, capacity: 3, cost: 0)
        network.addArc(from: 2, to: 3, capacity: 3, cost: 1)
        // MUT
        let cheapest = network.solve(from: 0, to: 3, amount: .cheapest)
        let maximum = network.solve(from: 0, to: 3, amount: .maximum)
        // validate
        #expect(cheapest.flows == [2, 2, 0, 0])
        #expect((cheapest.value, cheapest.cost) == (2, -8))
        #expect((maximum.value, maximum.cost) == (5, -5))
    }

    @Test func aPathOfZeroCostIsNotSentForTheCheapestAmount() {
        var network = MinCostFlow(nodeCount: 2)
        network.addArc(from: 0, to: 1, capacity: 4, cost: 0)
        let solution = network.solve(from: 0, to: 1, amount: .cheapest)
        #expect((solution.value, solution.cost) == (0, 0))
    }

    @Test func anUnreachableSinkGetsNoFlow() {
        var network = MinCostFlow(nodeCount: 3)
        network.addArc(from: 0, to: 1, capacity: 4, cost: -3)
        network.addArc(from: 2, to: 1, capacity: 4, cost: -3)
        for amount in [MinCostFlow.Amount.cheapest, .maximum] {
            let solution = network.solve(from: 0, to: 2, amount: amount)
            #expect(solution.flows == [0, 0])
        }
    }
}
