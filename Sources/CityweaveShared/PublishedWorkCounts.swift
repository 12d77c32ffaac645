import Fluent
import Vapor

/// Counts, per city, of the records it published for other cities to
/// learn from (practices; later events). A feature module that holds such
/// records contributes a counter at start-up; a module that weighs what a
/// city's peers give (the portfolio advisor) sums them without naming the modules.
package typealias PublishedWorkCounter = @Sendable (any Database) async throws -> [Int: Int]

extension Application {
    private struct PublishedWorkCountersKey: StorageKey {
        typealias Value = [PublishedWorkCounter]
    }

    package var publishedWorkCounters: [PublishedWorkCounter] {
        get { storage[PublishedWorkCountersKey.self] ?? [] }
        set { storage[PublishedWorkCountersKey.self] = newValue }
    }

    /// City id → records published, over every contributing module.
    package func publishedWorkCounts(on database: any Database) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for counter in publishedWorkCounters {
            counts.merge(try await counter(database), uniquingKeysWith: +)
        }
        return counts
    }
}
