import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Bounds the landscape work that visitors who are not signed in can start.
/// Analysing a year nobody asked for since the directory last changed takes
/// seconds of every core, and anyone may ask for each year from 1900: each
/// client address may start a few such computations per window. This year's
/// landscape, which every page shows and which is computed ahead at start,
/// and whatever is already held or under way cost nothing.
package final class LandscapeVisitorBudget: Sendable {
    package let computations: Int
    package let window: TimeInterval
    private let starts = NIOLockedValueBox<[String: [Date]]>([:])

    package init(computations: Int = 6, window: TimeInterval = 600) {
        self.computations = computations
        self.window = window
    }

    /// Counts one computation against `address`, or throws a 429 saying when the next may start.
    package func charge(_ address: String, now: Date = Date()) throws {
        let retryAfter: TimeInterval? = starts.withLockedValue { starts in
            let since = now.addingTimeInterval(-window)
            if starts.count > 10_000 { starts = starts.filter { $0.value.contains { $0 > since } } }
            var recent = (starts[address] ?? []).filter { $0 > since }
            defer { starts[address] = recent }
            guard recent.count < computations else { return recent[0].timeIntervalSince(since) }
            recent.append(now)
            return nil
        }
        guard let retryAfter else { return }
        let minutes = max(1, Int((retryAfter / 60).rounded(.up)))
        let rate = Message(
            "landscape.visitor-budget.rate", one: "{computations} every minute",
            other: "{computations} every {count} minutes", count: Int(window / 60),
            ["computations": .count(computations)])
        throw Refusal(
            .tooManyRequests,
            Message(
                "landscape.visitor-budget.refused",
                one:
                    "Earlier years of the landscape are computed on request, {rate} for visitors who are not signed in. Try again in {count} minute, or sign in.",
                other:
                    "Earlier years of the landscape are computed on request, {rate} for visitors who are not signed in. Try again in {count} minutes, or sign in.",
                count: minutes, ["rate": .message(rate)]),
            headers: ["Retry-After": "\(Int(retryAfter.rounded(.up)))"])
    }
}

extension Application {
    private struct LandscapeVisitorBudgetKey: StorageKey {
        typealias Value = LandscapeVisitorBudget
    }

    package var landscapeVisitorBudget: LandscapeVisitorBudget {
        get { storage[LandscapeVisitorBudgetKey.self]! }
        set { storage[LandscapeVisitorBudgetKey.self] = newValue }
    }
}

extension Request {
    /// What may start a computation of `year` for this request: anything for a signed-in person and
    /// for this year; otherwise one of the client address's computations. A request that starts both
    /// the year's analysis and its city metrics is counted once.
    package func landscapeAdmission(year: Int) -> () throws -> Void {
        guard actor == nil, year != DirectoryEdits.thisYear else { return {} }
        let budget = application.landscapeVisitorBudget
        let address = clientAddress
        let charged = storage[LandscapeChargeKey.self] ?? NIOLockedValueBox(false)
        storage[LandscapeChargeKey.self] = charged
        return {
            guard !charged.withLockedValue({ $0 }) else { return }
            try budget.charge(address)
            charged.withLockedValue { $0 = true }
        }
    }

    private struct LandscapeChargeKey: StorageKey {
        typealias Value = NIOLockedValueBox<Bool>
    }
}
