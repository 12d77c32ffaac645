import Foundation

/// A network the advisor may put in a city's portfolio: what engaging in it
/// costs and what it is worth.
public struct PortfolioCandidate: Sendable, Equatable {
    public var id: Int
    /// Money per year: the fee plus travel.
    public var cost: Double
    /// Staff hours per month.
    public var hours: Double
    /// How fully the network serves each theme of the strategy, from 0 to 1,
    /// in the order of ``PortfolioProblem/themeWeights``.
    public var themeFit: [Double]
    /// What it is worth beside the themes (peers, evidence of value), 0 or more.
    public var standaloneValue: Double

    public init(id: Int, cost: Double, hours: Double, themeFit: [Double], standaloneValue: Double = 0) {
        self.id = id
        self.cost = cost
        self.hours = hours
        self.themeFit = themeFit
        self.standaloneValue = standaloneValue
    }
}

/// Which networks to engage in under a yearly budget and monthly staff
/// hours. A portfolio is worth the candidates' standalone values plus, for
/// each theme, its weight times the coverage curve of the fits summed over
/// the portfolio: covering a theme fully once earns its weight, a second
/// network on it half as much again, a third a quarter, and so on
/// (`2 × (1 − 2^−coverage)`). The curve's shape is what lets the optimizer
/// bound a branch exactly: see ``PortfolioOptimizer``.
public struct PortfolioProblem: Sendable {
    public var candidates: [PortfolioCandidate]
    public var themeWeights: [Double]
    public var budget: Double
    public var hours: Double

    public init(candidates: [PortfolioCandidate], themeWeights: [Double], budget: Double, hours: Double) {
        self.candidates = candidates
        self.themeWeights = themeWeights
        self.budget = budget
        self.hours = hours
    }

    /// What the credit a theme already has (`2^−coverage`, 1 when it has
    /// none) keeps after one more network with `fit`.
    static func remainingShare(afterFit fit: Double) -> Double { exp2(-max(0, min(1, fit))) }

    /// The worth of a portfolio, by candidate positions; computed plainly, as
    /// the definition reads (the optimizer's bookkeeping is checked against it).
    public func value(of positions: some Sequence<Int>) -> Double {
        var coverage = [Double](repeating: 0, count: themeWeights.count)
        var total = 0.0
        for position in positions {
            let candidate = candidates[position]
            total += candidate.standaloneValue
            for (theme, fit) in candidate.themeFit.enumerated() where theme < coverage.count {
                coverage[theme] += max(0, min(1, fit))
            }
        }
        for (theme, weight) in themeWeights.enumerated() {
            total += weight * 2 * (1 - exp2(-coverage[theme]))
        }
        return total
    }

    /// Whether the portfolio fits the budget and the hours.
    public func fits(_ positions: some Sequence<Int>) -> Bool {
        var cost = 0.0
        var hours = 0.0
        for position in positions {
            cost += candidates[position].cost
            hours += candidates[position].hours
        }
        return cost <= budget + Self.slack && hours <= self.hours + Self.slack
    }

    /// Rounding room when sums of decimal costs meet a limit exactly.
    static var slack: Double { 1e-9 }
}
