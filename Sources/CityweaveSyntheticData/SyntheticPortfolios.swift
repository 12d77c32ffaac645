import CityweaveCore
import Foundation

/// Seeded instances at the scale of the real landscape of networks, the same
/// for the tests that check the advisor's promises and the benchmarks that
/// time them (see `Benchmarks/EngagementBenchmarks`).
public enum SyntheticPortfolios {
    /// Networks that each fit one to three of `themes` themes, with fees from
    /// nothing to 30,000 a year and 2 to 20 hours a month, and a capacity that
    /// holds about a tenth of them.
    public static func problem(candidates: Int, themes: Int, seed: UInt64) -> PortfolioProblem {
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

    /// A city's question as the server asks it: 300 networks of skewed sizes
    /// (most of tens of members, a few of thousands, over 20,000 cities) on
    /// one to four themes each, so many alike; every theme weighted; a dozen
    /// networks the city is in; joining assumed to take 8 to 12 hours a month
    /// and 8,000 to 15,000 a year.
    public static func advisorInput(seed: UInt64, budget: Double, hours: Double) -> AdvisorInput {
        var random = SeededGenerator(seed: seed)
        let networks = (0..<300).map { id in
            let size = min(5_000, Int(10 / pow(Double.random(in: 0.001...1, using: &random), 1.1)))
            return NetworkFacts(
                id: id, name: "Network \(id)",
                themes: Array(Theme.allCases.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random))),
                members: Array(Set((0..<size).map { _ in Int.random(in: 0..<20_000, using: &random) })),
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
            cityName: "Landscape city",
            weights: Dictionary(
                uniqueKeysWithValues: Theme.allCases.map { ($0, Double(Int.random(in: 1...10, using: &random))) }),
            budget: budget, hoursPerMonth: hours, networks: networks, commitments: Array(commitments),
            likeness: likeness, newEngagementHours: Double(Int.random(in: 8...12, using: &random)),
            newEngagementFee: Double(Int.random(in: 8...15, using: &random) * 1_000))
    }
}
