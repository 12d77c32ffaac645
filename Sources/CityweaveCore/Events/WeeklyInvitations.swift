import Foundation

/// How many events each city's officials are invited to, week by week: the fatigue the competition warnings
/// are about, as the calendar's heatmap shows it.
///
/// Weeks begin on Monday at 00:00 UTC, the same instant for every reader, and are counted from the
/// reference date (2001-01-01, a Monday), so that no calendar or locale can move the boundary. An event
/// counts once, in the week it starts, for each city it invites: a conference from Friday to Monday is one
/// invitation, not two.
public struct WeeklyInvitations: Sendable, Equatable {
    /// A city's invitations in one week.
    public struct Week: Sendable, Hashable {
        public var city: Int
        /// Monday, 00:00 UTC.
        public var start: Date
        public var count: Int

        public init(city: Int, start: Date, count: Int) {
            self.city = city
            self.start = start
            self.count = count
        }
    }

    /// Every city and week with an invitation, by city and then week: one flat array, where a dictionary of
    /// dictionaries would hold a table for each of tens of thousands of cities.
    public let weeks: [Week]

    /// The Monday 00:00 UTC at or before `date`.
    public static func weekStart(of date: Date) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(weekNumber(of: date)) * EventCompetition.week)
    }

    /// Weeks since the reference date's, negative before it.
    static func weekNumber(of date: Date) -> Int {
        Int((date.timeIntervalSinceReferenceDate / EventCompetition.week).rounded(.down))
    }

    /// Counts the invitations of the events' audiences, week by week.
    public init(_ events: [ScheduledEvent]) {
        // In order of start each city's weeks come in order, so that a city's count goes on or a new week
        // begins, and nothing needs sorting but the events.
        let order = events.indices.sorted { events[$0].start < events[$1].start }
        var slots: [Int: Int] = [:]
        var cities: [Int] = []
        var counts: [[(week: Int, count: Int)]] = []
        for index in order {
            let week = Self.weekNumber(of: events[index].start)
            for city in events[index].audience {
                let slot: Int
                if let known = slots[city] {
                    slot = known
                } else {
                    slot = cities.count
                    slots[city] = slot
                    cities.append(city)
                    counts.append([])
                }
                if counts[slot].last?.week == week {
                    counts[slot][counts[slot].count - 1].count += 1
                } else {
                    counts[slot].append((week, 1))
                }
            }
        }
        var weeks: [Week] = []
        weeks.reserveCapacity(counts.reduce(0) { $0 + $1.count })
        for slot in cities.indices.sorted(by: { cities[$0] < cities[$1] }) {
            for entry in counts[slot] {
                weeks.append(
                    Week(
                        city: cities[slot],
                        start: Date(timeIntervalSinceReferenceDate: Double(entry.week) * EventCompetition.week),
                        count: entry.count))
            }
        }
        self.weeks = weeks
    }

    /// The invitations of `city` in the week holding `date`.
    public func invitations(city: Int, week date: Date) -> Int {
        let start = Self.weekStart(of: date)
        // The first entry not before (city, start), by halving.
        var (low, high) = (0, weeks.count)
        while low < high {
            let middle = (low + high) / 2
            if (weeks[middle].city, weeks[middle].start) < (city, start) { low = middle + 1 } else { high = middle }
        }
        return low < weeks.count && weeks[low].city == city && weeks[low].start == start ? weeks[low].count : 0
    }

    /// The `limit` busiest weeks of any city, most events first, then the earliest week, then the lowest city
    /// id.
    ///
    /// Counts are small, so the fewest events that make the list is found by counting the weeks of each
    /// count, and only the weeks with at least that many are sorted, not all of them.
    public func busiest(limit: Int) -> [(city: Int, week: Date, events: Int)] {
        guard limit > 0, let most = weeks.map(\.count).max() else { return [] }
        var weeksWith = [Int](repeating: 0, count: most + 1)
        for week in weeks { weeksWith[week.count] += 1 }
        var (threshold, taken) = (most, weeksWith[most])
        while threshold > 1 && taken < limit {
            threshold -= 1
            taken += weeksWith[threshold]
        }
        return weeks.filter { $0.count >= threshold }
            .sorted { (-$0.count, $0.start, $0.city) < (-$1.count, $1.start, $1.city) }
            .prefix(limit).map { (city: $0.city, week: $0.start, events: $0.count) }
    }
}
