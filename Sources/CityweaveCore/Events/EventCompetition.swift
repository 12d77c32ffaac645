import Foundation

/// Two events of different organisers that draw on the same officials, and why: the platform warns an
/// organiser of these before the cities' people are invited to both ("webinar fatigue").
public struct Competition: Sendable, Equatable {
    /// The events' ids, `first < second`.
    public var first: Int
    public var second: Int
    /// How strongly they compete, in (0, 1]: 1 − (1 − theme score)(1 − audience score).
    ///
    /// The theme score, when the events share a theme and a level and start less than a week apart, is the
    /// Jaccard similarity of their themes × (1 − |Δstart| / 7 days): the more of their themes they share the
    /// more one stands in for the other, and the nearer they are the more they split one week's attention;
    /// it falls to 0 at the week, where the rule stops, so the score has no jump there. Otherwise 0.
    ///
    /// The audience score, when their times overlap and they invite a city in common, is (overlap / the
    /// shorter event's duration) × (shared cities / the smaller audience): the share of the shorter event
    /// that clashes times the share of the smaller invitation list that is asked to be in two places. It is
    /// 1 when one event lies wholly within the other and all its cities are invited to both. Otherwise 0.
    ///
    /// The two are combined as independent chances, so that either reason alone keeps its own score, both
    /// together score higher than either, and no weight between them has to be chosen.
    public var score: Double
    /// The cities invited to both, counted when their times overlap and 0 otherwise: counting them for
    /// every pair within a week would cost a walk over two audiences per pair for a number no rule uses.
    /// (Before ``sharedThemes`` so that the flags pack after it: 40 bytes a pair, not 48.)
    public var sharedCities: Int
    /// The themes both events are on (at any level and distance).
    public var sharedThemes: ThemeSet
    /// They share a theme and a level and start less than 7 days apart.
    public var sameThemeWithinWeek: Bool
    /// Their times overlap and they invite a city in common.
    public var overlapsWithSharedCities: Bool

    public init(
        first: Int, second: Int, score: Double, sharedThemes: ThemeSet, sharedCities: Int,
        sameThemeWithinWeek: Bool, overlapsWithSharedCities: Bool
    ) {
        self.first = first
        self.second = second
        self.score = score
        self.sharedThemes = sharedThemes
        self.sharedCities = sharedCities
        self.sameThemeWithinWeek = sameThemeWithinWeek
        self.overlapsWithSharedCities = overlapsWithSharedCities
    }

    /// The other event of the pair.
    public func other(than id: Int) -> Int { id == first ? second : first }
}

/// Which events of a calendar compete (see ``Competition``), and the clusters they form.
///
/// Two events compete when no organiser holds both and either (a) they share a theme and a level and their
/// starts are less than 7 days apart, or (b) their [start, end) intervals overlap and they invite a city in
/// common. Event ids are distinct within a calendar.
public enum EventCompetition {
    /// Seven days in seconds: events on a theme at one level compete while their starts are closer than this.
    public static let week: TimeInterval = 604_800

    /// Every competing pair of the calendar, sorted by (first, second); the same pairs and scores as
    /// ``allPairs(_:)``.
    ///
    /// One sweep over the events in order of start. For rule (a), the events that started in the last 7 days
    /// wait in 48 lists, one per theme and level; an event looks only in the lists of its own themes at its
    /// level (about 1/20 of the week's events), and a pair sharing several themes is taken from the list of
    /// the first of them. For rule (b), the events not yet ended form the active set (a few dozen at a time),
    /// and an event counts the cities it shares with each by walking the two sorted audiences in step.
    /// A pair that is in the active set is judged on both rules there and skipped in the theme lists, so it
    /// is reported once. The fields are laid out one array per field in order of start, organisers numbered,
    /// so that the loop reads numbers in order and allocates nothing but its results. For 100,000 events over
    /// three years that is some 10 million pair checks where the plain comparison makes 5 billion.
    public static func all(_ events: [ScheduledEvent]) -> [Competition] {
        #if TIMING
            let t0 = timingNow()
            let sweep = CompetitionSweep(events)
            print("  layout", Double(timingNow() - t0) / 1e9)
            return sweep.competitions()
        #else
            CompetitionSweep(events).competitions()
        #endif
    }

    /// The plain all-pairs comparison by the definitions, which ``all(_:)`` is tested and benchmarked
    /// against.
    public static func allPairs(_ events: [ScheduledEvent]) -> [Competition] {
        var found: [Competition] = []
        for i in events.indices {
            for j in (i + 1)..<events.count {
                // Neither rule holds for starts a week apart whose times do not overlap: the test that turns
                // away almost every pair, before anything is read but four dates.
                let (a, b) = (events[i], events[j])
                guard abs(a.start.timeIntervalSince(b.start)) < week || (a.start < b.end && b.start < a.end) else {
                    continue
                }
                if let competition = competition(a, b) { found.append(competition) }
            }
        }
        return found.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// The events of `calendar` competing with `event`, best score first (then by the other event's id).
    /// The event need not be in the calendar (one being written or edited); an entry with its id is taken
    /// to be the event itself, perhaps as saved before the edit, and left out.
    public static func competitors(of event: ScheduledEvent, in calendar: [ScheduledEvent]) -> [Competition] {
        calendar.compactMap { $0.id == event.id ? nil : competition(event, $0) }.sorted {
            ($1.score, $0.other(than: event.id)) < ($0.score, $1.other(than: event.id))
        }
    }

    /// Events linked by competition, directly or through others (the connected components of the pairs),
    /// largest first (then earliest), each by start (then id); an event competing with none is left out.
    /// Pairs naming an event not in `events` are passed over.
    public static func clusters(_ competitions: [Competition], events: [ScheduledEvent]) -> [[Int]] {
        var position: [Int: Int] = [:]
        position.reserveCapacity(events.count)
        for (index, event) in events.enumerated() where position[event.id] == nil { position[event.id] = index }
        var parent = Array(events.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        var linked = [Bool](repeating: false, count: events.count)
        for competition in competitions {
            guard let a = position[competition.first], let b = position[competition.second] else { continue }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            linked[a] = true
            linked[b] = true
        }
        var groups: [Int: [Int]] = [:]
        for node in events.indices where linked[node] { groups[root(node), default: []].append(node) }
        let byStart = { (a: Int, b: Int) in (events[a].start, events[a].id) < (events[b].start, events[b].id) }
        return groups.values.map { $0.sorted(by: byStart) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : byStart($0[0], $1[0]) }
            .map { $0.map { events[$0].id } }
    }

    /// The two events' competition by the definitions, nil when they do not compete (or are one event).
    static func competition(_ a: ScheduledEvent, _ b: ScheduledEvent) -> Competition? {
        guard a.id != b.id, !a.organisers.contains(where: b.organisers.contains) else { return nil }
        let gap = abs(a.start.timeIntervalSince(b.start))
        let sharedThemes = a.themes.intersection(b.themes)
        let sameThemeWithinWeek = !sharedThemes.isEmpty && a.level == b.level && gap < week
        let overlap = min(a.end, b.end).timeIntervalSince(max(a.start, b.start))
        let sharedCities = overlap > 0 ? Set(a.audience).intersection(b.audience).count : 0
        guard sameThemeWithinWeek || sharedCities > 0 else { return nil }
        let themeScore =
            sameThemeWithinWeek
            ? Self.themeScore(shared: sharedThemes.count, union: a.themes.union(b.themes).count, gap: gap) : 0
        let audienceScore =
            sharedCities > 0
            ? Self.audienceScore(
                overlap: overlap, shorter: min(a.duration, b.duration), shared: sharedCities,
                smaller: min(a.audience.count, b.audience.count)) : 0
        return Competition(
            first: min(a.id, b.id), second: max(a.id, b.id), score: score(themeScore, audienceScore),
            sharedThemes: sharedThemes, sharedCities: sharedCities, sameThemeWithinWeek: sameThemeWithinWeek,
            overlapsWithSharedCities: sharedCities > 0)
    }

    // The score's three steps (see ``Competition/score``), one expression each, shared by the sweep and the
    // plain comparison so that both round alike.

    @inline(__always)
    static func themeScore(shared: Int, union: Int, gap: TimeInterval) -> Double {
        Double(shared) / Double(union) * (1 - gap / week)
    }

    @inline(__always)
    static func audienceScore(overlap: TimeInterval, shorter: TimeInterval, shared: Int, smaller: Int) -> Double {
        overlap / shorter * (Double(shared) / Double(smaller))
    }

    @inline(__always)
    static func score(_ themeScore: Double, _ audienceScore: Double) -> Double {
        1 - (1 - themeScore) * (1 - audienceScore)
    }
}

/// The calendar laid out for ``EventCompetition/all(_:)``: one array per field, in order of start (an
/// event's place in that order is its position), organisers and cities as small numbers, and the events'
/// lists end to end in the order of the events.
private struct CompetitionSweep {
    let count: Int
    /// Ids by position, and each position's rank among the ids, by which results are sorted.
    let ids: [Int]
    let ranks: [Int32]
    let starts: [Double]
    let ends: [Double]
    let themes: [UInt32]
    let levels: [Int8]
    /// Organisers of the event at position p: `organisers[organiserSpans[p]]`.
    let organiserSpans: [Range<Int>]
    let organisers: [Int32]
    /// Invited cities of the event at position p, as numbers below `cityCount`: `audience[audienceSpans[p]]`.
    let audienceSpans: [Range<Int>]
    let audience: [Int32]
    let cityCount: Int

    init(_ events: [ScheduledEvent]) {
        #if TIMING
            let t0 = timingNow()
        #endif
        count = events.count
        var byStart = events.indices.map { (start: events[$0].start.timeIntervalSinceReferenceDate, index: $0) }
        byStart.sort { $0.start < $1.start }
        var positions = [Int](repeating: 0, count: count)
        for (position, entry) in byStart.enumerated() { positions[entry.index] = position }
        // The events are read in their own order, once, and their fields written at their positions: reading
        // them in order of start would jump between their lists all over memory.
        var ids = [Int](repeating: 0, count: count)
        var starts = [Double](repeating: 0, count: count)
        var ends = [Double](repeating: 0, count: count)
        var themes = [UInt32](repeating: 0, count: count)
        var levels = [Int8](repeating: 0, count: count)
        var organiserSpans = [Range<Int>](repeating: 0..<0, count: count)
        var organisers: [Int32] = []
        var organiserNumbers: [String: Int32] = [:]
        var audienceSpans = [Range<Int>](repeating: 0..<0, count: count)
        var audience: [Int32] = []
        audience.reserveCapacity(events.reduce(0) { $0 + $1.audience.count })
        var (lowest, highest) = (Int.max, Int.min)
        for (index, event) in events.enumerated() {
            let position = positions[index]
            ids[position] = event.id
            starts[position] = event.start.timeIntervalSinceReferenceDate
            ends[position] = event.end.timeIntervalSinceReferenceDate
            themes[position] = event.themes.rawValue
            levels[position] = event.level.number
            let firstOrganiser = organisers.count
            for name in event.organisers {
                if let number = organiserNumbers[name] {
                    organisers.append(number)
                } else {
                    organisers.append(Int32(organiserNumbers.count))
                    organiserNumbers[name] = Int32(organiserNumbers.count)
                }
            }
            organiserSpans[position] = firstOrganiser..<organisers.count
            let firstCity = audience.count
            for city in event.audience {
                lowest = min(lowest, city)
                highest = max(highest, city)
            }
            audience.append(contentsOf: event.audience.lazy.map { Int32(truncatingIfNeeded: $0) })
            audienceSpans[position] = firstCity..<audience.count
        }
        #if TIMING
            print("   columns", Double(timingNow() - t0) / 1e9)
        #endif
        // Cities keep their ids as numbers when these are small (as the directory's are), else are numbered
        // in order of id: a dictionary look-up for each of millions of invitations costs more than the sweep.
        if audience.isEmpty {
            cityCount = 0
        } else if lowest >= 0 && highest < max(1 << 20, 4 * audience.count) {
            cityCount = highest + 1
        } else {
            var cityNumbers: [Int: Int32] = [:]
            for (number, city) in Set(events.lazy.flatMap(\.audience)).sorted().enumerated() {
                cityNumbers[city] = Int32(number)
            }
            audience = events.flatMap { $0.audience.map { cityNumbers[$0]! } }
            cityCount = cityNumbers.count
        }
        var byID = ids.indices.map { (id: ids[$0], position: $0) }
        byID.sort { $0.id < $1.id }
        var ranks = [Int32](repeating: 0, count: count)
        for (rank, entry) in byID.enumerated() { ranks[entry.position] = Int32(rank) }
        (self.ids, self.ranks, self.starts, self.ends, self.themes, self.levels) = (
            ids, ranks, starts, ends, themes, levels
        )
        (self.organiserSpans, self.organisers) = (organiserSpans, organisers)
        (self.audienceSpans, self.audience) = (audienceSpans, audience)
    }

    /// A pair as the sweep finds it: the two events' ranks among the ids, and the cities they share while
    /// their times overlap (0 when they do not). The score and the other reasons are worked out from these
    /// once the pairs are in order. 12 bytes: there are millions of them, and fresh memory costs as much to
    /// touch as the sweep costs to run.
    struct Found {
        var low: Int32
        var high: Int32
        var cities: Int32
    }

    func competitions() -> [Competition] {
        #if TIMING
            let t0 = timingNow()
        #endif
        var (found, lowCounts, highCounts) = pairs()
        #if TIMING
            print("  sweep", Double(timingNow() - t0) / 1e9)
            let t1 = timingNow()
            defer { print("  sort", Double(timingNow() - t1) / 1e9) }
        #endif
        sort(&found, lowCounts: lowCounts, highCounts: highCounts)
        var positions = [Int](repeating: 0, count: count)
        for position in 0..<count { positions[Int(ranks[position])] = position }
        return found.map { pair in competition(positions[Int(pair.low)], positions[Int(pair.high)], cities: pair.cities)
        }
    }

    /// Where a city's list is in `cityLists`, how many it holds and how many it has room for.
    struct CityList {
        var start: Int32
        var live: Int32
        var room: Int32
    }

    /// An event in a city list, with its end, so that telling whether it is still under way reads nothing
    /// else.
    struct CityEntry {
        var end: Double
        var position: Int32
    }

    /// Every competing pair, in the order found, and how many pairs each rank is the lower and the higher of.
    private func pairs() -> (found: [Found], lowCounts: [Int], highCounts: [Int]) {
        let week = EventCompetition.week
        var found: [Found] = []
        var lowCounts = [Int](repeating: 0, count: count)
        var highCounts = [Int](repeating: 0, count: count)
        func add(_ a: Int, _ b: Int, cities: Int32) {
            let (ra, rb) = (ranks[a], ranks[b])
            let (low, high) = ra < rb ? (ra, rb) : (rb, ra)
            found.append(Found(low: low, high: high, cities: cities))
            lowCounts[Int(low)] += 1
            highCounts[Int(high)] += 1
        }
        // The theme lists: for each (theme, level), its events in order of start, end to end; those from
        // `heads[list]` to `tails[list]` started within the last week.
        let levelCount = EventLevel.allCases.count
        let listCount = Theme.allCases.count * levelCount
        var listStarts = [Int](repeating: 0, count: listCount + 1)
        for position in 0..<count {
            var remaining = themes[position]
            while remaining != 0 {
                listStarts[remaining.trailingZeroBitCount * levelCount + Int(levels[position]) + 1] += 1
                remaining &= remaining - 1
            }
        }
        for list in 0..<listCount { listStarts[list + 1] += listStarts[list] }
        var lists = [Int32](repeating: 0, count: listStarts[listCount])
        var heads = Array(listStarts.dropLast())
        for position in 0..<count {
            var remaining = themes[position]
            while remaining != 0 {
                let list = remaining.trailingZeroBitCount * levelCount + Int(levels[position])
                lists[heads[list]] = Int32(position)
                heads[list] += 1
                remaining &= remaining - 1
            }
        }
        heads = Array(listStarts.dropLast())
        var tails = heads
        found.reserveCapacity(pairBound(lists: lists, listStarts: listStarts))
        // The city lists: for each city, the events inviting it that had not ended when it was last looked
        // at. A list outgrowing its room moves to the end of `cityLists` with twice the room, so that the
        // lists take room for the events under way at once (tens a city), not for all of a city's invitations,
        // and stay in the processor's cache.
        var cities = [CityList](repeating: CityList(start: 0, live: 0, room: 0), count: cityCount)
        var cityLists: [CityEntry] = []
        #if TIMING
        var moves = 0
        #endif
        // The cities each earlier event still under way shares with the current one, and those not 0.
        var shared = [Int32](repeating: 0, count: count)
        var touched: [Int] = []

        for position in 0..<count {
            let (start, end, eventThemes, level) = (
                starts[position], ends[position], themes[position], levels[position]
            )
            if end > start {
                for entry in audienceSpans[position] {
                    let city = Int(audience[entry])
                    var list = cities[city]
                    let base = Int(list.start)
                    var kept = 0
                    for slot in base..<(base + Int(list.live)) {
                        let entry = cityLists[slot]
                        guard entry.end > start else { continue }
                        cityLists[base + kept] = entry
                        kept += 1
                        let other = Int(entry.position)
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                    if kept == list.room {
                        list.room = max(4, 2 * list.room)
                        list.start = Int32(cityLists.count)
                        cityLists.append(contentsOf: repeatElement(CityEntry(end: 0, position: 0), count: Int(list.room)))
                        for slot in 0..<kept { cityLists[Int(list.start) + slot] = cityLists[base + slot] }
                        #if TIMING
                        moves += 1
                        #endif
                    }
                    cityLists[Int(list.start) + kept] = CityEntry(end: end, position: Int32(position))
                    list.live = Int32(kept + 1)
                    cities[city] = list
                }
                for other in touched where !sharesOrganiser(other, position) {
                    add(other, position, cities: shared[other])
                }
            }
            var remaining = eventThemes
            while remaining != 0 {
                let theme = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                let list = theme * levelCount + Int(level)
                var head = heads[list]
                while head < tails[list] && start - starts[Int(lists[head])] >= week { head += 1 }
                heads[list] = head
                for slot in head..<tails[list] {
                    let other = Int(lists[slot])
                    // Taken from the list of the first shared theme only, and not at all when found above.
                    guard (themes[other] & eventThemes).trailingZeroBitCount == theme, shared[other] == 0,
                        !sharesOrganiser(other, position)
                    else { continue }
                    add(other, position, cities: 0)
                }
                tails[list] += 1
            }
            for other in touched { shared[other] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        #if TIMING
        print("   moves", moves, "arena", cityLists.count)
        #endif
        return (found, lowCounts, highCounts)
    }

    /// About as many pairs as the sweep can find, counted cheaply before it so that `found` is allocated once
    /// (growing it by doubling would touch twice the memory): the pairs within a week in each theme list
    /// (a pair sharing several themes once for each) and the pairs of events under way at once.
    private func pairBound(lists: [Int32], listStarts: [Int]) -> Int {
        var bound = 0
        for list in 0..<(listStarts.count - 1) {
            var head = listStarts[list]
            for slot in listStarts[list]..<listStarts[list + 1] {
                let start = starts[Int(lists[slot])]
                while start - starts[Int(lists[head])] >= EventCompetition.week { head += 1 }
                bound += slot - head
            }
        }
        let sortedEnds = ends.sorted()
        var ended = 0
        for position in 0..<count {
            while ended < count && sortedEnds[ended] <= starts[position] { ended += 1 }
            bound += max(0, position - ended)
        }
        return bound
    }

    /// The competition of the events at two positions that the sweep found to compete, sharing `cities`
    /// while under way at once: the reasons and the score by the same expressions as the plain comparison.
    @inline(__always)
    private func competition(_ a: Int, _ b: Int, cities: Int32) -> Competition {
        let sharedThemes = themes[a] & themes[b]
        let gap = abs(starts[a] - starts[b])
        let sameThemeWithinWeek = sharedThemes != 0 && levels[a] == levels[b] && gap < EventCompetition.week
        let themeScore =
            sameThemeWithinWeek
            ? EventCompetition.themeScore(
                shared: sharedThemes.nonzeroBitCount, union: (themes[a] | themes[b]).nonzeroBitCount, gap: gap) : 0
        let audienceScore =
            cities > 0
            ? EventCompetition.audienceScore(
                overlap: min(ends[a], ends[b]) - max(starts[a], starts[b]),
                shorter: min(ends[a] - starts[a], ends[b] - starts[b]), shared: Int(cities),
                smaller: min(audienceCount(a), audienceCount(b))) : 0
        let (first, second) = ids[a] < ids[b] ? (ids[a], ids[b]) : (ids[b], ids[a])
        return Competition(
            first: first, second: second, score: EventCompetition.score(themeScore, audienceScore),
            sharedThemes: ThemeSet(rawValue: sharedThemes), sharedCities: Int(cities),
            sameThemeWithinWeek: sameThemeWithinWeek, overlapsWithSharedCities: cities > 0)
    }

    @inline(__always)
    private func audienceCount(_ position: Int) -> Int { audienceSpans[position].count }

    /// Whether an organiser holds both; most events have one, few more than two, so a double loop is the
    /// quickest.
    @inline(__always)
    private func sharesOrganiser(_ a: Int, _ b: Int) -> Bool {
        for i in organiserSpans[a] {
            for j in organiserSpans[b] where organisers[i] == organisers[j] {
                return true
            }
        }
        return false
    }

    /// The pairs sorted by (lower rank, higher rank), that is by (first, second): by the higher rank into a
    /// second array and then, stably, by the lower back into the first, each by counting. Linear in the
    /// pairs, where comparing would take a second for ten million.
    private func sort(_ found: inout [Found], lowCounts: [Int], highCounts: [Int]) {
        func firstSlots(_ counts: [Int]) -> [Int] {
            var slots = [Int](repeating: 0, count: counts.count)
            for rank in counts.indices.dropFirst() { slots[rank] = slots[rank - 1] + counts[rank - 1] }
            return slots
        }
        var next = firstSlots(highCounts)
        let byHigh = [Found](unsafeUninitializedCapacity: found.count) { buffer, initialized in
            for pair in found {
                buffer.initializeElement(at: next[Int(pair.high)], to: pair)
                next[Int(pair.high)] += 1
            }
            initialized = found.count
        }
        next = firstSlots(lowCounts)
        found.withUnsafeMutableBufferPointer { found in
            for pair in byHigh {
                found[next[Int(pair.low)]] = pair
                next[Int(pair.low)] += 1
            }
        }
    }
}

extension EventLevel {
    /// Its place in `allCases`, for the sweep's lists.
    fileprivate var number: Int8 {
        switch self {
        case .political: 0
        case .senior: 1
        case .technical: 2
        }
    }
}

#if TIMING
    func timingNow() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
#endif
