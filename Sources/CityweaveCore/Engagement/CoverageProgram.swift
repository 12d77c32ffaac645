import Foundation

/// The relaxation as a linear program: `max c·v` for `Av ≤ b` and bounds
/// on `v`. Its columns are the items (a fraction of each, with its
/// standalone value) and the pieces of each theme's curve (how far along
/// each piece the coverage goes, earning the piece's slope); its rows are
/// one per theme (the pieces taken cover no more than the items' fits), the
/// budget and the hours, each scaled to 1, and the budget and the hours
/// counted in whole units of the commonest sizes.
///
/// That last kind (Chvátal–Gomory rounding) holds because a portfolio takes
/// whole networks: if it has room for 5.4 networks of 12,000, it takes at
/// most 5, and a network of 20,000 counts as one of them. Most networks
/// cost what joining is assumed to cost, so without it the relaxation takes
/// the 0.4 and the bound stays a network's worth above the optimum.
struct CoverageProgram {
    let itemCount: Int
    let themeCount: Int
    let rows: Int
    var objective: [Double] = []
    var entries: [[(row: Int, value: Double)]] = []
    /// The same, flat, for the simplex's pricing: column `c`'s entries are
    /// `starts[c]..<starts[c + 1]`.
    let starts: [Int]
    let entryRows: [Int]
    let entryValues: [Double]
    /// The length of each piece, by column less `itemCount`.
    var lengths: [Double] = []
    /// The units of the rounded rows: for the budget (resource 0) or the
    /// hours (1), and how many whole units each item takes.
    var units: [(resource: Int, size: Double, counts: [Double])] = []

    init(items: [OptimizerItem], weights: [Double], budget: Double, hours: Double) {
        itemCount = items.count
        themeCount = weights.count
        let sizes = [items.map(\.cost), items.map(\.hours)]
        for (resource, values) in sizes.enumerated() {
            let counts = Dictionary(values.filter { $0 > 0 }.map { ($0, 1) }, uniquingKeysWith: +)
            for (size, _) in counts.sorted(by: { ($0.value, $0.key) > ($1.value, $1.key) }).prefix(
                Self.unitsPerResource)
            {
                units.append((resource, size, values.map { ($0 / size).rounded(.down) }))
            }
        }
        rows = weights.count + 2 + units.count
        let slack = PortfolioProblem.slack
        let scale = (budget: max(budget, slack), hours: max(hours, slack))
        var fits = [[Double]](repeating: [], count: weights.count)
        for (index, item) in items.enumerated() {
            objective.append(item.standaloneValue)
            var column = zip(item.themes, item.fits).map { (row: $0, value: -$1) }
            column.append((weights.count, item.cost / scale.budget))
            column.append((weights.count + 1, item.hours / scale.hours))
            for (unit, rounded) in units.enumerated() where rounded.counts[index] > 0 {
                column.append((weights.count + 2 + unit, rounded.counts[index]))
            }
            entries.append(column)
            for (theme, fit) in zip(item.themes, item.fits) { fits[theme].append(fit) }
        }
        for (theme, weight) in weights.enumerated() where weight > 0 {
            for piece in Self.pieces(weight: weight, fits: fits[theme]) {
                objective.append(piece.slope)
                entries.append([(theme, 1)])
                lengths.append(piece.length)
            }
        }
        starts = entries.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        entryRows = entries.flatMap { $0.map(\.row) }
        entryValues = entries.flatMap { $0.map(\.value) }
    }

    /// Rounded rows for each of the budget and the hours.
    static var unitsPerResource: Int { 2 }

    /// The right-hand sides in a branch with `fixed` items taken in and
    /// `budget` and `hours` left: the rounded rows count the whole units
    /// left, beside those the fixed items take.
    func limits(budget: Double, hours: Double, total: (budget: Double, hours: Double), fixed: [Int]) -> [Double] {
        let slack = PortfolioProblem.slack
        var limits =
            Array(repeating: 0, count: themeCount) + [
                (max(total.budget, 0) + slack) / max(total.budget, slack),
                (max(total.hours, 0) + slack) / max(total.hours, slack),
            ]
        for unit in units {
            let left = max(unit.resource == 0 ? budget : hours, 0) + slack
            limits.append(fixed.reduce((left / unit.size).rounded(.down)) { $0 + unit.counts[$1] })
        }
        return limits
    }

    /// A bound that keeps the items whole: at `prices` on the theme and
    /// rounded rows, what the pieces earn beyond their price, plus the best
    /// set of whole open items that fits what is left, each earning its
    /// standalone value and its rows' prices, beside the fixed items. A
    /// bound at or below `enough` may stop there.
    func wholeBound(
        prices: [Double], fixed: [Int], open: [Int], limits: [Double], items: [OptimizerItem],
        left: (budget: Double, hours: Double),
        price: Double, enough: Double
    ) -> Double {
        var bound = 0.0
        for row in 0..<rows where row != themeCount && row != themeCount + 1 { bound += prices[row] * limits[row] }
        for column in itemCount..<objective.count {
            let (row, _) = entries[column][0]
            bound += lengths[column - itemCount] * max(0, objective[column] - prices[row])
        }
        func profit(_ column: Int) -> Double {
            var profit = objective[column]
            for (row, value) in entries[column] where row != themeCount && row != themeCount + 1 {
                profit -= prices[row] * value
            }
            return profit
        }
        for column in fixed { bound += profit(column) }
        let knapsack = WholeKnapsack(
            items: open.compactMap { column in
                let profit = profit(column)
                return profit > 0 ? (profit, items[column].cost, items[column].hours) : nil
            }, left: left, price: price)
        return bound + knapsack.maximum(enough: enough - bound)
    }

    /// A theme's credit at a coverage.
    static func credit(_ coverage: Double, weight: Double) -> Double { 2 * weight * (1 - exp2(-coverage)) }

    /// Coverage beyond which a curve is not followed piece by piece: past
    /// it, 1/256 of the theme's credit is left.
    static var reach: Double { 8 }

    /// The pieces of a concave curve from coverage 0 that is never below the
    /// theme's credit at any coverage a portfolio reaches with these fits.
    static func pieces(weight: Double, fits: [Double]) -> [(length: Double, slope: Double)] {
        let total = fits.reduce(0, +)
        guard total > 0 else { return [] }
        var pieces: [(length: Double, slope: Double)] = []
        var end: Double
        if let step = (1...8).map({ 1 / Double($0) }).first(where: { step in
            fits.allSatisfy { abs($0 / step - ($0 / step).rounded()) < 1e-9 }
        }) {
            // Coverage is a multiple of `step`: join the credit there.
            let count = Int(min(total, reach) / step - 1e-9) + 1
            for piece in 0..<count {
                let rise =
                    credit(Double(piece + 1) * step, weight: weight) - credit(Double(piece) * step, weight: weight)
                pieces.append((step, rise / step))
            }
            end = Double(count) * step
        } else {
            // Any coverage: the lower envelope of tangents a quarter apart.
            let spacing = 0.25
            let count = Int(min(total, reach) / spacing - 1e-9) + 1
            end = 0
            for point in 0..<count {
                let (here, next) = (Double(point) * spacing, Double(point + 1) * spacing)
                let (slope, nextSlope) = (
                    2 * weight * M_LN2 * exp2(-here), 2 * weight * M_LN2 * exp2(-next)
                )
                let meeting =
                    (credit(next, weight: weight) - credit(here, weight: weight) + slope * here - nextSlope * next)
                    / (slope - nextSlope)
                pieces.append((meeting - end, slope))
                end = meeting
            }
        }
        if end < total - 1e-9 {
            // The tangent at the end, up to all the credit.
            let slope = 2 * weight * M_LN2 * exp2(-end)
            pieces.append(((2 * weight - credit(end, weight: weight)) / slope, slope))
        }
        return pieces
    }

    /// Tolerances of the simplex: a price or a pivot below them counts as 0.
    static var tolerance: Double { 1e-9 }
    /// Pivots that move nothing before the simplex turns to Bland's rule,
    /// which cannot cycle.
    static var degenerateLimit: Int { 50 }

    /// The program's value with the items' fractions within `lower` and
    /// `upper` and the right-hand sides `limits` (or a bound on it, if the
    /// simplex stops early), the items' fractions, the price of the budget
    /// against the hours, the rows' prices and the items' reduced costs at
    /// them (taking an item in lowers the bound by its own, when negative:
    /// the dual bound counts it at its lower bound). The simplex starts with the
    /// items `taken` in full when they fit.
    func maximize(lower itemLower: [Double], upper itemUpper: [Double], limits: [Double], taken: [Int]) -> (
        bound: Double, fractions: [Double], price: Double, prices: [Double], reduced: [Double]
    ) {
        let columns = objective.count
        let m = rows
        let lower = itemLower + Array(repeating: 0, count: columns - itemCount)
        let upper = itemUpper + lengths
        // The slacks are columns `columns..<columns + m`, from 0 without end;
        // they start as the basis, with every other column at a bound.
        var basis = Array(columns..<columns + m)
        var isBasic = Array(repeating: false, count: columns) + Array(repeating: true, count: m)
        var atUpper = [Bool](repeating: false, count: columns)
        var inverse = [Double](repeating: 0, count: m * m)
        for row in 0..<m { inverse[row * m + row] = 1 }
        var basic = limits
        func move(_ column: Int, by amount: Double) {
            for (row, value) in entries[column] { basic[row] -= value * amount }
        }
        for column in 0..<itemCount where lower[column] != 0 { move(column, by: lower[column]) }
        // Start from `taken` and the pieces their coverage fills, when they
        // fit: near the optimum, the simplex has few pivots left.
        for column in taken where upper[column] > lower[column] {
            atUpper[column] = true
            move(column, by: upper[column] - lower[column])
        }
        if (themeCount..<m).contains(where: { basic[$0] < 0 }) {
            for column in taken where atUpper[column] {
                atUpper[column] = false
                move(column, by: lower[column] - upper[column])
            }
        }
        for column in itemCount..<columns {
            let (theme, _) = entries[column][0]
            if basic[theme] >= upper[column] {
                atUpper[column] = true
                move(column, by: upper[column])
            }
        }
        var prices = [Double](repeating: 0, count: m)
        var alpha = [Double](repeating: 0, count: m)
        var degenerate = 0
        for _ in 0..<(20 * (m + columns)) {
            for row in 0..<m {
                var price = 0.0
                for position in 0..<m where basis[position] < columns {
                    price += objective[basis[position]] * inverse[position * m + row]
                }
                prices[row] = price
            }
            // The column whose reduced cost pays most (the first that pays, under Bland's rule).
            let bland = degenerate > Self.degenerateLimit
            var entering = -1
            var increase = true
            var best = Self.tolerance
            for column in 0..<(columns + m) where !isBasic[column] {
                let reduced: Double
                if column < columns {
                    guard upper[column] > lower[column] else { continue }
                    var cost = objective[column]
                    for entry in starts[column]..<starts[column + 1] {
                        cost -= prices[entryRows[entry]] * entryValues[entry]
                    }
                    reduced = atUpper[column] ? -cost : cost
                } else {
                    reduced = -prices[column - columns]
                }
                if reduced > best {
                    entering = column
                    increase = column >= columns || !atUpper[column]
                    if bland { break }
                    best = reduced
                }
            }
            guard entering >= 0 else { break }
            for position in 0..<m { alpha[position] = 0 }
            if entering < columns {
                for (row, value) in entries[entering] {
                    for position in 0..<m { alpha[position] += inverse[position * m + row] * value }
                }
            } else {
                for position in 0..<m { alpha[position] = inverse[position * m + entering - columns] }
            }
            // How far the entering column moves before a basic one meets a bound, or it meets its own.
            let direction = increase ? 1.0 : -1.0
            var step = entering < columns ? upper[entering] - lower[entering] : .infinity
            var leaving = -1
            var leavesAtUpper = false
            for position in 0..<m {
                let rate = direction * alpha[position]
                let column = basis[position]
                let limit: Double
                if rate > Self.tolerance {
                    limit = max(0, (basic[position] - (column < columns ? lower[column] : 0)) / rate)
                } else if rate < -Self.tolerance, column < columns {
                    limit = max(0, (upper[column] - basic[position]) / -rate)
                } else {
                    continue
                }
                let better =
                    limit < step
                    || (limit == step && leaving >= 0
                        && (bland ? column < basis[leaving] : abs(alpha[position]) > abs(alpha[leaving])))
                if better {
                    step = limit
                    leaving = position
                    leavesAtUpper = rate < 0
                }
            }
            guard step < .infinity else { break }
            degenerate = step > 1e-12 ? 0 : degenerate + 1
            for position in 0..<m { basic[position] -= direction * step * alpha[position] }
            guard leaving >= 0 else {
                atUpper[entering].toggle()
                continue
            }
            let start =
                entering < columns ? (atUpper[entering] ? upper[entering] : lower[entering]) : 0
            let leaver = basis[leaving]
            isBasic[leaver] = false
            if leaver < columns { atUpper[leaver] = leavesAtUpper }
            basis[leaving] = entering
            isBasic[entering] = true
            basic[leaving] = start + direction * step
            let pivot = alpha[leaving]
            for row in 0..<m { inverse[leaving * m + row] /= pivot }
            for position in 0..<m where position != leaving && alpha[position] != 0 {
                let factor = alpha[position]
                for row in 0..<m { inverse[position * m + row] -= factor * inverse[leaving * m + row] }
            }
        }
        // The dual bound at the simplex's prices (made nonnegative) holds at any prices.
        var bound = 0.0
        for row in 0..<m {
            prices[row] = max(0, prices[row])
            bound += prices[row] * limits[row]
        }
        var reduced = [Double](repeating: 0, count: itemCount)
        for column in 0..<columns {
            var cost = objective[column]
            for (row, value) in entries[column] { cost -= prices[row] * value }
            bound += cost * (cost > 0 ? upper[column] : lower[column])
            if column < itemCount { reduced[column] = cost }
        }
        var fractions = (0..<itemCount).map { atUpper[$0] ? upper[$0] : lower[$0] }
        for (position, column) in basis.enumerated() where column < itemCount {
            fractions[column] = min(upper[column], max(lower[column], basic[position]))
        }
        let (budgetPrice, hoursPrice) = (prices[themeCount], prices[themeCount + 1])
        let price = budgetPrice + hoursPrice > 0 ? budgetPrice / (budgetPrice + hoursPrice) : 0.5
        return (bound, fractions, price, prices, reduced)
    }
}
