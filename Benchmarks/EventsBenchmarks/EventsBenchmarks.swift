import Benchmark
import CityweaveCore
import CityweaveSyntheticData
import Foundation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 50)
    // Three years of the networks' events from 2024, 300 organisers inviting from 10,000 cities.
    var random = SeededGenerator(seed: 2020)
    let events = SyntheticEvents.calendar(
        count: 100_000, organisers: 300, cities: 10_000, years: 3, start: Date(timeIntervalSince1970: 1_704_067_200),
        using: &random)
    let competitions = EventCompetition.all(events)

    Benchmark("Competition across 100,000 events (sweep)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(EventCompetition.all(events)) }
    }

    // Five billion pairs, some tens of seconds each time (and no warm-up run): the reference the sweep is
    // measured against.
    Benchmark(
        "Competition across 100,000 events (all pairs)",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(60),
            maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(EventCompetition.allPairs(events)) }
    }

    Benchmark("Clusters and busiest weeks of 100,000 events") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(EventCompetition.clusters(competitions, events: events))
            blackHole(WeeklyInvitations(events).busiest(limit: 30))
        }
    }

    Benchmark("Competitors of one event among 100,000 (the fatigue guard of an event's page)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(EventCompetition.competitors(of: events[50_000], in: events)) }
    }
}
