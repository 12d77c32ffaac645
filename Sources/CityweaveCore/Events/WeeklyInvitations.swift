import Foundation

/// How many events each city's people are invited to per week (weeks from Monday 00:00 UTC), so that
/// networks see which cities they all call on at once.
public struct WeeklyInvitations: Sendable {
    /// Seconds from 1970-01-01 (a Thursday) to the Monday that begins its week.
    private static let mondayOffset: TimeInterval = 3 * 86_400

    /// The count per (city, week start), one entry per pair that has at least one event.
    public private(set) var counts: [Key: Int] = [:]

    public struct Key: Hashable, Sendable {
        public var city: Int
        public var week: Date
    }

    /// The Monday 00:00 UTC on or before `moment`.
    public static func weekStart(of moment: Date) -> Date {
        let seconds = moment.timeIntervalSince1970 + mondayOffset
        let weeks = (seconds / EventCompetition.week).rounded(.down)
        return Date(timeIntervalSince1970: weeks * EventCompetition.week - mondayOffset)
    }

    /// Counts each event once per invited city, in the week it starts.
    public init(_ events: [ScheduledEvent]) {
        for event in events {
            let week = Self.weekStart(of: event.start)
            for city in event.audience { counts[Key(city: city, week: week), default: 0] += 1 }
        }
    }

    /// The busiest (city, week) pairs, most events first, then earliest week, then lowest city id.
    public func busiest(limit: Int) -> [(city: Int, week: Date, events: Int)] {
        counts.sorted { lhs, rhs in
            (-lhs.value, lhs.key.week, lhs.key.city) < (-rhs.value, rhs.key.week, rhs.key.city)
        }
        .prefix(limit).map { (city: $0.key.city, week: $0.key.week, events: $0.value) }
    }
}
