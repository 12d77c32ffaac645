import CityweaveSyntheticData
import Foundation
import Testing

@testable import CityweaveCore

@Suite struct EventCompetitionTests {
    /// Monday 2024-01-01, 00:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_704_067_200)
    static let hour: TimeInterval = 3_600
    static let day: TimeInterval = 86_400

    static func event(
        _ id: Int, by organisers: [String], at start: Date, for length: TimeInterval, on themes: [Theme] = [.health],
        level: EventLevel = .technical, inviting audience: [Int] = []
    ) -> ScheduledEvent {
        ScheduledEvent(
            id: id, organisers: organisers, start: start, end: start.addingTimeInterval(length),
            themes: ThemeSet(themes), level: level, audience: audience)
    }

    /// A small calendar on a coarse grid, so that the edges come up often: starts on the half day over six
    /// weeks (so that exactly 7 days apart and the same instant are common), lengths of nothing, an hour,
    /// half a day, a day, two days or a week (so that one ends as another begins), four organisers of which
    /// an event has none, one or two, four themes of which it may have none, audiences of eight cities that
    /// may be empty. Ids are distinct and in no order; now and then the city ids are far from small, so that
    /// the sweep numbers them itself.
    static func randomCalendar(_ count: Int, using random: inout SeededGenerator) -> [ScheduledEvent] {
        let names = ["network:1", "network:2", "city:3", "city:4"]
        let themes: [Theme] = [.health, .climate, .housing, .mobility]
        let cityIDs =
            Bool.random(using: &random) ? Array(0..<8) : [-5, 0, 7, 1 << 40, 1 << 41, Int.max, Int.min, 99]
        let ids = Array(Array(-count..<(3 * count + 1)).shuffled(using: &random).prefix(count))
        return ids.map { id in
            let organisers = Array(
                names.shuffled(using: &random).prefix([0, 1, 1, 1, 2].randomElement(using: &random)!))
            let start = monday.addingTimeInterval(Double(Int.random(in: 0..<84, using: &random)) * day / 2)
            let length = [0, hour, day / 2, day, 2 * day, 7 * day].randomElement(using: &random)!
            return ScheduledEvent(
                id: id, organisers: organisers, start: start, end: start.addingTimeInterval(length),
                themes: ThemeSet(themes.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }),
                level: EventLevel.allCases.randomElement(using: &random)!,
                audience: cityIDs.filter { _ in Int.random(in: 0..<10, using: &random) < 3 })
        }
    }

    /// A small calendar of the synthetic kind the benchmarks use.
    static func syntheticCalendar(_ count: Int, using random: inout SeededGenerator) -> [ScheduledEvent] {
        SyntheticEvents.calendar(
            count: count, organisers: Int.random(in: 1...20, using: &random), cities: 60,
            years: Double.random(in: 0.02...0.3, using: &random), start: monday, using: &random)
    }

    /// The same pairs with the same reasons, and scores within 1e-12.
    static func same(_ found: [Competition], _ expected: [Competition]) -> Bool {
        found.count == expected.count
            && zip(found, expected).allSatisfy { found, expected in
                var rounded = found
                rounded.score = expected.score
                return rounded == expected && abs(found.score - expected.score) <= 1e-12
            }
    }

    // MARK: - The sweep against every pair

    @Test func theSweepFindsWhatComparingEveryPairFinds() {
        var random = SeededGenerator(seed: 2020)
        for round in 0..<120 {
            let count = Int.random(in: 0...300, using: &random)
            let events =
                round % 3 == 2
                ? Self.syntheticCalendar(count, using: &random) : Self.randomCalendar(count, using: &random)
            let expected = EventCompetition.allPairs(events)
            let found = EventCompetition.all(events)
            #expect(
                Self.same(found, expected), "round \(round): \(found.count) pairs found, \(expected.count) expected")
            #expect(found.allSatisfy { $0.first < $0.second && $0.score > 0 && $0.score <= 1 })
            #expect(zip(found, found.dropFirst()).allSatisfy { ($0.first, $0.second) < ($1.first, $1.second) })
        }
    }

    @Test func theSweepAgreesOnACalendarOfSomeThousandsOfEvents() {
        var random = SeededGenerator(seed: 7)
        let events = SyntheticEvents.calendar(
            count: 3_000, organisers: 40, cities: 2_000, years: 0.25, start: Self.monday, using: &random)
        let expected = EventCompetition.allPairs(events)
        #expect(expected.count > 10_000)
        #expect(expected.contains { $0.sameThemeWithinWeek && $0.overlapsWithSharedCities })
        #expect(Self.same(EventCompetition.all(events), expected))
    }

    // MARK: - The edges of the rules

    @Test func startsExactlyAWeekApartDoNotCompeteAndASecondLessDoes() {
        let first = Self.event(1, by: ["network:1"], at: Self.monday, for: Self.hour)
        let weekLater = Self.event(
            2, by: ["network:2"], at: Self.monday.addingTimeInterval(7 * Self.day), for: Self.hour)
        let secondLess = Self.event(3, by: ["network:3"], at: Self.monday.addingTimeInterval(7 * Self.day - 1), for: 1)
        #expect(EventCompetition.allPairs([first, weekLater]).isEmpty)
        #expect(EventCompetition.all([first, weekLater]).isEmpty)
        let pairs = EventCompetition.all([first, weekLater, secondLess])
        // The second-less event competes with both: a week less a second after the first, a second before the other.
        #expect(pairs.map { [$0.first, $0.second] } == [[1, 3], [2, 3]])
        #expect(abs(pairs[0].score - 1 / EventCompetition.week) < 1e-15)
        #expect(pairs.allSatisfy { $0.sameThemeWithinWeek && !$0.overlapsWithSharedCities })
    }

    @Test func aMeetingEndingAsAnotherBeginsDoesNotOverlapIt() {
        let morning = Self.event(
            1, by: ["city:1"], at: Self.monday, for: 2 * Self.hour, on: [.housing], inviting: [4, 5])
        let after = Self.event(
            2, by: ["city:2"], at: Self.monday.addingTimeInterval(2 * Self.hour), for: Self.hour, on: [.climate],
            inviting: [4, 5])
        #expect(EventCompetition.all([morning, after]).isEmpty)
        let overlapping = Self.event(
            3, by: ["city:3"], at: Self.monday.addingTimeInterval(2 * Self.hour - 1), for: Self.hour, on: [.climate],
            inviting: [5, 6])
        let pairs = EventCompetition.all([morning, after, overlapping])
        #expect(pairs.map { [$0.first, $0.second] } == [[1, 3], [2, 3]])
        // One second of the shorter hour clashes, and one of the two cities.
        #expect(pairs[0].sharedCities == 1 && pairs[0].overlapsWithSharedCities && !pairs[0].sameThemeWithinWeek)
        #expect(abs(pairs[0].score - 1.0 / 3_600 * (1.0 / 2)) < 1e-15)
        #expect(pairs[1].sameThemeWithinWeek && pairs[1].sharedThemes == ThemeSet([.climate]))
    }

    @Test func eventsOfOneOrganiserNeverCompete() {
        let first = Self.event(1, by: ["city:9", "network:1"], at: Self.monday, for: Self.hour, inviting: [1, 2])
        let second = Self.event(2, by: ["network:1", "network:5"], at: Self.monday, for: Self.hour, inviting: [1, 2])
        let third = Self.event(3, by: ["network:5"], at: Self.monday, for: Self.hour, inviting: [1, 2])
        let pairs = EventCompetition.all([first, second, third])
        #expect(pairs.map { [$0.first, $0.second] } == [[1, 3]])
        // Both rules hold at full strength: the same themes at the same time for the same cities.
        #expect(pairs[0].score == 1 && pairs[0].sameThemeWithinWeek && pairs[0].overlapsWithSharedCities)
        #expect(EventCompetition.competitors(of: second, in: [first, third]).isEmpty)
    }

    @Test func anOpenEventSharesNoCityAndAnEventOfNoTimeOverlapsNothing() {
        let open = Self.event(1, by: ["network:1"], at: Self.monday, for: Self.day, on: [.peace])
        let invited = Self.event(2, by: ["network:2"], at: Self.monday, for: Self.hour, on: [.energy], inviting: [1])
        let instant = Self.event(
            3, by: ["network:3"], at: Self.monday.addingTimeInterval(Self.hour / 2), for: 0, on: [.culture],
            inviting: [1])
        #expect(EventCompetition.all([open, invited, instant]).isEmpty)
        #expect(EventCompetition.allPairs([open, invited, instant]).isEmpty)
    }

    @Test func scoresFollowTheFormula() throws {
        // 10:00 to 12:00 and 11:00 to 12:00: the whole of the shorter clashes; 2 of the smaller list's 3 cities.
        let long = Self.event(
            1, by: ["city:1"], at: Self.monday.addingTimeInterval(10 * Self.hour), for: 2 * Self.hour,
            on: [.health, .housing], level: .senior, inviting: [1, 2, 3, 4])
        let short = Self.event(
            2, by: ["city:2"], at: Self.monday.addingTimeInterval(11 * Self.hour), for: Self.hour,
            on: [.health, .migration, .equity], level: .senior, inviting: [3, 4, 5])
        let pair = try #require(EventCompetition.all([long, short]).first)
        let themeScore = 1.0 / 4 * (1 - Self.hour / EventCompetition.week)
        let audienceScore = 1.0 * (2.0 / 3)
        #expect(abs(pair.score - (1 - (1 - themeScore) * (1 - audienceScore))) < 1e-15)
        #expect(pair.sharedThemes == ThemeSet([.health]) && pair.sharedCities == 2)
        var otherLevel = short
        otherLevel.level = .political
        let byTime = try #require(EventCompetition.all([long, otherLevel]).first)
        #expect(abs(byTime.score - audienceScore) < 1e-15 && !byTime.sameThemeWithinWeek)
    }

    @Test func threeHealthWebinarsInOneWeekFormOneClusterScoredByDistance() {
        // Three networks each hold a technical webinar on health, Monday, Wednesday and Friday at 10:00 UTC,
        // inviting the same cities at different times.
        let webinars = [(11, "network:1", 0.0), (12, "network:2", 2.0), (13, "network:3", 4.0)].map {
            id, network, day in
            Self.event(
                id, by: [network], at: Self.monday.addingTimeInterval(day * Self.day + 10 * Self.hour), for: Self.hour,
                inviting: [100, 200, 300])
        }
        let pairs = EventCompetition.all(webinars)
        #expect(pairs.map { [$0.first, $0.second] } == [[11, 12], [11, 13], [12, 13]])
        #expect(pairs.allSatisfy { $0.sameThemeWithinWeek && !$0.overlapsWithSharedCities && $0.sharedCities == 0 })
        #expect(abs(pairs[0].score - 5.0 / 7) < 1e-12 && abs(pairs[2].score - 5.0 / 7) < 1e-12)
        #expect(abs(pairs[1].score - 3.0 / 7) < 1e-12)
        #expect(EventCompetition.clusters(pairs, events: webinars) == [[11, 12, 13]])
        #expect(EventCompetition.competitors(of: webinars[0], in: webinars).map { $0.other(than: 11) } == [12, 13])
    }

    // MARK: - One event's competitors

    /// The pairs naming `id`, as ``EventCompetition/competitors(of:in:)`` orders them.
    static func naming(_ id: Int, _ pairs: [Competition]) -> [Competition] {
        pairs.filter { $0.first == id || $0.second == id }.sorted {
            ($1.score, $0.other(than: id)) < ($0.score, $1.other(than: id))
        }
    }

    @Test func anEventsCompetitorsAreItsPairsAmongAllPairs() {
        var random = SeededGenerator(seed: 31)
        for round in 0..<60 {
            let calendar = Self.randomCalendar(Int.random(in: 1...120, using: &random), using: &random)
            let all = EventCompetition.allPairs(calendar)
            // An event of the calendar; one not yet saved; and one being edited, its old version still saved.
            let saved = calendar.randomElement(using: &random)!
            #expect(EventCompetition.competitors(of: saved, in: calendar) == Self.naming(saved.id, all), "\(round)")
            var new = Self.randomCalendar(1, using: &random)[0]
            new.id = 10_000
            #expect(
                EventCompetition.competitors(of: new, in: calendar)
                    == Self.naming(new.id, EventCompetition.allPairs(calendar + [new])))
            var edited = new
            edited.id = saved.id
            let afterEdit = calendar.map { $0.id == saved.id ? edited : $0 }
            #expect(
                EventCompetition.competitors(of: edited, in: calendar)
                    == Self.naming(saved.id, EventCompetition.allPairs(afterEdit)))
        }
    }

    // MARK: - Clusters

    /// Connected components by walking the pairs from each event not yet reached.
    static func components(_ pairs: [Competition], _ events: [ScheduledEvent]) -> [[Int]] {
        var neighbours: [Int: [Int]] = [:]
        for pair in pairs {
            neighbours[pair.first, default: []].append(pair.second)
            neighbours[pair.second, default: []].append(pair.first)
        }
        let start = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0.start) })
        var reached: Set<Int> = []
        var groups: [[Int]] = []
        for id in neighbours.keys.sorted() where !reached.contains(id) {
            var group = [id]
            reached.insert(id)
            var next = 0
            while next < group.count {
                for other in neighbours[group[next]]! where reached.insert(other).inserted { group.append(other) }
                next += 1
            }
            groups.append(group.sorted { (start[$0]!, $0) < (start[$1]!, $1) })
        }
        return groups.sorted { ($1.count, start[$0[0]]!, $0[0]) < ($0.count, start[$1[0]]!, $1[0]) }
    }

    @Test func clustersAreTheConnectedGroupsOfCompetingEvents() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<40 {
            let events = Self.randomCalendar(Int.random(in: 0...150, using: &random), using: &random)
            let pairs = EventCompetition.all(events)
            let clusters = EventCompetition.clusters(pairs, events: events)
            #expect(clusters == Self.components(pairs, events))
            #expect(clusters.allSatisfy { $0.count > 1 })
        }
        // A pair naming an event not given is passed over.
        let lone = Self.event(1, by: ["network:1"], at: Self.monday, for: Self.hour)
        let pair = Competition(
            first: 1, second: 2, score: 1, sharedThemes: [], sharedCities: 0, sameThemeWithinWeek: true,
            overlapsWithSharedCities: false)
        #expect(EventCompetition.clusters([pair], events: [lone]).isEmpty)
    }

    // MARK: - Weekly invitations

    /// The Monday 00:00 UTC of the week holding `date`, by the calendar.
    static func mondayOfWeek(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = 2
        return calendar.dateInterval(of: .weekOfYear, for: date)!.start
    }

    @Test func weeklyInvitationsCountEachEventOnceACityInTheWeekItStarts() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<30 {
            var events = Self.syntheticCalendar(Int.random(in: 0...200, using: &random), using: &random)
            // Around the week's boundary, and before the reference date of 2001, when counting goes negative.
            let sunday = Self.monday.addingTimeInterval(-1)
            events += [sunday, Self.monday, Date(timeIntervalSince1970: 946_684_799)].enumerated().map { index, start in
                Self.event(1_000 + index, by: ["network:9"], at: start, for: Self.hour, inviting: [1, 2])
            }
            var expected: [Int: [Date: Int]] = [:]
            for event in events {
                for city in event.audience {
                    expected[city, default: [:]][Self.mondayOfWeek(event.start), default: 0] += 1
                }
            }
            let weekly = WeeklyInvitations(events)
            var counted: [Int: [Date: Int]] = [:]
            for week in weekly.weeks { counted[week.city, default: [:]][week.start] = week.count }
            #expect(counted == expected)
            #expect(
                zip(weekly.weeks, weekly.weeks.dropFirst()).allSatisfy { ($0.city, $0.start) < ($1.city, $1.start) })
            #expect(
                weekly.invitations(city: 1, week: sunday) >= 1 && weekly.invitations(city: 1, week: Self.monday) >= 1)
            #expect(
                weekly.invitations(city: 2, week: Self.monday.addingTimeInterval(3 * Self.day))
                    == expected[2]?[Self.monday])
            #expect(weekly.invitations(city: -1, week: Self.monday) == 0)
            let ranked = expected.flatMap { city, weeks in weeks.map { (city: city, week: $0.key, events: $0.value) } }
                .sorted { (-$0.events, $0.week, $0.city) < (-$1.events, $1.week, $1.city) }
            for limit in [0, 1, 5, 1_000_000] {
                let busiest = weekly.busiest(limit: limit)
                #expect(busiest.count == min(limit, ranked.count))
                #expect(
                    zip(busiest, ranked).allSatisfy {
                        $0.city == $1.city && $0.week == $1.week && $0.events == $1.events
                    })
            }
        }
        #expect(WeeklyInvitations.weekStart(of: Self.monday.addingTimeInterval(-1)) == Self.monday - 7 * Self.day)
        #expect(WeeklyInvitations.weekStart(of: Self.monday.addingTimeInterval(6 * Self.day)) == Self.monday)
    }
}
