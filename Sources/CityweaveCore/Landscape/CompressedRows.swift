/// Rows of small integers stored end to end (compressed sparse rows): row
/// `r` is `values[offsets[r]..<offsets[r + 1]]`, ascending and without
/// repeats. Member lists, city memberships and the partnership graph's
/// adjacency all take this form, so a walk over them reads memory in order
/// and an index costs 4 bytes, not an array header and 8-byte integers.
public struct CompressedRows: Sendable, Equatable {
    public private(set) var offsets: [Int]
    public private(set) var values: [Int32]

    public var rowCount: Int { offsets.count - 1 }

    public subscript(row: Int) -> ArraySlice<Int32> { values[offsets[row]..<offsets[row + 1]] }

    public func count(ofRow row: Int) -> Int { offsets[row + 1] - offsets[row] }

    /// The rows holding each `(row, value)` pair, sorted and with repeats dropped.
    /// Two counting sorts (by value, then stably by row) sort in linear time.
    init(rows: Int, columns: Int, pairs: [(row: Int32, value: Int32)]) {
        var byValue = [Int](repeating: 0, count: columns + 1)
        for pair in pairs { byValue[Int(pair.value) + 1] += 1 }
        for column in 0..<columns { byValue[column + 1] += byValue[column] }
        var sortedByValue = [(row: Int32, value: Int32)](repeating: (0, 0), count: pairs.count)
        for pair in pairs {
            sortedByValue[byValue[Int(pair.value)]] = pair
            byValue[Int(pair.value)] += 1
        }
        var starts = [Int](repeating: 0, count: rows + 1)
        for pair in pairs { starts[Int(pair.row) + 1] += 1 }
        for row in 0..<rows { starts[row + 1] += starts[row] }
        var next = starts
        var placed = [Int32](repeating: 0, count: pairs.count)
        for pair in sortedByValue {
            placed[next[Int(pair.row)]] = pair.value
            next[Int(pair.row)] += 1
        }
        // Drop repeats in place, row by row.
        offsets = [Int](repeating: 0, count: rows + 1)
        var kept = 0
        for row in 0..<rows {
            offsets[row] = kept
            var previous: Int32 = -1
            for position in starts[row]..<starts[row + 1] where placed[position] != previous {
                previous = placed[position]
                placed[kept] = previous
                kept += 1
            }
        }
        offsets[rows] = kept
        placed.removeLast(placed.count - kept)
        values = placed
    }

    /// The same pairs with rows and values swapped (`columns` rows).
    func transposed(columns: Int) -> CompressedRows {
        var pairs: [(row: Int32, value: Int32)] = []
        pairs.reserveCapacity(values.count)
        for row in 0..<rowCount {
            for value in self[row] { pairs.append((value, Int32(row))) }
        }
        return CompressedRows(rows: columns, columns: rowCount, pairs: pairs)
    }
}
