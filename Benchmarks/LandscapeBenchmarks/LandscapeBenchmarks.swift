import Benchmark
import CityweaveCore
import CityweaveSyntheticData
import Foundation

/// The real partnership graph (../shared/data/twin-cities-wikipedia.csv,
/// a city keyed by its name and country), its cities numbered from 1 in
/// (country, name) order; nil when the file is not there.
func realPartnerships() throws -> (cities: Int, partnerships: [LandscapePartnership])? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/twin-cities-wikipedia.csv").standardizedFileURL
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    let table = try CSVTable(text: text)
    let columns = try ["city1", "country1", "city2", "country2"].map { try table.column($0) }
    let pairs = table.rows.map { row in
        ([row.fields[columns[1]], row.fields[columns[0]]], [row.fields[columns[3]], row.fields[columns[2]]])
    }
    let keys = Set(pairs.flatMap { [$0.0, $0.1] }).sorted { $0.lexicographicallyPrecedes($1) }
    let ids = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
    return (keys.count, pairs.map { LandscapePartnership(ids[$0.0]!, ids[$0.1]!) })
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 10)
    let landscape = SyntheticLandscape.landscape(cities: 20_000, networks: 300, seed: 1)
    let real = try! realPartnerships()
    if real == nil {
        print("../shared/data/twin-cities-wikipedia.csv is absent: the graph is a seeded one of the same size")
    }
    // The real graph's cities are the first ids of the synthetic cities (fewer than 20,000 of them).
    let partnerships = real?.partnerships ?? SyntheticLandscape.partnerships(cities: 17_700, edges: 25_900, seed: 1)
    let instance = LandscapeInstance(
        cities: landscape.cities, networks: landscape.networks, memberships: landscape.memberships,
        partnerships: partnerships)
    let index = try! LandscapeIndex(
        cities: landscape.cities, networks: landscape.networks, memberships: landscape.memberships,
        partnerships: partnerships)

    Benchmark(
        "Whole landscape: 300 networks, 20,000 cities, \(landscape.memberships.count) memberships, "
            + "\(partnerships.count) partnerships (index, overlap, clusters, inclusion, coverage, degrees, "
            + "components, exact betweenness)"
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try instance.compute()) }
    }

    Benchmark("Overlap of every pair of 300 networks, and their clusters") { benchmark in
        for _ in benchmark.scaledIterations {
            let overlap = NetworkOverlap(index)
            blackHole(overlap.pairsSharingMembers)
            blackHole(RedundancyClusters(overlap, threshold: 0.5))
        }
    }

    Benchmark("Inclusion and coverage of 20,000 cities") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LandscapeInclusion(index))
            blackHole(NetworkCoverage.all(index))
        }
    }

    Benchmark("Exact betweenness on the partnership graph") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(PartnershipBetweenness(index.partners)) }
    }
}
