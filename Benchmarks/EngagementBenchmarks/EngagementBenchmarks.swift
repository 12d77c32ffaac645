import Benchmark
import CityweaveCore

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

    Benchmark("Prove the optimum portfolio of 40 networks and 20 themes") { benchmark in
        for _ in benchmark.scaledIterations {
            let solution = PortfolioOptimizer.solve(exact[next.advance() % exact.count])
            precondition(solution.isOptimal)
            blackHole(solution)
        }
    }
}
