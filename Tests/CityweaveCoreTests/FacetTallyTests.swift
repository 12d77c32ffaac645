import CityweaveSyntheticData
import Testing

@testable import CityweaveCore

@Suite struct FacetTallyTests {
    enum Facet: CaseIterable, Hashable, Sendable { case colour, size, tag }

    typealias Record = [Facet: Set<String>]

    /// The same counts found the plain way: for each facet and value, the
    /// distinct listed records that hold it.
    static func bruteForce(_ records: [Int: Record], _ listed: [Int]) -> [Facet: [FacetTally<Facet>.Count]] {
        let chosen = Set(listed).compactMap { records[$0] }
        var counts: [Facet: [FacetTally<Facet>.Count]] = [:]
        for facet in Facet.allCases {
            let values = Set(chosen.flatMap { $0[facet] ?? [] })
            counts[facet] = values.map { value in
                FacetTally<Facet>.Count(value: value, count: chosen.filter { $0[facet]?.contains(value) == true }.count)
            }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return counts
    }

    @Test func countsMatchBruteForceOnRandomRecords() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            var records: [Int: Record] = [:]
            var builder = FacetTally<Facet>.Builder()
            var additions: [(Int, Facet, String)] = []
            for id in 1...200 where Bool.random(using: &random) {
                var record: Record = [:]
                record[.colour] = ["c\(Int.random(in: 0..<5, using: &random))"]
                record[.size] = Bool.random(using: &random) ? ["s\(Int.random(in: 0..<3, using: &random))"] : nil
                record[.tag] = Set(
                    (0..<Int.random(in: 0...3, using: &random)).map { _ in "t\(Int.random(in: 0..<8, using: &random))" }
                )
                records[id] = record
                for (facet, values) in record { for value in values { additions.append((id, facet, value)) } }
            }
            // The builder takes values in any order, as two queries give them.
            additions.shuffle(using: &random)
            for (id, facet, value) in additions { builder.add(value, of: facet, to: id) }
            let tally = builder.build()
            let listed = (0..<Int.random(in: 0...150, using: &random)).map { _ in
                Int.random(in: 0...250, using: &random)
            }
            #expect(tally.count(listed) == Self.bruteForce(records, listed))
        }
    }

    @Test func recordsCountOnceAndUnknownOnesAreLeftOut() {
        var builder = FacetTally<Facet>.Builder()
        builder.add("red", of: .colour, to: 7)
        builder.add("a", of: .tag, to: 7)
        builder.add("b", of: .tag, to: 7)
        builder.add("blue", of: .colour, to: 9)
        builder.add("b", of: .tag, to: 9)
        let tally = builder.build()
        #expect(tally.recordCount == 2)
        let counts = tally.count([7, 7, 9, 1000])
        #expect(counts[.colour] == [.init(value: "blue", count: 1), .init(value: "red", count: 1)])
        #expect(counts[.tag] == [.init(value: "b", count: 2), .init(value: "a", count: 1)])
        #expect(counts[.size] == [])
        #expect(FacetTally<Facet>().count([7]) == [.colour: [], .size: [], .tag: []])
    }
}
