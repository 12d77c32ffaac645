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
/// A branch fixes some networks in and some out. What the open ones can add
/// is bounded by the continuous relaxation: taking a fraction `x` of each
/// makes the worth a concave function `f(x)` (the coverage curve is
/// exponential, so a theme's remaining credit `2^−coverage` becomes
/// `e^−(rate·x)`), and any tangent plane of `f` lies above it. The bound is
/// `f(x) + max ∇f(x)·(y − x)` over the fractions `y` that fit: a linear
/// program with two constraints, solved exactly by weighing the budget
/// against the hours (the price) so that one fractional knapsack respects
/// both. A few Frank–Wolfe steps move `x` to where the plane is low; a
/// branch starts from its parent's `x` and price, and its bound never
/// exceeds its parent's.
///
/// The search always opens the branch with the highest bound, so the
/// highest open bound, which is what `upperBound` reports, falls as fast as
/// it can. Portfolios come from a greedy fill at the relaxation's price,
/// improved by swaps, and from rounding each branch's fractions.
public enum PortfolioOptimizer {
    /// Up to this many candidates, the search proves the optimum.
    public static let exactCandidates = 40
    /// Branches an exact search may open: far more than portfolios of 40
    /// candidates need.
    public static let exactBranchLimit = 2_000_000
    /// Above `exactCandidates`, the search stops once no branch can beat the
    /// portfolio found by more than this share, or after `nearBranchLimit`
    /// branches (each costs a few fractional knapsacks over its open
    /// candidates: 300 candidates are usually settled by the first, and 400
    /// keep their worst case near a tenth of a second), and says how far
    /// from the optimum its answer may be.
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

/// A candidate as the search reads it.
private struct Item {
    var position: Int
    var cost: Double
    var hours: Double
    var standaloneValue: Double
    /// The themes it fits, with `1 − 2^−fit`, the share of a theme's
    /// remaining credit it earns.
    var themes: [Int]
    var shares: [Double]
    /// The same as a rate, `fit × ln 2`: a fraction `x` of the network
    /// leaves `e^−(rate × x)` of the credit.
    var rates: [Double]
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
    /// The weight of the budget against the hours in the relaxation's
    /// knapsack, from 0 (hours only) to 1 (budget only).
    var price: Double
    /// What no portfolio of the branch is worth more than.
    var bound: Double
}

/// The search's state: the items, the best portfolio found and the branches
/// left to open.
private struct BranchAndBound {
    let items: [Item]
    let weights: [Double]
    let tolerance: Double
    let branchLimit: Int
    let budget: Double
    let hours: Double

    var best: (value: Double, chosen: [Int]) = (0, [])
    var queue = BranchQueue()
    var nodes = 0

    init(problem: PortfolioProblem, tolerance: Double, branchLimit: Int) {
        weights = problem.themeWeights.map { max(0, $0) }
        budget = problem.budget
        hours = problem.hours
        self.tolerance = tolerance
        self.branchLimit = branchLimit
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
        self.items = items
    }

    static func gain(of item: Item, remaining: [Double], weights: [Double]) -> Double {
        var gain = item.standaloneValue
        for (theme, share) in zip(item.themes, item.shares) {
            gain += 2 * weights[theme] * remaining[theme] * share
        }
        return gain
    }

    func fits(_ item: Item, budget: Double, hours: Double) -> Bool {
        item.cost <= budget + PortfolioProblem.slack && item.hours <= hours + PortfolioProblem.slack
    }

    mutating func run() -> PortfolioSolution {
        var root = Branch(
            chosen: [], value: 0, remaining: Array(repeating: 1, count: weights.count), budget: budget,
            hours: hours, open: Array(items.indices), fractions: Array(repeating: 0, count: items.count), price: 0.5,
            bound: .infinity)
        nodes = 1
        relax(&root, steps: Self.rootSteps)
        best = improved(greedy(price: root.price), price: root.price)
        consider(root)
        while let top = queue.top, !isCloseEnough(top.bound), nodes < branchLimit {
            let branch = queue.pop()
            for child in children(of: branch) {
                nodes += 1
                var child = child
                relax(&child, steps: Self.branchSteps)
                consider(child)
            }
        }
        let upperBound = max(best.value, queue.top?.bound ?? 0)
        return PortfolioSolution(
            positions: best.chosen.map { items[$0].position }.sorted(), value: best.value, upperBound: upperBound,
            isOptimal: upperBound <= best.value * (1 + 1e-12) + 1e-12, nodes: nodes)
    }

    /// Frank–Wolfe steps from a cold start, and from a parent's fractions.
    static var rootSteps: Int { 16 }
    static var branchSteps: Int { 2 }

    func isCloseEnough(_ bound: Double) -> Bool { bound * (1 - tolerance) <= best.value + 1e-12 }

    /// Takes the branch's portfolio and its rounded relaxation as
    /// candidates for the best, and keeps the branch if it may beat it.
    mutating func consider(_ branch: Branch) {
        if branch.value > best.value { best = (branch.value, branch.chosen) }
        let rounded = rounding(of: branch)
        if rounded.value > best.value + 1e-9 { best = improved(rounded, price: branch.price) }
        if branch.bound > best.value + 1e-12 { queue.push(branch) }
    }

    /// The two branches that take in, and leave out, the open item the
    /// relaxation takes most fully: taking it in is likeliest to hold the
    /// best portfolio, and leaving it out lowers the bound most.
    func children(of branch: Branch) -> [Branch] {
        guard let split = branch.open.indices.max(by: { branch.fractions[$0] < branch.fractions[$1] }) else {
            return []
        }
        let index = branch.open[split]
        var leaving = branch
        leaving.open.remove(at: split)
        leaving.fractions.remove(at: split)
        var taking = leaving
        let item = items[index]
        taking.value += Self.gain(of: item, remaining: branch.remaining, weights: weights)
        taking.chosen.append(index)
        for (theme, share) in zip(item.themes, item.shares) { taking.remaining[theme] *= 1 - share }
        taking.budget -= item.cost
        taking.hours -= item.hours
        let fitting = taking.open.indices.filter {
            fits(items[taking.open[$0]], budget: taking.budget, hours: taking.hours)
        }
        taking.open = fitting.map { taking.open[$0] }
        taking.fractions = fitting.map { taking.fractions[$0] }
        return [taking, leaving]
    }

    /// Lowers the branch's bound by Frank–Wolfe steps on its relaxation.
    /// Every step's tangent plane gives a valid bound, so the lowest is
    /// kept, and never above the parent's.
    func relax(_ branch: inout Branch, steps: Int) {
        let open = branch.open.map { items[$0] }
        guard !open.isEmpty else {
            branch.bound = branch.value
            return
        }
        let credit = weights.indices.map { 2 * weights[$0] * branch.remaining[$0] }
        var knapsack = Knapsack(items: open, budget: branch.budget, hours: branch.hours, price: branch.price)
        var gradient = [Double](repeating: 0, count: open.count)
        for _ in 0..<steps {
            let rate = rates(of: open, fractions: branch.fractions)
            var worth = 0.0
            var marginal = credit
            for theme in weights.indices {
                let left = exp(-rate[theme])
                worth += credit[theme] * (1 - left)
                marginal[theme] *= left
            }
            var along = 0.0
            for (position, item) in open.enumerated() {
                var slope = item.standaloneValue
                for (theme, itemRate) in zip(item.themes, item.rates) { slope += marginal[theme] * itemRate }
                gradient[position] = slope
                worth += item.standaloneValue * branch.fractions[position]
                along += slope * branch.fractions[position]
            }
            let (top, target) = knapsack.maximize(gradient)
            branch.bound = min(branch.bound, branch.value + worth - along + top)
            let step = Self.lineSearch(
                open: open, fractions: branch.fractions, target: target, rate: rate, credit: credit)
            for position in branch.fractions.indices {
                branch.fractions[position] += step * (target[position] - branch.fractions[position])
            }
        }
        branch.price = knapsack.price
    }

    /// For each theme, the rate at which the fractions use up its credit.
    func rates(of open: [Item], fractions: [Double]) -> [Double] {
        var rate = [Double](repeating: 0, count: weights.count)
        for (item, fraction) in zip(open, fractions) where fraction > 0 {
            for (theme, itemRate) in zip(item.themes, item.rates) { rate[theme] += fraction * itemRate }
        }
        return rate
    }

    /// The step from the fractions towards `target` that earns most: the
    /// worth along the segment is concave, so its slope is bisected.
    static func lineSearch(
        open: [Item], fractions: [Double], target: [Double], rate: [Double], credit: [Double]
    ) -> Double {
        var standalone = 0.0
        var change = [Double](repeating: 0, count: rate.count)
        for (position, item) in open.enumerated() where target[position] != fractions[position] {
            let move = target[position] - fractions[position]
            standalone += move * item.standaloneValue
            for (theme, itemRate) in zip(item.themes, item.rates) { change[theme] += move * itemRate }
        }
        func slope(at step: Double) -> Double {
            var slope = standalone
            for theme in rate.indices where change[theme] != 0 {
                slope += credit[theme] * change[theme] * exp(-(rate[theme] + step * change[theme]))
            }
            return slope
        }
        if slope(at: 1) >= 0 { return 1 }
        if slope(at: 0) <= 0 { return 0 }
        var low = 0.0
        var high = 1.0
        for _ in 0..<30 {
            let middle = (low + high) / 2
            if slope(at: middle) > 0 { low = middle } else { high = middle }
        }
        return low
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
            remaining = Array(repeating: 1, count: search.weights.count)
            left = (search.budget, search.hours)
        }

        var chosen: [Int] { items.indices.filter { holds[$0] } }

        func fits(_ item: Item) -> Bool {
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

/// The linear program `max g·y` over `0 ≤ y ≤ 1` with the items' costs
/// within the budget and their hours within the hours. For a price `p`, the
/// fractional knapsack on `p × cost/budget + (1 − p) × hours/hours` within
/// 1 relaxes it, so its value bounds the program; the price is bisected
/// until the knapsack's fractions respect both limits, when the value is
/// the program's.
private struct Knapsack {
    let items: [Item]
    let budget: Double
    let hours: Double
    /// The price to start the next bisection from, near the last answer.
    var price: Double

    init(items: [Item], budget: Double, hours: Double, price: Double) {
        self.items = items
        // What is left, with the room `PortfolioProblem.fits` allows.
        self.budget = max(budget, 0) + PortfolioProblem.slack
        self.hours = max(hours, 0) + PortfolioProblem.slack
        self.price = price
    }

    /// The program's value (or a bound on it, if the bisection runs out),
    /// and the fractions that reach it.
    mutating func maximize(_ gains: [Double]) -> (Double, [Double]) {
        var low = 0.0
        var high = 1.0
        var best: (value: Double, taken: [Double], price: Double) = (.infinity, [], price)
        for _ in 0..<Self.bisections {
            let (value, taken, use) = solve(gains, price: price)
            if value < best.value { best = (value, taken, price) }
            if use.budget > budget * (1 + 1e-12) {
                low = price
            } else if use.hours > hours * (1 + 1e-12) {
                high = price
            } else {
                break
            }
            price = (low + high) / 2
        }
        price = best.price
        return (best.value, best.taken)
    }

    /// Knapsacks one maximization may solve: the first, at the last answer's
    /// price, is often the program's, and when none is, the lowest value
    /// still bounds it.
    static var bisections: Int { 8 }

    /// The fractional knapsack at `price`, its fractions, and the budget and
    /// hours they use.
    func solve(_ gains: [Double], price: Double) -> (Double, [Double], use: (budget: Double, hours: Double)) {
        let sizes = items.map { price * $0.cost / budget + (1 - price) * $0.hours / hours }
        var taken = [Double](repeating: 0, count: gains.count)
        var total = 0.0
        var left = 1.0
        var use = (budget: 0.0, hours: 0.0)
        let order = gains.indices.filter { gains[$0] > 0 }.sorted { gains[$0] * sizes[$1] > gains[$1] * sizes[$0] }
        for position in order {
            let fraction = sizes[position] <= left ? 1 : left / sizes[position]
            taken[position] = fraction
            total += gains[position] * fraction
            left -= sizes[position] * fraction
            use = (use.budget + items[position].cost * fraction, use.hours + items[position].hours * fraction)
            if fraction < 1 { break }
        }
        return (total, taken, use)
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
