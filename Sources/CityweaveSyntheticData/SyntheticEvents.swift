import CityweaveCore
import Foundation

/// Seeded calendars of the networks' events, for the competition's tests and benchmarks (see
/// `Benchmarks/EventsBenchmarks`).
public enum SyntheticEvents {
    /// Themes that go together, as in ``SyntheticLandscape``: an organiser works within one family, so that
    /// organisers of a family meet on themes and the others rarely do.
    static let families: [[Theme]] = [
        [.climate, .energy, .environment, .resilience], [.economy, .digital, .mobility, .housing],
        [.culture, .education, .equity, .migration], [.peace, .governance, .security, .health],
    ]

    /// Organisers' home time zones, hours from UTC (the Americas, Europe and Africa, Asia): working hours
    /// there spread the calendar's events over most of the UTC day.
    static let homeOffsets: [Double] = [-8, -5, -3, 0, 1, 1, 2, 3, 5.5, 8, 9]

    /// `count` events of `organisers` organisers (seven in ten networks, `"network:n"`, the others cities,
    /// `"city:id"`) over `years` years from `start`, inviting cities with ids `1...cities`.
    ///
    /// Each organiser works on two to four themes of one family (now and then one more), holds events
    /// mostly at the technical level, and invites its members: a network's pool of cities falls as
    /// 1/rank^0.6 (the largest has `cities` × 0.4, the smallest 80), a city's partners are 40 to 400, and the
    /// cities with low ids (the large ones) belong to most pools. Organisers are active as 1/rank^0.8; one event in
    /// ten has a second organiser. Events fall on weekdays between 8:00 and 18:30 of the organiser's time
    /// zone and last one to three hours; one in fifty is a conference of two to four days. An event
    /// invites 20 to 400 of its organiser's pool (log-uniformly, all of a smaller pool), one in a hundred
    /// nobody in particular (about 110 cities on average). Ids are `1...count` in the order the events were
    /// entered, one to ten weeks before they start (conferences two to twelve months), as a database numbers
    /// them; the events come in that order.
    public static func calendar(
        count: Int, organisers organiserCount: Int, cities: Int, years: Double, start: Date,
        using random: inout SeededGenerator
    ) -> [ScheduledEvent] {
        precondition(organiserCount > 0 && cities > 0, "a calendar needs organisers and cities")
        // Cities that hold events are distinct while there are cities enough.
        let hosts = Array((1...cities).shuffled(using: &random).prefix(organiserCount))
        let organisers = (0..<organiserCount).map { index in
            organiser(at: index, of: organiserCount, host: hosts[index % hosts.count], cities, &random)
        }
        var cumulative: [Double] = []
        var total = 0.0
        for rank in Array(1...organiserCount).shuffled(using: &random) {
            total += 1 / pow(Double(rank), 0.8)
            cumulative.append(total)
        }
        // Days counted from the Monday of the reference date (2001-01-01), so that day % 7 < 5 is a weekday.
        let firstDay = Int((start.timeIntervalSinceReferenceDate / 86_400).rounded(.down))
        let days = max(1, Int(years * 365.25))
        var chosen = [Int](repeating: -1, count: cities + 1)
        var entered: [(time: Double, event: ScheduledEvent)] = (0..<count).map { index in
            let draw = Double.random(in: 0..<total, using: &random)
            let holder = organisers[cumulative.firstIndex { $0 > draw } ?? organiserCount - 1]
            var names = [holder.name]
            if organiserCount > 1, Int.random(in: 0..<10, using: &random) == 0 {
                let other = organisers.randomElement(using: &random)!.name
                if other != holder.name { names.append(other) }
            }
            var themes = Array(holder.themes.shuffled(using: &random).prefix(themeCount(&random)))
            if Int.random(in: 0..<10, using: &random) == 0 {
                themes.append(Theme.allCases.randomElement(using: &random)!)
            }
            var day = firstDay + Int.random(in: 0..<days, using: &random)
            while ((day % 7) + 7) % 7 >= 5 { day += 1 }
            let midnight = Double(day) * 86_400 - holder.offset * 3_600
            let interval: (start: Double, end: Double)
            let lead: Double
            if Int.random(in: 0..<50, using: &random) == 0 {
                let length = Double(Int.random(in: 2...4, using: &random))
                interval = (midnight + 9 * 3_600, midnight + (length - 1) * 86_400 + 17 * 3_600)
                lead = Double.random(in: 60...365, using: &random) * 86_400
            } else {
                let begin = midnight + Double(Int.random(in: 16...31, using: &random)) * 1_800
                let minutes = [60, 60, 60, 90, 90, 120, 120, 150, 180].randomElement(using: &random)!
                interval = (begin, begin + Double(minutes * 60))
                lead = Double.random(in: 7...70, using: &random) * 86_400
            }
            var audience: [Int] = []
            if Int.random(in: 0..<100, using: &random) > 0 {
                let size = min(holder.pool.count, Int(exp(Double.random(in: log(20.0)..<log(401.0), using: &random))))
                audience = sample(size, of: holder.pool, marks: &chosen, stamp: index, using: &random)
            }
            let event = ScheduledEvent(
                id: 0, organisers: names, start: Date(timeIntervalSinceReferenceDate: interval.start),
                end: Date(timeIntervalSinceReferenceDate: interval.end), themes: ThemeSet(themes),
                level: holder.level(&random), audience: audience)
            return (interval.start - lead, event)
        }
        entered.sort { $0.time < $1.time }
        return entered.enumerated().map { number, entry in
            var event = entry.event
            event.id = number + 1
            return event
        }
    }

    private struct Organiser {
        var name: String
        var themes: [Theme]
        var pool: [Int]
        var offset: Double
        /// Of its events, the share at the political level and the share at the senior-adviser level.
        var political: Double
        var senior: Double

        func level(_ random: inout SeededGenerator) -> EventLevel {
            let draw = Double.random(in: 0..<1, using: &random)
            return draw < political ? .political : draw < political + senior ? .senior : .technical
        }
    }

    private static func organiser(
        at index: Int, of count: Int, host: Int, _ cities: Int, _ random: inout SeededGenerator
    ) -> Organiser {
        let networks = max(1, count * 7 / 10)
        let isNetwork = index < networks
        let family = families.randomElement(using: &random)!
        var themes = Array(family.shuffled(using: &random).prefix(Int.random(in: 2...4, using: &random)))
        if Int.random(in: 0..<4, using: &random) == 0 {
            let extra = Theme.allCases.randomElement(using: &random)!
            if !themes.contains(extra) { themes.append(extra) }
        }
        let size =
            isNetwork
            ? max(
                80,
                Int(Double(cities) * 0.4 / pow(Double(index + 1), 0.6) * Double.random(in: 0.7...1.3, using: &random)))
            : Int.random(in: 40...400, using: &random)
        return Organiser(
            name: isNetwork ? "network:\(index + 1)" : "city:\(host)",
            themes: themes, pool: pool(min(size, cities), of: cities, &random),
            offset: homeOffsets.randomElement(using: &random)!,
            political: Double.random(in: 0.05...0.25, using: &random),
            senior: Double.random(in: 0.15...0.35, using: &random))
    }

    /// `size` distinct cities of `1...cities`, the low ids (the large cities) likelier, ascending.
    private static func pool(_ size: Int, of cities: Int, _ random: inout SeededGenerator) -> [Int] {
        if size * 2 >= cities { return Array(Array(1...cities).shuffled(using: &random).prefix(size)).sorted() }
        var members = Set<Int>()
        while members.count < size {
            let draw = Double.random(in: 0..<1, using: &random)
            members.insert(1 + Int(Double(cities) * draw * draw))
        }
        return members.sorted()
    }

    private static func themeCount(_ random: inout SeededGenerator) -> Int {
        let draw = Int.random(in: 0..<20, using: &random)
        return draw < 10 ? 1 : draw < 17 ? 2 : 3
    }

    /// `size` distinct members of `pool`, ascending; `marks` (one per city id) records which are taken, with
    /// `stamp` told apart from earlier draws so that it needs no clearing.
    private static func sample(
        _ size: Int, of pool: [Int], marks: inout [Int], stamp: Int, using random: inout SeededGenerator
    ) -> [Int] {
        if size * 2 >= pool.count { return Array(pool.shuffled(using: &random).prefix(size)).sorted() }
        var picked: [Int] = []
        picked.reserveCapacity(size)
        while picked.count < size {
            let city = pool[Int.random(in: 0..<pool.count, using: &random)]
            if marks[city] != stamp {
                marks[city] = stamp
                picked.append(city)
            }
        }
        return picked.sorted()
    }
}
