import CityweaveCore
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Each survey's submitted answers, laid out for counting (``SurveyAnswerTable``) and held in memory as of
/// the survey's `answers_revision`. Every answer saved moves the revision on and stamps the city's answers
/// with it in the same transaction, so a reader that finds a later revision reads only the answers saved
/// since and puts them in the table, whichever app instance saved them, and computes from memory otherwise.
package final class RespondentCache: Sendable {
    private struct Held: Sendable {
        var revision: Int
        var table: SurveyAnswerTable
        var readAt: UInt64
    }

    /// The surveys held at most; the one read longest ago leaves first.
    private let capacity: Int
    private let held = NIOLockedValueBox<[Int: Held]>([:])

    package init(capacity: Int = 32) { self.capacity = capacity }

    package func table(of survey: Survey, on db: any Database) async throws -> SurveyAnswerTable {
        let id = try survey.requireID()
        let revision = survey.answersRevision
        let known = held.withLockedValue { $0[id] }
        // A table held of this revision or of a later one (this request read the survey before a save) serves.
        if let known, known.revision >= revision { return known.table }
        // Answers saved while this reads are stamped with a later revision than the survey row said: the
        // next reader reads them again. A first read takes every row (answers saved before revisions were
        // stamped hold 0); a later one only those saved since, put into a copy of the table held.
        var table = known?.table ?? SurveyAnswerTable(questions: survey.questions)
        for (city, respondent) in try await VoiceQueries.readRespondents(of: id, after: known?.revision ?? -1, on: db) {
            table.set(respondent, forCity: city)
        }
        held.withLockedValue { held in
            if held[id] == nil, held.count >= capacity,
                let oldest = held.min(by: { $0.value.readAt < $1.value.readAt })?.key
            {
                held[oldest] = nil
            }
            // A slower reader of an earlier revision leaves a later one in place.
            if (held[id]?.revision ?? Int.min) <= revision {
                held[id] = Held(revision: revision, table: table, readAt: DispatchTime.now().uptimeNanoseconds)
            }
        }
        return table
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
