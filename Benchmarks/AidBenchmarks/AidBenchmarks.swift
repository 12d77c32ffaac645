import Benchmark
import CityweaveCore
import CityweaveSyntheticData

/// Which instance comes next: every sample solves a different one (a
/// sample's iterations start at 0).
final class Counter: @unchecked Sendable {
    private var value = 0
    func advance() -> Int {
        defer { value += 1 }
        return value
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 30)
    let problems = (1...3).map { SyntheticAid.problem(offers: 5_000, requests: 5_000, resources: 20, seed: $0) }
    let next = Counter()

    Benchmark("Match 5,000 offers to 5,000 requests of 20 resources exactly (up to 50 offers a request)") { benchmark in
        for _ in benchmark.scaledIterations {
            let matching = try AidMatcher.match(problems[next.advance() % problems.count])
            precondition(matching.weightedUnitsMet > 0)
            blackHole(matching)
        }
    }

    Benchmark("Solve the networks of 5,000 offers and 5,000 requests, built beforehand") { benchmark in
        let networks = try problems.map { try AidMatcher.network(for: $0) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(AidMatcher.solve(networks[next.advance() % networks.count]))
        }
    }
}
