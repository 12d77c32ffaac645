import Benchmark
import CityweaveCore
import Foundation

/// Networks that each fit one to three of `themes` themes, with fees from
/// nothing to 30,000 a year and 2 to 20 hours a month, and a capacity that
/// holds about a tenth of them.
func portfolio(candidates: Int, themes: Int, seed: UInt64) -> PortfolioProblem {
    var random = SeededGenerator(seed: seed)
    let weights = (0..<themes).map { _ in Double(Int.random(in: 1...10, using: &random)) }
    let networks = (0..<candidates).map { id in
        var fit = [Double](repeating: 0, count: themes)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            fit[Int.random(in: 0..<themes, using: &random)] = [0.25, 0.5, 0.75, 1].randomElement(using: &random)!
        }
        return PortfolioCandidate(
            id: id, cost: Double(Int.random(in: 0...30, using: &random) * 1_000),
            hours: Double(Int.random(in: 2...20, using: &random)), themeFit: fit,
            standaloneValue: Double.random(in: 0...3, using: &random))
    }
    return PortfolioProblem(
        candidates: networks, themeWeights: weights, budget: Double(candidates) * 1_500,
        hours: Double(candidates) * 1.1)
}

/// A city's question at the scale of the real landscape: 300 networks with
/// skewed sizes over 20,000 cities, every theme weighted, a dozen networks
/// the city is in, and a capacity that holds a few more.
func advisorInput(seed: UInt64) -> AdvisorInput {
    var random = SeededGenerator(seed: seed)
    let networks = (0..<300).map { id in
        // Most networks have tens of members, a few thousands.
        let size = min(5_000, Int(10 / pow(Double.random(in: 0.001...1, using: &random), 1.1)))
        let members = (0..<size).map { _ in Int.random(in: 0..<20_000, using: &random) }
        let themes = Array(Theme.allCases.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)))
        return NetworkFacts(
            id: id, name: "Network \(id)", themes: themes, members: Array(Set(members)),
            practicesBySimilarMembers: Int.random(in: 0...10, using: &random))
    }
    let commitments = networks.shuffled(using: &random).prefix(12).map { network in
        NetworkCommitment(
            networkID: network.id, hoursPerMonth: Double(Int.random(in: 2...20, using: &random)),
            yearlyFee: Double(Int.random(in: 0...30, using: &random) * 1_000),
            recentValueEntries: Int.random(in: 0...5, using: &random),
            recentMeanRating: Double.random(in: 1...5, using: &random))
    }
    var likeness: [Int: Double] = [:]
    for city in 0..<20_000 { likeness[city] = Double.random(in: 0...1, using: &random) }
    return AdvisorInput(
        cityName: "Benchmark city",
        weights: Dictionary(
            uniqueKeysWithValues: Theme.allCases.map { ($0, Double(Int.random(in: 1...10, using: &random))) }),
        budget: 250_000, hoursPerMonth: 240, networks: networks, commitments: Array(commitments), likeness: likeness,
        newEngagementHours: 8, newEngagementFee: 8_000)
}

/// Which instance comes next: every sample solves a different one (a
/// sample's iterations start at 0).
final class Counter: @unchecked Sendable {
    private var value = 0
    func advance() -> Int {
        defer { value += 1 }
        return value
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 50)
    let large = (1...10).map { portfolio(candidates: 300, themes: 20, seed: $0) }
    let exact = (1...10).map { portfolio(candidates: 40, themes: 20, seed: 100 + $0) }
    let next = Counter()

    Benchmark("Advise a portfolio from 300 networks and 20 themes (1% tolerance, at most 400 branches)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PortfolioOptimizer.solve(large[next.advance() % large.count]))
        }
    }

    let questions = (1...5).map { advisorInput(seed: 200 + $0) }
    Benchmark("Advise a city: score 300 networks on 16 themes, choose, and word the actions") { benchmark in
        for _ in benchmark.scaledIterations {
            let advice = PortfolioAdvisor.advise(questions[next.advance() % questions.count])
            precondition(advice.gap <= PortfolioOptimizer.tolerance)
            blackHole(advice)
        }
    }

    Benchmark("Prove the optimum portfolio of 40 networks and 20 themes") { benchmark in
        for _ in benchmark.scaledIterations {
            let solution = PortfolioOptimizer.solve(exact[next.advance() % exact.count])
            precondition(solution.isOptimal)
            blackHole(solution)
        }
    }
}
