import CityweaveCore
import NIOPosix
import Vapor

/// Every city's degrees, component and betweenness in a year's graph of
/// cities. Exact betweenness takes seconds on the whole partnership graph,
/// so each year's answer is computed once per landscape generation, off the
/// event loops, and awaited by every request that needs it meanwhile.
package final class CityGraphMetrics: Sendable {
    package struct Computed: Sendable {
        package var analysis: LandscapeAnalysis
        package var metrics: [CityMetrics]
        /// The cities in each component of the partnership graph, by component.
        package var componentSizes: [Int]

        package var index: LandscapeIndex { analysis.index }
    }

    private let computations = YearlyComputations<Computed>()

    /// The metrics of `year`, computed now if they are not held.
    package func metrics(year: Int, request: Request) async throws -> Computed {
        let analysis = try await request.landscapeAnalysis(year: year)
        return try await computations.value(
            year: year, generation: analysis.generation, admit: request.landscapeAdmission(year: year),
            compute: Self.compute(analysis, threadPool: request.application.threadPool))
    }

    /// The metrics of `analysis` if they are held; otherwise nil, and their computation is started, so
    /// that a page need not wait for it.
    package func metricsIfComputed(for analysis: LandscapeAnalysis, threadPool: NIOThreadPool) -> Computed? {
        computations.valueIfComputed(
            year: analysis.year, generation: analysis.generation,
            compute: Self.compute(analysis, threadPool: threadPool))
    }

    private static func compute(_ analysis: LandscapeAnalysis, threadPool: NIOThreadPool)
        -> YearlyComputations<Computed>.Compute
    {
        {
            try await threadPool.runIfActive {
                let index = analysis.index
                let components = PartnershipComponents(index.partners)
                let metrics = CityMetrics.all(
                    index, weightedDegrees: index.weightedDegrees, components: components,
                    betweenness: PartnershipBetweenness(index.partners))
                return Computed(analysis: analysis, metrics: metrics, componentSizes: components.sizes)
            }
        }
    }
}

extension Application {
    private struct CityGraphMetricsKey: StorageKey {
        typealias Value = CityGraphMetrics
    }

    package var cityGraphMetrics: CityGraphMetrics {
        get { storage[CityGraphMetricsKey.self]! }
        set { storage[CityGraphMetricsKey.self] = newValue }
    }
}
