/// How many of a set of records hold each value of each facet: the numbers
/// beside a search's filters. It is built once from every record (a few
/// bytes each) and then counts thousands of matches in one pass over their
/// ids, where SQL would group the matches once per facet.
public struct FacetTally<Facet: Hashable & CaseIterable & Sendable>: Sendable {
    public struct Count: Sendable, Equatable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// Collects records' values in any order, a value at a time.
    public struct Builder: Sendable {
        private let facets: [Facet]
        private var valueNumbers: [[String: UInt32]]
        private var values: [[String]]
        private var rowOfRecord: [Int: Int] = [:]
        private var entryRows: [Int] = []
        private var entryCodes: [UInt32] = []

        public init() {
            facets = Array(Facet.allCases)
            valueNumbers = Array(repeating: [:], count: facets.count)
            values = Array(repeating: [], count: facets.count)
        }

        /// Records that `record` holds `value` for `facet`. A record may
        /// hold several values of one facet (a practice has several themes).
        public mutating func add(_ value: String, of facet: Facet, to record: Int) {
            let facetNumber = facets.firstIndex(of: facet)!
            let valueNumber: UInt32
            if let known = valueNumbers[facetNumber][value] {
                valueNumber = known
            } else {
                valueNumber = UInt32(values[facetNumber].count)
                values[facetNumber].append(value)
                valueNumbers[facetNumber][value] = valueNumber
            }
            let row: Int
            if let known = rowOfRecord[record] {
                row = known
            } else {
                row = rowOfRecord.count
                rowOfRecord[record] = row
            }
            entryRows.append(row)
            entryCodes.append(UInt32(facetNumber) << FacetTally.facetShift | valueNumber)
        }

        /// Lays the entries out row by row (a counting sort), so that a
        /// record's values sit side by side.
        public func build() -> FacetTally {
            var rowStart = [Int](repeating: 0, count: rowOfRecord.count + 1)
            for row in entryRows { rowStart[row + 1] += 1 }
            for row in 0..<rowOfRecord.count { rowStart[row + 1] += rowStart[row] }
            var next = rowStart
            var entries = [UInt32](repeating: 0, count: entryCodes.count)
            for (row, code) in zip(entryRows, entryCodes) {
                entries[next[row]] = code
                next[row] += 1
            }
            return FacetTally(
                facets: facets, values: values, rowOfRecord: rowOfRecord, rowStart: rowStart, entries: entries)
        }
    }

    /// An entry is the facet's number in its top byte and the value's below.
    private static var facetShift: UInt32 { 24 }

    private let facets: [Facet]
    private let values: [[String]]
    private let rowOfRecord: [Int: Int]
    private let rowStart: [Int]
    private let entries: [UInt32]

    public init() { self = Builder().build() }

    private init(facets: [Facet], values: [[String]], rowOfRecord: [Int: Int], rowStart: [Int], entries: [UInt32]) {
        self.facets = facets
        self.values = values
        self.rowOfRecord = rowOfRecord
        self.rowStart = rowStart
        self.entries = entries
    }

    /// How many records the tally knows.
    public var recordCount: Int { rowOfRecord.count }

    /// For every facet, each value held by at least one of `records` and by
    /// how many: most first, then by value. Each record counts once however
    /// often it is listed; records the tally does not know are left out.
    public func count(_ records: some Sequence<Int>) -> [Facet: [Count]] {
        var tallies = values.map { [Int](repeating: 0, count: $0.count) }
        var seen = [Bool](repeating: false, count: rowOfRecord.count)
        let valueMask = (UInt32(1) << Self.facetShift) - 1
        for record in records {
            guard let row = rowOfRecord[record], !seen[row] else { continue }
            seen[row] = true
            for entry in entries[rowStart[row]..<rowStart[row + 1]] {
                tallies[Int(entry >> Self.facetShift)][Int(entry & valueMask)] += 1
            }
        }
        var counts: [Facet: [Count]] = [:]
        for (facetNumber, facet) in facets.enumerated() {
            counts[facet] = zip(values[facetNumber], tallies[facetNumber])
                .filter { $0.1 > 0 }
                .map { Count(value: $0.0, count: $0.1) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return counts
    }
}
