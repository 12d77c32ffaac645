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
/// best-first branch and bound.
///
/// A branch fixes some networks in and some out. Its bound is a linear
/// program: take a fraction of each open network, and credit each theme by
/// a piecewise-linear curve that is never below the coverage curve where a
/// portfolio can reach. Where a theme's fits are whole multiples of a step
/// (fits of 0 or 1, or quarters), a portfolio's coverage is such a multiple,
/// so the curve joins the coverage curve's values at those multiples; for
/// other fits it is the lower envelope of tangents. The program has a row
/// per theme, two for the budget and the hours and a few that count them in
/// whole networks, and a bounded simplex solves it; the bound is read from
/// its prices (the Lagrangian dual), so it holds however the simplex ends.
///
/// When that is not close enough, the same prices bound the branch with
/// whole networks: each theme's curve against its price, plus the best
/// portfolio of the knapsack where each network earns its standalone value
/// and the prices of its themes, by dynamic programming. That removes the
/// fraction of a network the program fills the capacity with, which is most
/// of its distance from the optimum when every network costs about the same.
///
/// The search always opens the branch with the highest bound, so the
/// highest open bound, which is what `upperBound` reports, falls as fast as
/// it can, and keeps to portfolios that hold the networks dominating those
/// they hold. Portfolios come from greedy fills, weighing the budget against
/// the hours in turn and at the program's prices, improved by swaps, and from
/// rounding each branch's fractions.
public enum PortfolioOptimizer {
    /// Up to this many candidates, the search proves the optimum.
    public static let exactCandidates = 40
    /// Branches an exact search may open, each a linear program: a cap, so
    /// that no question holds a core for long; a search it stops says that
    /// its answer is not proven optimal and how far from it it may be.
    public static let exactBranchLimit = 20_000
    /// Above `exactCandidates`, the search stops once no branch can beat the
    /// portfolio found by more than this share, or after `nearBranchLimit`
    /// branches (each costs a linear program and perhaps a knapsack over its
    /// open candidates: 300 candidates are usually settled by the first), and
    /// says how far from the optimum its answer may be.
    public static let tolerance = 0.01
    public static let nearBranchLimit = 400

    public static func solve(_ problem: PortfolioProblem) -> PortfolioSolution {
        problem.candidates.count <= exactCandidates
            ? solve(problem, tolerance: 0, branchLimit: exactBranchLimit)
            : solve(problem, tolerance: tolerance, branchLimit: nearBranchLimit)
    }

    /// The best portfolio that holds every network of `kept` (positions),
    /// which must fit together. It is the best portfolio of the other
    /// networks in what the kept ones leave, where each theme is worth its
    /// weight times `2^−coverage` of the kept: the coverage curve from there
    /// on is that curve scaled (`2 × (2^−c₀ − 2^−(c₀ + c)) = 2^−c₀ × 2 × (1 − 2^−c)`),
    /// so the search and its proof carry over unchanged.
    public static func solve(_ problem: PortfolioProblem, keeping kept: Set<Int>) -> PortfolioSolution {
        precondition(problem.fits(kept), "the networks kept must fit together")
        guard !kept.isEmpty else { return solve(problem) }
        let others = problem.candidates.indices.filter { !kept.contains($0) }
        var coverage = [Double](repeating: 0, count: problem.themeWeights.count)
        for position in kept {
            for (theme, fit) in problem.candidates[position].themeFit.enumerated() where theme < coverage.count {
                coverage[theme] += max(0, min(1, fit))
            }
        }
        let rest = PortfolioProblem(
            candidates: others.map { problem.candidates[$0] },
            themeWeights: zip(problem.themeWeights, coverage).map { $0 * exp2(-$1) },
            budget: problem.budget - kept.reduce(0) { $0 + problem.candidates[$1].cost },
            hours: problem.hours - kept.reduce(0) { $0 + problem.candidates[$1].hours })
        let solution = solve(rest)
        let keptValue = problem.value(of: kept)
        return PortfolioSolution(
            positions: (kept + solution.positions.map { others[$0] }).sorted(), value: keptValue + solution.value,
            upperBound: keptValue + solution.upperBound, isOptimal: solution.isOptimal, nodes: solution.nodes)
    }

    /// With `tolerance` 0 the answer is optimal unless `branchLimit` stops
    /// the search; either way `upperBound` is proven.
    public static func solve(_ problem: PortfolioProblem, tolerance: Double, branchLimit: Int) -> PortfolioSolution {
        var search = BranchAndBound(problem: problem, tolerance: tolerance, branchLimit: branchLimit)
        return search.run()
    }
}

/// A candidate as the search reads it.
struct OptimizerItem {
    var position: Int
    var cost: Double
    var hours: Double
    var standaloneValue: Double
    /// The themes it fits, its fit to each (within 0 and 1), and
    /// `1 − 2^−fit`, the share of a theme's remaining credit it earns.
    var themes: [Int]
    var fits: [Double]
    var shares: [Double]
}

/// A branch: the networks fixed in, and those still open (the ones not
/// fixed out that fit what is left).
private struct Branch {
    var chosen: [Int]
    var value: Double
    /// For each theme, `2^−coverage` of the networks fixed in.
    var remaining: [Double]
    var budget: Double
    var hours: Double
    /// Open items, with the relaxation's fraction of each.
    var open: [Int]
    var fractions: [Double]
    /// The weight of the budget against the hours at the relaxation's
    /// prices, from 0 (hours only) to 1 (budget only).
    var price: Double
    /// What no portfolio of the branch is worth more than.
    var bound: Double
}

/// The search's state: the items, the best portfolio found and the branches
/// left to open.
private struct BranchAndBound {
    let items: [OptimizerItem]
    let weights: [Double]
    let tolerance: Double
    let branchLimit: Int
    let budget: Double
    let hours: Double
    let program: CoverageProgram
    /// For each item, the items that dominate it, and those it dominates.
    /// One dominates another when it fits every theme at least as well,
    /// costs no more, takes no more hours and is worth as much alone (of
    /// identical ones, the first dominates). Swapping a network for one that
    /// dominates it never loses, so some optimal portfolio holds the
    /// dominators of every network it holds, and the search keeps to such
    /// portfolios: that bounds the optimum all the same.
    let dominators: [[Int]]
    let dominated: [[Int]]

    var best: (value: Double, chosen: [Int]) = (0, [])
    /// No portfolio outside the open branches is worth more than this.
    var settled = 0.0
    var queue = BranchQueue()
    var nodes = 0

    init(problem: PortfolioProblem, tolerance: Double, branchLimit: Int) {
        weights = problem.themeWeights.map { max(0, $0) }
        budget = problem.budget
        hours = problem.hours
        self.tolerance = tolerance
        self.branchLimit = branchLimit
        let slack = PortfolioProblem.slack
        var items: [OptimizerItem] = []
        for (position, candidate) in problem.candidates.enumerated()
        where candidate.cost <= problem.budget + slack && candidate.hours <= problem.hours + slack {
            var item = OptimizerItem(
                position: position, cost: max(0, candidate.cost), hours: max(0, candidate.hours),
                standaloneValue: max(0, candidate.standaloneValue), themes: [], fits: [], shares: [])
            for (theme, fit) in candidate.themeFit.enumerated() where theme < weights.count && fit > 0 {
                item.themes.append(theme)
                item.fits.append(min(1, fit))
                item.shares.append(1 - PortfolioProblem.remainingShare(afterFit: fit))
            }
            items.append(item)
        }
        self.items = items
        program = CoverageProgram(items: items, weights: weights, budget: budget, hours: hours)
        dominators = Self.dominators(of: items, themes: weights.count)
        var dominated = [[Int]](repeating: [], count: items.count)
        for (index, above) in dominators.enumerated() {
            for dominator in above { dominated[dominator].append(index) }
        }
        self.dominated = dominated
    }

    static func dominators(of items: [OptimizerItem], themes: Int) -> [[Int]] {
        let fits = items.map { item in
            var fits = [Double](repeating: 0, count: themes)
            for (theme, fit) in zip(item.themes, item.fits) { fits[theme] = fit }
            return fits
        }
        func dominates(_ first: Int, _ second: Int) -> Bool {
            let (one, other) = (items[first], items[second])
            return one.cost <= other.cost && one.hours <= other.hours && one.standaloneValue >= other.standaloneValue
                && other.themes.allSatisfy { fits[first][$0] >= fits[second][$0] }
        }
        return items.indices.map { second in
            items.indices.filter { first in
                first != second && dominates(first, second) && (first < second || !dominates(second, first))
            }
        }
    }

    static func gain(of item: OptimizerItem, remaining: [Double], weights: [Double]) -> Double {
        var gain = item.standaloneValue
        for (theme, share) in zip(item.themes, item.shares) {
            gain += 2 * weights[theme] * remaining[theme] * share
        }
        return gain
    }

    func fits(_ item: OptimizerItem, budget: Double, hours: Double) -> Bool {
        item.cost <= budget + PortfolioProblem.slack && item.hours <= hours + PortfolioProblem.slack
    }

    mutating func run() -> PortfolioSolution {
        var root = Branch(
            chosen: [], value: 0, remaining: Array(repeating: 1, count: weights.count), budget: budget,
            hours: hours, open: Array(items.indices), fractions: Array(repeating: 0, count: items.count), price: 0.5,
            bound: .infinity)
        nodes = 1
        // Portfolios first, weighing the budget against the hours in turn, so
        // that the root's bound stops as soon as it is close enough to one.
        let start = [0.5, 0, 1].map { (greedy(price: $0), $0) }.max { $0.0.value < $1.0.value }!
        best = improved(start.0, price: start.1)
        relax(&root)
        let found = improved(greedy(price: root.price), price: root.price)
        if found.value > best.value { best = found }
        consider(root)
        while let top = queue.top, !isCloseEnough(top.bound), nodes < branchLimit {
            let branch = queue.pop()
            for child in children(of: branch) {
                nodes += 1
                var child = child
                relax(&child)
                consider(child)
            }
        }
        let upperBound = max(best.value, queue.top?.bound ?? 0, settled)
        return PortfolioSolution(
            positions: best.chosen.map { items[$0].position }.sorted(), value: best.value, upperBound: upperBound,
            isOptimal: upperBound <= best.value * (1 + 1e-12) + 1e-12, nodes: nodes)
    }

    func isCloseEnough(_ bound: Double) -> Bool { bound * (1 - tolerance) <= best.value + 1e-12 }

    /// Takes the branch's portfolio and its rounded relaxation as
    /// candidates for the best, and keeps the branch if it may beat it.
    mutating func consider(_ branch: Branch) {
        if branch.value > best.value { best = (branch.value, branch.chosen) }
        let rounded = rounding(of: branch)
        if rounded.value > best.value + 1e-9 { best = improved(rounded, price: branch.price) }
        if branch.bound > best.value + 1e-12 { queue.push(branch) }
    }

    /// The two branches that take in, and leave out, an open item the
    /// relaxation takes in part (the one it takes most): both lower the
    /// bound, and taking it in is likeliest to hold the best portfolio.
    /// When the relaxation takes none in part, the one it takes most.
    func children(of branch: Branch) -> [Branch] {
        let partial = branch.open.indices.filter { branch.fractions[$0] > 1e-9 && branch.fractions[$0] < 1 - 1e-9 }
        guard
            let split = (partial.isEmpty ? Array(branch.open.indices) : partial).max(by: {
                branch.fractions[$0] < branch.fractions[$1]
            })
        else { return [] }
        let index = branch.open[split]
        var isOpen = [Bool](repeating: false, count: items.count)
        for open in branch.open { isOpen[open] = true }
        // Leaving it out leaves out what it dominates; taking it in takes its dominators.
        let leftOut = [index] + dominated[index].filter { isOpen[$0] }
        var leaving = branch
        leaving.open.removeAll { leftOut.contains($0) }
        var taking = branch
        for taken in [index] + dominators[index].filter({ isOpen[$0] }) { take(taken, into: &taking) }
        let closed = dominators[index].contains { !isOpen[$0] && !taking.chosen.contains($0) }
        guard !closed, taking.budget >= -PortfolioProblem.slack, taking.hours >= -PortfolioProblem.slack else {
            return [leaving].map(keepingFractions(from: branch))
        }
        taking.open.removeAll {
            taking.chosen.contains($0) || !fits(items[$0], budget: taking.budget, hours: taking.hours)
        }
        return [taking, leaving].map(keepingFractions(from: branch))
    }

    func take(_ index: Int, into branch: inout Branch) {
        let item = items[index]
        branch.value += Self.gain(of: item, remaining: branch.remaining, weights: weights)
        branch.chosen.append(index)
        for (theme, share) in zip(item.themes, item.shares) { branch.remaining[theme] *= 1 - share }
        branch.budget -= item.cost
        branch.hours -= item.hours
    }

    /// The child with its open items' fractions from the parent, where the
    /// rounding and the next split start.
    func keepingFractions(from parent: Branch) -> (Branch) -> Branch {
        var fraction = [Double](repeating: 0, count: items.count)
        for (open, value) in zip(parent.open, parent.fractions) { fraction[open] = value }
        return { child in
            var child = child
            child.fractions = child.open.map { fraction[$0] }
            return child
        }
    }

    /// Bounds the branch by its linear program, never above its parent's
    /// bound (every portfolio of the branch is one of its parent's). Open
    /// items whose reduced cost takes the bound to where it could not beat
    /// the best portfolio by more than the tolerance are left out of the
    /// branch, and `settled` keeps what their portfolios are worth at most.
    mutating func relax(_ branch: inout Branch) {
        guard !branch.open.isEmpty else {
            branch.bound = branch.value
            return
        }
        var lower = [Double](repeating: 0, count: items.count)
        var upper = lower
        for index in branch.chosen {
            lower[index] = 1
            upper[index] = 1
        }
        for index in branch.open { upper[index] = 1 }
        let limits = program.limits(
            budget: branch.budget, hours: branch.hours, total: (budget, hours), fixed: branch.chosen)
        let relaxed = program.maximize(
            lower: lower, upper: upper, limits: limits,
            taken: zip(branch.open, branch.fractions).filter { $0.1 > 1 - 1e-9 }.map(\.0))
        branch.bound = min(branch.bound, relaxed.bound)
        if !isCloseEnough(branch.bound) {
            let whole = program.wholeBound(
                prices: relaxed.prices, fixed: branch.chosen, open: branch.open, limits: limits, items: items,
                left: (branch.budget, branch.hours), price: relaxed.price,
                enough: (best.value + 1e-12) / (1 - tolerance))
            branch.bound = min(branch.bound, whole)
        }
        if !isCloseEnough(branch.bound) {
            // The search goes on below: leave out what cannot beat the best
            // by the tolerance (with room for rounding).
            let target = best.value * (1 + tolerance)
            let (kept, left) = branch.open.reduce(into: ([Int](), [Int]())) { split, index in
                if relaxed.bound + relaxed.reduced[index] > target {
                    split.0.append(index)
                } else {
                    split.1.append(index)
                }
            }
            for index in left { settled = max(settled, relaxed.bound + relaxed.reduced[index]) }
            branch.open = kept
        }
        branch.fractions = branch.open.map { relaxed.fractions[$0] }
        branch.price = relaxed.price
    }

    /// A portfolio from the branch: its networks, then the open ones in
    /// order of the relaxation's fractions while they fit.
    func rounding(of branch: Branch) -> (value: Double, chosen: [Int]) {
        var portfolio = Portfolio(search: self)
        for index in branch.chosen { portfolio.add(index) }
        let order = branch.open.indices.sorted { branch.fractions[$0] > branch.fractions[$1] }
        for position in order where branch.fractions[position] > 0 {
            let index = branch.open[position]
            if portfolio.fits(items[index]), portfolio.gain(of: index) > 0 { portfolio.add(index) }
        }
        return (portfolio.value, portfolio.chosen)
    }

    /// A first portfolio: the network whose gain now is largest for the
    /// capacity it takes, weighed at the relaxation's price, again and again
    /// while one fits.
    func greedy(price: Double) -> (value: Double, chosen: [Int]) {
        var portfolio = Portfolio(search: self)
        portfolio.fill(price: price)
        return (portfolio.value, portfolio.chosen)
    }

    /// The portfolio after the swaps of one network for another that pay,
    /// filling again after each.
    func improved(_ start: (value: Double, chosen: [Int]), price: Double) -> (value: Double, chosen: [Int]) {
        var portfolio = Portfolio(search: self)
        for index in start.chosen { portfolio.add(index) }
        var passes = 0
        while passes < Self.swapPasses, portfolio.swapOnce() {
            portfolio.fill(price: price)
            passes += 1
        }
        return portfolio.value > start.value ? (portfolio.value, portfolio.chosen) : start
    }

    /// Enough passes for the swaps that pay on real portfolios, few enough
    /// that improving a portfolio costs little next to the search.
    static var swapPasses: Int { 50 }

    /// A portfolio being improved by hand: what it holds and what is left.
    struct Portfolio {
        let items: [OptimizerItem]
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
            remaining = Array(repeating: 1, count: search.weights.count)
            left = (search.budget, search.hours)
        }

        var chosen: [Int] { items.indices.filter { holds[$0] } }

        func fits(_ item: OptimizerItem) -> Bool {
            item.cost <= left.budget + PortfolioProblem.slack && item.hours <= left.hours + PortfolioProblem.slack
        }

        func gain(of index: Int) -> Double {
            BranchAndBound.gain(of: items[index], remaining: remaining, weights: weights)
        }

        mutating func add(_ index: Int) {
            let item = items[index]
            value += gain(of: index)
            holds[index] = true
            left = (left.budget - item.cost, left.hours - item.hours)
            for (theme, share) in zip(item.themes, item.shares) { remaining[theme] *= 1 - share }
        }

        mutating func remove(_ index: Int) {
            let item = items[index]
            for (theme, share) in zip(item.themes, item.shares) { remaining[theme] /= 1 - share }
            holds[index] = false
            left = (left.budget + item.cost, left.hours + item.hours)
            value -= gain(of: index)
        }

        /// Adds the network that fits with the largest gain for the share of
        /// the capacity it takes, `price` weighing the budget against the
        /// hours, while one does.
        mutating func fill(price: Double) {
            while true {
                var pick: (index: Int, density: Double)?
                for (index, item) in items.enumerated() where !holds[index] && fits(item) {
                    let gain = gain(of: index)
                    let size = price * item.cost / scale.budget + (1 - price) * item.hours / scale.hours
                    let density = gain / (size + PortfolioProblem.slack)
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
                    let change = gain(of: candidate) - gain(of: out)
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
}

/// The open branches, highest bound first (a binary heap).
private struct BranchQueue {
    private var heap: [Branch] = []

    var top: Branch? { heap.first }

    mutating func push(_ branch: Branch) {
        heap.append(branch)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].bound < heap[child].bound else { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Branch {
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            var largest = parent
            for child in [2 * parent + 1, 2 * parent + 2]
            where child < heap.count && heap[child].bound > heap[largest].bound {
                largest = child
            }
            guard largest != parent else { return top }
            heap.swapAt(parent, largest)
            parent = largest
        }
    }
}
