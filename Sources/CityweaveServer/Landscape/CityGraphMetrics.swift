import CityweaveCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Every city's degrees, component and betweenness in a year's graph of
/// cities. Exact betweenness takes seconds on the whole partnership graph,
/// so each year's answer is computed once per landscape generation, off the
/// event loops, and awaited by every request that needs it meanwhile.
final class CityGraphMetrics: Sendable {
    struct Computed: Sendable {
        var index: LandscapeIndex
        var metrics: [CityMetrics]
    }

    private typealias Computation = Task<Computed, any Error>
    private let computations = NIOLockedValueBox([Int: (generation: Int, computation: Computation)]())

    func metrics(year: Int, request: Request) async throws -> Computed {
        let generation = try await CreateLandscapeGeneration.counter.current(on: request.db as! any SQLDatabase)
        let directory = request.application.landscapeDirectory
        let database = request.application.db
        let pool = request.application.threadPool
        let computation = computations.withLockedValue { held -> Computation in
            if let known = held[year], known.generation == generation { return known.computation }
            let computation = Computation {
                let index = try await directory.index(year: year, on: database)
                return try await pool.runIfActive {
                    let metrics = CityMetrics.all(
                        index, weightedDegrees: index.weightedDegrees,
                        components: PartnershipComponents(index.partners),
                        betweenness: PartnershipBetweenness(index.partners))
                    return Computed(index: index, metrics: metrics)
                }
            }
            held[year] = (generation, computation)
            return computation
        }
        return try await computation.value
    }
}

extension Application {
    private struct CityGraphMetricsKey: StorageKey {
        typealias Value = CityGraphMetrics
    }

    var cityGraphMetrics: CityGraphMetrics {
        get { storage[CityGraphMetricsKey.self]! }
        set { storage[CityGraphMetricsKey.self] = newValue }
    }
}
