import Foundation

/// Bounds on the 0–1 knapsack on the budget and the hours by dynamic
/// programming over one row at a time (every portfolio that fits both fits
/// each): exactly, in whole units, where the row's sizes are whole numbers,
/// and on the row that blends the two at `price`, each item's share rounded
/// down to whole units (which only lets more fit). When those are not
/// enough, over both rows at once if that stays small. The lowest holds.
struct WholeKnapsack {
    let items: [(profit: Double, cost: Double, hours: Double)]
    let left: (budget: Double, hours: Double)
    let price: Double

    /// Units of a row's capacity the programming may count.
    static var units: Int { 1_000 }

    /// The lowest bound, but the programming on both rows at once only when
    /// those on one row at a time are above `enough`.
    func maximum(enough: Double) -> Double {
        let slack = PortfolioProblem.slack
        let scale = (budget: max(left.budget, slack), hours: max(left.hours, slack))
        var bound = Self.maximum(
            items.map { (price * $0.cost / scale.budget + (1 - price) * $0.hours / scale.hours, $0.profit) },
            capacity: 1 + slack)
        for (sizes, capacity) in [(items.map(\.cost), left.budget), (items.map(\.hours), left.hours)] {
            guard let unit = Self.unit(of: sizes), ((capacity + slack) / unit).rounded(.down) <= Double(Self.units)
            else { continue }
            bound = min(
                bound,
                Self.maximum(zip(sizes, items).map { ($0 / unit, $1.profit) }, capacity: (capacity + slack) / unit))
        }
        guard bound > enough, let exact = exactMaximum() else { return bound }
        return min(bound, exact)
    }

    /// Steps of the programming on both rows at once that a bound may take.
    static var exactWork: Int { 4_000_000 }

    /// The knapsack itself, when both rows' sizes are whole numbers and the
    /// programming over both stays small: items of the same sizes are taken
    /// best first, so each such group is one step.
    func exactMaximum() -> Double? {
        let slack = PortfolioProblem.slack
        guard let costUnit = Self.unit(of: items.map(\.cost)), let hourUnit = Self.unit(of: items.map(\.hours)),
            left.budget >= -slack, left.hours >= -slack
        else { return nil }
        let width = ((left.budget + slack) / costUnit).rounded(.down) + 1
        let height = ((left.hours + slack) / hourUnit).rounded(.down) + 1
        guard width * height <= Double(Self.exactWork) else { return nil }
        let (columns, rows) = (Int(width), Int(height))
        var groups: [[Int]: [Double]] = [:]
        for item in items {
            let size = [Int(item.cost / costUnit), Int(item.hours / hourUnit)]
            if size[0] < columns && size[1] < rows { groups[size, default: []].append(item.profit) }
        }
        // Each group's best profits, added up: as many as fit, at most (in
        // a fixed order, so that the bound is the same from run to run).
        let sums = groups.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { size, profits in
            let most = min(
                profits.count, size[0] == 0 ? profits.count : (columns - 1) / size[0],
                size[1] == 0 ? profits.count : (rows - 1) / size[1])
            return (size, profits.sorted(by: >).prefix(most).reduce(into: [0.0]) { $0.append($0.last! + $1) })
        }
        guard sums.reduce(0, { $0 + columns * rows * ($1.1.count - 1) }) <= Self.exactWork else { return nil }
        var best = [Double](repeating: 0, count: columns * rows)
        for (size, sums) in sums {
            let (cost, hours) = (size[0], size[1])
            if cost == 0 && hours == 0 {
                for cell in best.indices { best[cell] += sums.last! }
                continue
            }
            let previous = best
            // Taking `count` of the group moves every cell's best by its size that many times.
            best.withUnsafeMutableBufferPointer { best in
                previous.withUnsafeBufferPointer { previous in
                    for count in 1..<sums.count {
                        let (moveColumns, moveRows, gain) = (count * cost, count * hours, sums[count])
                        guard moveColumns < columns, moveRows < rows else { break }
                        for column in moveColumns..<columns {
                            let (to, from) = (column * rows, (column - moveColumns) * rows - moveRows)
                            for row in moveRows..<rows {
                                best[to + row] = max(best[to + row], previous[from + row] + gain)
                            }
                        }
                    }
                }
            }
        }
        return best.last
    }

    /// The greatest common divisor of the sizes when they are whole numbers.
    static func unit(of sizes: [Double]) -> Double? {
        var unit = 0
        for size in sizes {
            guard size.rounded() == size, size < 1e12 else { return nil }
            var (a, b) = (unit, Int(size))
            while b != 0 { (a, b) = (b, a % b) }
            unit = a
        }
        return unit > 0 ? Double(unit) : nil
    }

    /// The 0–1 knapsack with sizes and capacity in units, sizes rounded
    /// down to whole units and capacity down to `units`.
    static func maximum(_ items: [(size: Double, profit: Double)], capacity: Double) -> Double {
        let scale = capacity > Double(units) ? Double(units) / capacity : 1
        let room = Int((capacity * scale).rounded(.down))
        var best = [Double](repeating: 0, count: room + 1)
        for item in items {
            let size = (item.size * scale).rounded(.down)
            guard size <= Double(room) else { continue }
            let whole = Int(size)
            for units in stride(from: room, through: whole, by: -1) {
                best[units] = max(best[units], best[units - whole] + item.profit)
            }
        }
        return best[room]
    }
}
