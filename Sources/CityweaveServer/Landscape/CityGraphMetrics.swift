import CityweaveCore
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Every city's degrees, component and betweenness in a year's graph of
/// cities. Exact betweenness takes seconds on the whole partnership graph,
/// so each year's answer is computed once per landscape generation, off the
/// event loops, and awaited by every request that needs it meanwhile.
final class CityGraphMetrics: Sendable {
    struct Computed: Sendable {
        var analysis: LandscapeAnalysis
        var metrics: [CityMetrics]

        var index: LandscapeIndex { analysis.index }
    }

    private typealias Computation = Task<Computed, any Error>
    private let computations = NIOLockedValueBox([Int: (generation: Int, computation: Computation)]())
    private let finished = NIOLockedValueBox([Int: Computed]())

    /// The metrics of the year the query asks for, computed now if they are not held.
    func metrics(year: Int, request: Request) async throws -> Computed {
        let analysis = try await request.landscapeAnalysis(year: year)
        return try await computation(for: analysis, threadPool: request.application.threadPool).value
    }

    /// The metrics of `analysis` if they are held; otherwise nil, and their computation is started, so
    /// that a page need not wait for it.
    func metricsIfComputed(for analysis: LandscapeAnalysis, threadPool: NIOThreadPool) -> Computed? {
        if let held = finished.withLockedValue({ $0[analysis.year] }), held.analysis.generation == analysis.generation {
            return held
        }
        _ = computation(for: analysis, threadPool: threadPool)
        return nil
    }

    private func computation(for analysis: LandscapeAnalysis, threadPool: NIOThreadPool) -> Computation {
        computations.withLockedValue { held -> Computation in
            if let known = held[analysis.year], known.generation >= analysis.generation { return known.computation }
            let computation = Computation { [finished] in
                let computed = try await threadPool.runIfActive {
                    let index = analysis.index
                    let metrics = CityMetrics.all(
                        index, weightedDegrees: index.weightedDegrees,
                        components: PartnershipComponents(index.partners),
                        betweenness: PartnershipBetweenness(index.partners))
                    return Computed(analysis: analysis, metrics: metrics)
                }
                finished.withLockedValue {
                    if ($0[analysis.year]?.analysis.generation ?? -1) < analysis.generation {
                        $0[analysis.year] = computed
                    }
                }
                return computed
            }
            held[analysis.year] = (analysis.generation, computation)
            return computation
        }
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
