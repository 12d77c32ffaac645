import CityweaveSyntheticData
import Testing

@testable import CityweaveCore

@Suite struct PortfolioOptimizerTests {
    /// A random instance: networks fit a few themes each, some fully, and
    /// cost a share of the budget and hours that makes a few fit at once.
    static func instance(candidates: Int, themes: Int, seed: UInt64) -> PortfolioProblem {
        var random = SeededGenerator(seed: seed)
        let weights = (0..<themes).map { _ in Double(Int.random(in: 0...10, using: &random)) }
        let networks = (0..<candidates).map { id in
            var fit = [Double](repeating: 0, count: themes)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                fit[Int.random(in: 0..<themes, using: &random)] = [0.25, 0.5, 1].randomElement(using: &random)!
            }
            return PortfolioCandidate(
                id: id, cost: Double(Int.random(in: 0...20, using: &random) * 1_000),
                hours: Double(Int.random(in: 1...12, using: &random)), themeFit: fit,
                standaloneValue: Double.random(in: 0...2, using: &random))
        }
        return PortfolioProblem(
            candidates: networks, themeWeights: weights, budget: Double(candidates) * 2_500,
            hours: Double(candidates) * 1.5)
    }

    /// The best value by trying every subset.
    static func exhaustive(_ problem: PortfolioProblem) -> Double {
        var best = 0.0
        let count = problem.candidates.count
        for mask in 0..<(1 << count) {
            let subset = (0..<count).filter { mask & (1 << $0) != 0 }
            if problem.fits(subset) { best = max(best, problem.value(of: subset)) }
        }
        return best
    }

    @Test func theOptimumMatchesExhaustiveSearch() {
        for seed: UInt64 in 1...40 {
            let problem = Self.instance(candidates: Int(seed % 7) + 8, themes: Int(seed % 5) + 2, seed: seed)
            let solution = PortfolioOptimizer.solve(problem)
            let optimum = Self.exhaustive(problem)
            #expect(solution.isOptimal)
            #expect(abs(solution.value - optimum) < 1e-9, "seed \(seed)")
            #expect(problem.fits(solution.positions))
            #expect(abs(problem.value(of: solution.positions) - solution.value) < 1e-9)
        }
    }

    @Test func theOptimumKeepingSomeNetworksMatchesExhaustiveSearchOverPortfoliosHoldingThem() {
        for seed: UInt64 in 1...30 {
            let problem = Self.instance(candidates: Int(seed % 6) + 8, themes: Int(seed % 4) + 2, seed: seed)
            var random = SeededGenerator(seed: seed &* 31)
            let count = problem.candidates.count
            var kept = Set(
                (0..<Int.random(in: 1...2, using: &random)).map { _ in
                    Int.random(in: 0..<count, using: &random)
                })
            if !problem.fits(kept) { kept = [kept.min()!] }
            guard problem.fits(kept) else { continue }
            let solution = PortfolioOptimizer.solve(problem, keeping: kept)
            var optimum = 0.0
            for mask in 0..<(1 << count) {
                let subset = (0..<count).filter { mask & (1 << $0) != 0 }
                if kept.isSubset(of: subset), problem.fits(subset) { optimum = max(optimum, problem.value(of: subset)) }
            }
            #expect(solution.isOptimal)
            #expect(kept.isSubset(of: solution.positions), "seed \(seed)")
            #expect(problem.fits(solution.positions))
            #expect(abs(solution.value - optimum) < 1e-9, "seed \(seed)")
            #expect(abs(problem.value(of: solution.positions) - solution.value) < 1e-9)
        }
    }

    @Test func aToleranceKeepsTheAnswerWithinItOfTheOptimumAndSaysSo() {
        for seed: UInt64 in 100...110 {
            let problem = Self.instance(candidates: 30, themes: 12, seed: seed)
            let exact = PortfolioOptimizer.solve(problem, tolerance: 0, branchLimit: .max)
            let near = PortfolioOptimizer.solve(problem, tolerance: 0.01, branchLimit: .max)
            #expect(exact.isOptimal)
            #expect(near.value >= 0.99 * exact.value - 1e-9)
            #expect(near.upperBound >= exact.value - 1e-9)
            #expect(near.isOptimal == (abs(near.value - exact.value) < 1e-9 && near.upperBound <= near.value + 1e-9))
        }
    }

    @Test func aStoppedSearchSaysItIsNotOptimalAndBoundsTheOptimum() {
        let problem = Self.instance(candidates: 40, themes: 20, seed: 7)
        let exact = PortfolioOptimizer.solve(problem)
        let stopped = PortfolioOptimizer.solve(problem, tolerance: 0, branchLimit: 3)
        #expect(!stopped.isOptimal)
        #expect(stopped.upperBound >= exact.value - 1e-9)
        #expect(stopped.value <= exact.value + 1e-9)
        #expect(stopped.gap > 0)
    }

    @Test func threeHundredNetworksAreAdvisedWithinTheTolerance() {
        for seed: UInt64 in 1...3 {
            let problem = SyntheticPortfolios.problem(candidates: 300, themes: 20, seed: seed)
            let solution = PortfolioOptimizer.solve(problem)
            #expect(solution.gap <= PortfolioOptimizer.tolerance, "seed \(seed)")
            #expect(problem.fits(solution.positions))
            #expect(abs(problem.value(of: solution.positions) - solution.value) < 1e-9)
        }
    }

    @Test func aSecondNetworkOnACoveredThemeEarnsHalf() {
        let twins = (1...2).map { PortfolioCandidate(id: $0, cost: 1, hours: 1, themeFit: [1, 0]) }
        let other = PortfolioCandidate(id: 3, cost: 1, hours: 1, themeFit: [0, 1])
        let problem = PortfolioProblem(candidates: twins + [other], themeWeights: [1, 0.6], budget: 2, hours: 10)
        #expect(abs(problem.value(of: [0]) - 1) < 1e-12)
        #expect(abs(problem.value(of: [0, 1]) - 1.5) < 1e-12)
        // Room for two: the second theme (0.6) is worth more than the half (0.5).
        let chosen = PortfolioOptimizer.solve(problem).positions
        #expect(chosen == [0, 2] || chosen == [1, 2])
    }

    @Test func networksThatCannotFitAreNeverChosen() {
        let problem = PortfolioProblem(
            candidates: [
                PortfolioCandidate(id: 1, cost: 50_000, hours: 1, themeFit: [1]),
                PortfolioCandidate(id: 2, cost: 1_000, hours: 40, themeFit: [1]),
                PortfolioCandidate(id: 3, cost: 1_000, hours: 2, themeFit: [0.5]),
            ], themeWeights: [5], budget: 10_000, hours: 10)
        let solution = PortfolioOptimizer.solve(problem)
        #expect(solution.positions == [2])
        #expect(solution.isOptimal)
        let nothing = PortfolioProblem(candidates: problem.candidates, themeWeights: [5], budget: 0, hours: 0)
        #expect(PortfolioOptimizer.solve(nothing).positions.isEmpty)
    }
}
