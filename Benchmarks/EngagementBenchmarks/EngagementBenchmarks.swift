import Benchmark
import CityweaveCore
import CityweaveSyntheticData

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
    let large = (1...10).map { SyntheticPortfolios.problem(candidates: 300, themes: 20, seed: $0) }
    let exact = (1...10).map { SyntheticPortfolios.problem(candidates: 40, themes: 20, seed: 100 + $0) }
    let next = Counter()

    Benchmark("Choose a portfolio of 300 networks and 20 themes (1% tolerance, at most 400 branches)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PortfolioOptimizer.solve(large[next.advance() % large.count]))
        }
    }

    let questions = (1...5).map { SyntheticPortfolios.advisorInput(seed: 200 + $0, budget: 250_000, hours: 240) }
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
