import CityweaveCore
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Each survey's submitted answers, held in memory as of the survey's
/// `answers_revision`: every answer saved moves the revision on in the same
/// transaction, so results are read afresh after a change, whichever app
/// instance saved it, and computed from memory otherwise.
package final class RespondentCache: Sendable {
    private struct Held: Sendable {
        var revision: Int
        var respondents: [SurveyRespondent]
    }

    /// The surveys held at most; the one read longest ago leaves first.
    private let capacity: Int
    private let held = NIOLockedValueBox<[Int: (held: Held, readAt: UInt64)]>([:])

    package init(capacity: Int = 32) { self.capacity = capacity }

    package func respondents(of survey: Survey, on db: any Database) async throws -> [SurveyRespondent] {
        let id = try survey.requireID()
        let revision = survey.answersRevision
        if let hit = held.withLockedValue({ $0[id] }), hit.held.revision == revision { return hit.held.respondents }
        let respondents = try await VoiceQueries.readRespondents(of: id, on: db)
        held.withLockedValue { held in
            if held.count >= capacity, let oldest = held.min(by: { $0.value.readAt < $1.value.readAt })?.key {
                held[oldest] = nil
            }
            held[id] = (Held(revision: revision, respondents: respondents), DispatchTime.now().uptimeNanoseconds)
        }
        return respondents
    }
}

extension Application {
    private struct RespondentCacheKey: StorageKey {
        typealias Value = RespondentCache
    }

    package var surveyRespondents: RespondentCache {
        get { storage[RespondentCacheKey.self] ?? RespondentCache() }
        set { storage[RespondentCacheKey.self] = newValue }
    }
}
