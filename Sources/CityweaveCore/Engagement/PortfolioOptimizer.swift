import Foundation

/// The best portfolio the optimizer found, and how sure it is.
public struct PortfolioSolution: Sendable, Equatable {
    /// Positions in the problem's candidates, ascending.
    public var positions: [Int]
    public var value: Double
    /// No portfolio that fits is worth more: proven by the search.
    public var upperBound: Double
    /// Whether `value` is the optimum (then `upperBound` equals it).
    public var isOptimal: Bool
    /// Branches the search opened.
    public var nodes: Int

    /// How far below the optimum `value` may be, as a share of the bound.
    public var gap: Double { upperBound > 0 ? max(0, 1 - value / upperBound) : 0 }
}

/// Chooses the portfolio worth most under the budget and the hours, by
/// branch and bound. The worth of adding a network to a portfolio never
/// grows as the portfolio grows (the coverage curve is concave), so what
/// the rest of a branch can add is at most the sum of each remaining
/// network's gain now: a knapsack over those gains, whose fractional
/// relaxation (under the budget, under the hours, and under both added up)
/// bounds the branch. The gain of a network is a dot product, because the
/// curve is exponential: a theme's remaining credit `2^−coverage` is
/// multiplied by `2^−fit` when a network joins.
public enum PortfolioOptimizer {
    /// Up to this many candidates, the search proves the optimum.
    public static let exactCandidates = 40
    /// Branches an exact search may open: far more than portfolios of 40
    /// candidates need.
    public static let exactBranchLimit = 2_000_000
    /// Above `exactCandidates`, the search stops once no branch can beat the
    /// portfolio found by more than this share, or after `nearBranchLimit`
    /// branches (each costs a relaxation over every open candidate), and
    /// says how far from the optimum its answer may be.
    public static let tolerance = 0.01
    public static let nearBranchLimit = 400

    public static func solve(_ problem: PortfolioProblem) -> PortfolioSolution {
        problem.candidates.count <= exactCandidates
            ? solve(problem, tolerance: 0, branchLimit: exactBranchLimit)
            : solve(problem, tolerance: tolerance, branchLimit: nearBranchLimit)
    }

    /// With `tolerance` 0 the answer is optimal unless `branchLimit` stops
    /// the search; either way `upperBound` is proven.
    public static func solve(_ problem: PortfolioProblem, tolerance: Double, branchLimit: Int) -> PortfolioSolution {
        var search = BranchAndBound(problem: problem, tolerance: tolerance, branchLimit: branchLimit)
        return search.run()
    }
}

/// The search's state: the portfolio being built and the best one found.
private struct BranchAndBound {
    /// A candidate as the search reads it.
    struct Item {
        var position: Int
        var cost: Double
        var hours: Double
        var standaloneValue: Double
        /// The themes it fits, with `1 − 2^−fit`, the share of a theme's
        /// remaining credit it earns.
        var themes: [Int]
        var shares: [Double]
        /// The same as a rate, `fit × ln 2`: the fraction `x` of the network
        /// leaves `e^−(rate × x)` of the credit (see `relaxation`).
        var rates: [Double]
    }

    let items: [Item]
    let weights: [Double]
    let tolerance: Double
    let branchLimit: Int
    let budget: Double
    let hours: Double

    /// For each theme, `2^−coverage` of the portfolio being built.
    var remaining: [Double]
    var chosen: [Int] = []
    var best: (value: Double, chosen: [Int]) = (0, [])
    /// The highest bound of a branch left unexplored.
    var unexplored = 0.0
    var nodes = 0

    init(problem: PortfolioProblem, tolerance: Double, branchLimit: Int) {
        weights = problem.themeWeights.map { max(0, $0) }
        budget = problem.budget
        hours = problem.hours
        self.tolerance = tolerance
        self.branchLimit = branchLimit
        remaining = Array(repeating: 1, count: weights.count)
        let slack = PortfolioProblem.slack
        var items: [Item] = []
        for (position, candidate) in problem.candidates.enumerated()
        where candidate.cost <= problem.budget + slack && candidate.hours <= problem.hours + slack {
            var item = Item(
                position: position, cost: max(0, candidate.cost), hours: max(0, candidate.hours),
                standaloneValue: max(0, candidate.standaloneValue), themes: [], shares: [], rates: [])
            for (theme, fit) in candidate.themeFit.enumerated() where theme < weights.count && fit > 0 {
                item.themes.append(theme)
                let share = 1 - PortfolioProblem.remainingShare(afterFit: fit)
                item.shares.append(share)
                item.rates.append(-log1p(-share))
            }
            items.append(item)
        }
        // Densest first: the branches opened first are the likeliest to beat
        // the greedy portfolio, and finding better ones early prunes more.
        let weights = self.weights
        let empty = Array(repeating: 1.0, count: weights.count)
        let scale = (budget: max(problem.budget, slack), hours: max(problem.hours, slack))
        let densities = items.map { item in
            Self.density(of: item, gain: Self.gain(of: item, remaining: empty, weights: weights), scale: scale)
        }
        self.items = zip(items, densities).sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// A gain for the share of the whole capacity the item takes.
    static func density(of item: Item, gain: Double, scale: (budget: Double, hours: Double)) -> Double {
        gain / (item.cost / scale.budget + item.hours / scale.hours + PortfolioProblem.slack)
    }

    static func gain(of item: Item, remaining: [Double], weights: [Double]) -> Double {
        var gain = item.standaloneValue
        for (theme, share) in zip(item.themes, item.shares) {
            gain += 2 * weights[theme] * remaining[theme] * share
        }
        return gain
    }

    mutating func run() -> PortfolioSolution {
        best = greedy()
        explore(from: 0, value: 0, budget: budget, hours: hours)
        let upperBound = max(best.value, unexplored)
        return PortfolioSolution(
            positions: best.chosen.sorted(), value: best.value, upperBound: upperBound,
            isOptimal: upperBound <= best.value * (1 + 1e-12) + 1e-12, nodes: nodes)
    }

    /// A first portfolio: the network whose gain now is largest for the
    /// share of the capacity it takes, again and again while one fits; then
    /// swaps of one network for another while one pays, filling again after
    /// each.
    private func greedy() -> (value: Double, chosen: [Int]) {
        var portfolio = Portfolio(search: self)
        portfolio.fill()
        var passes = 0
        while passes < Self.swapPasses, portfolio.swapOnce() {
            portfolio.fill()
            passes += 1
        }
        return (portfolio.value, items.indices.filter { portfolio.holds[$0] }.map { items[$0].position })
    }

    /// Enough passes for the swaps that pay on real portfolios, few enough
    /// that the first portfolio costs little next to the search.
    static var swapPasses: Int { 50 }

    /// A portfolio being improved by hand: what it holds and what is left.
    struct Portfolio {
        let items: [Item]
        let weights: [Double]
        let scale: (budget: Double, hours: Double)
        var holds: [Bool]
        var remaining: [Double]
        var left: (budget: Double, hours: Double)
        var value = 0.0

        init(search: BranchAndBound) {
            items = search.items
            weights = search.weights
            let slack = PortfolioProblem.slack
            scale = (max(search.budget, slack), max(search.hours, slack))
            holds = Array(repeating: false, count: search.items.count)
            remaining = search.remaining
            left = (search.budget, search.hours)
        }

        func fits(_ item: Item) -> Bool {
            item.cost <= left.budget + PortfolioProblem.slack && item.hours <= left.hours + PortfolioProblem.slack
        }

        mutating func add(_ index: Int) {
            let item = items[index]
            value += BranchAndBound.gain(of: item, remaining: remaining, weights: weights)
            holds[index] = true
            left = (left.budget - item.cost, left.hours - item.hours)
            for (theme, share) in zip(item.themes, item.shares) { remaining[theme] *= 1 - share }
        }

        mutating func remove(_ index: Int) {
            let item = items[index]
            for (theme, share) in zip(item.themes, item.shares) { remaining[theme] /= 1 - share }
            holds[index] = false
            left = (left.budget + item.cost, left.hours + item.hours)
            value -= BranchAndBound.gain(of: item, remaining: remaining, weights: weights)
        }

        /// Adds the densest network that fits, while one does.
        mutating func fill() {
            while true {
                var pick: (index: Int, density: Double)?
                for (index, item) in items.enumerated() where !holds[index] && fits(item) {
                    let gain = BranchAndBound.gain(of: item, remaining: remaining, weights: weights)
                    let density = BranchAndBound.density(of: item, gain: gain, scale: scale)
                    if gain > 0, density > pick?.density ?? -1 { pick = (index, density) }
                }
                guard let pick else { return }
                add(pick.index)
            }
        }

        /// Makes the best swap of one network for another if one pays.
        mutating func swapOnce() -> Bool {
            var best: (out: Int, in: Int, change: Double)?
            for out in items.indices where holds[out] {
                remove(out)
                for candidate in items.indices where !holds[candidate] && candidate != out && fits(items[candidate]) {
                    let change =
                        BranchAndBound.gain(of: items[candidate], remaining: remaining, weights: weights)
                        - BranchAndBound.gain(of: items[out], remaining: remaining, weights: weights)
                    if change > 1e-9, change > best?.change ?? 0 { best = (out, candidate, change) }
                }
                add(out)
            }
            guard let best else { return false }
            remove(best.out)
            add(best.in)
            return true
        }
    }

    private mutating func explore(from index: Int, value: Double, budget: Double, hours: Double) {
        nodes += 1
        if value > best.value { best = (value, chosen) }
        guard index < items.count else { return }
        let bound = value + relaxation(from: index, budget: budget, hours: hours)
        if bound * (1 - tolerance) <= best.value + 1e-12 || nodes >= branchLimit {
            if bound > best.value { unexplored = max(unexplored, bound) }
            return
        }
        let item = items[index]
        if item.cost <= budget + PortfolioProblem.slack && item.hours <= hours + PortfolioProblem.slack {
            let gain = Self.gain(of: item, remaining: remaining, weights: weights)
            let before = item.themes.map { remaining[$0] }
            for (theme, share) in zip(item.themes, item.shares) { remaining[theme] *= 1 - share }
            chosen.append(item.position)
            explore(from: index + 1, value: value + gain, budget: budget - item.cost, hours: hours - item.hours)
            chosen.removeLast()
            for (theme, previous) in zip(item.themes, before) { remaining[theme] = previous }
        }
        explore(from: index + 1, value: value, budget: budget, hours: hours)
    }

    /// At most what the candidates from `index` on can add. Taking a
    /// fraction `x` of each makes the worth a concave function `f(x)`,
    /// whose maximum over the fractions that fit bounds every portfolio of
    /// the branch. A tangent plane of a concave function lies above it, so
    /// at any `x`, `f(x) + max over y of ∇f(x)·(y − x)` is such a bound;
    /// a few Frank–Wolfe steps move `x` to where the plane is low.
    private func relaxation(from index: Int, budget: Double, hours: Double) -> Double {
        let slack = PortfolioProblem.slack
        let open = items[index...].filter { $0.cost <= budget + slack && $0.hours <= hours + slack }
        guard !open.isEmpty else { return 0 }
        let credit = weights.indices.map { 2 * weights[$0] * remaining[$0] }
        let scale = (budget: max(budget, slack), hours: max(hours, slack))
        let limits: [(weights: [Double], capacity: Double)] = (0...4).map { step in
            let l = Double(step) / 4
            return (open.map { l * $0.cost / scale.budget + (1 - l) * $0.hours / scale.hours }, 1)
        }
        var fractions = [Double](repeating: 0, count: open.count)
        var bound = Double.infinity
        for step in 0..<Self.relaxationSteps {
            // How much of each theme's credit the fractions use up, as a rate.
            var rate = [Double](repeating: 0, count: weights.count)
            for (item, fraction) in zip(open, fractions) where fraction > 0 {
                for (theme, itemRate) in zip(item.themes, item.rates) { rate[theme] += fraction * itemRate }
            }
            var worth = 0.0
            var marginal = credit
            for theme in weights.indices {
                let left = exp(-rate[theme])
                worth += credit[theme] * (1 - left)
                marginal[theme] *= left
            }
            var gradient = [Double](repeating: 0, count: open.count)
            var along = 0.0
            for (position, item) in open.enumerated() {
                var slope = item.standaloneValue
                for (theme, itemRate) in zip(item.themes, item.rates) { slope += marginal[theme] * itemRate }
                gradient[position] = slope
                worth += item.standaloneValue * fractions[position]
                along += slope * fractions[position]
            }
            var best = Double.infinity
            var direction: [Double] = []
            for limit in limits {
                let (value, taken) = Self.fractionalKnapsack(
                    gains: gradient, weights: limit.weights, capacity: limit.capacity)
                if value < best {
                    best = value
                    direction = taken
                }
            }
            bound = min(bound, worth - along + best)
            let move = 2 / Double(step + 2)
            for position in fractions.indices {
                fractions[position] += move * (direction[position] - fractions[position])
            }
        }
        return bound
    }

    /// Enough steps to take most of the diminishing returns into account;
    /// each costs a few sorts of the open candidates.
    static var relaxationSteps: Int { 6 }

    /// The most the items can earn when any fraction of each may be taken,
    /// and the fractions taken.
    static func fractionalKnapsack(gains: [Double], weights: [Double], capacity: Double) -> (Double, [Double]) {
        var taken = [Double](repeating: 0, count: gains.count)
        var total = 0.0
        var left = max(0, capacity)
        let order = gains.indices.filter { gains[$0] > 0 }
            .sorted { gains[$0] * weights[$1] > gains[$1] * weights[$0] }
        for position in order {
            if weights[position] <= left {
                total += gains[position]
                left -= weights[position]
                taken[position] = 1
            } else {
                taken[position] = left / weights[position]
                total += gains[position] * taken[position]
                break
            }
        }
        return (total, taken)
    }
}
