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

    /// Every competing pair of the calendar, sorted by (first, second): the same pairs, reasons and scores as
    /// ``allPairs(_:)``.
    ///
    /// One sweep over the events in order of start, judging each pair when the later of the two is reached.
    ///
    /// Rule (b): each city has a list of the events inviting it that are still under way. An event walks the
    /// lists of the cities it invites, dropping events that have ended and counting, for each event it meets,
    /// the cities they share; then it joins the lists. That is work in proportion to the invitations and the
    /// cities shared: 30 million steps for the benchmark's 100,000 events, where walking the sorted audiences
    /// of each pair of events under way at once would take 390 million.
    ///
    /// Rule (a): each theme and level has a list of its events in order of start, and the window of those
    /// that started less than 7 days before; an event looks only in the windows of its own themes at its own
    /// level, and a pair sharing several themes is taken from the list of the first of them.
    ///
    /// A pair met in the city lists is judged there on both rules and passed over in the theme lists, so that
    /// it is reported once. The pairs are put in order by counting, then scored by the expressions the plain
    /// comparison uses. The events' fields are laid out one array per field, organisers and cities numbered,
    /// so that the loops read numbers and allocate little but the results.
    public static func all(_ events: [ScheduledEvent]) -> [Competition] {
        CompetitionSweep(events).competitions()
    }

    /// The plain all-pairs comparison by the definitions, which ``all(_:)`` is tested and benchmarked
    /// against.
    public static func allPairs(_ events: [ScheduledEvent]) -> [Competition] {
        var found: [Competition] = []
        for i in events.indices {
            for j in (i + 1)..<events.count {
                // Neither rule holds for starts a week apart whose times do not overlap: the test that turns
                // away almost every pair, reading only four dates.
                let (startA, endA, startB, endB) = (events[i].start, events[i].end, events[j].start, events[j].end)
                guard abs(startA.timeIntervalSince(startB)) < week || (startA < endB && startB < endA) else { continue }
                if let competition = competition(events[i], events[j]) { found.append(competition) }
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
/// organisers and audiences end to end in the order the events came in.
private struct CompetitionSweep {
    let count: Int
    /// Ids by position, and each position's rank among the ids, by which the results are sorted.
    let ids: [Int]
    let ranks: [Int32]
    let starts: [Double]
    let ends: [Double]
    let themes: [UInt32]
    let levels: [Int8]
    /// The organisers of the event at position p: `organisers[organiserSpans[p]]`.
    let organiserSpans: [Range<Int>]
    let organisers: [Int32]
    /// The cities the event at position p invites, as numbers below `cityCount`: `audience[audienceSpans[p]]`.
    let audienceSpans: [Range<Int>]
    let audience: [Int32]
    let cityCount: Int

    init(_ events: [ScheduledEvent]) {
        precondition(events.count < Int32.max, "too many events")
        count = events.count
        var byStart = events.indices.map { (start: events[$0].start.timeIntervalSinceReferenceDate, index: $0) }
        byStart.sort { $0.start < $1.start }
        var positions = [Int](repeating: 0, count: count)
        for (position, entry) in byStart.enumerated() { positions[entry.index] = position }
        // The events are read once, in their own order, and their fields written at their positions: reading
        // them in order of start would jump between their arrays all over memory.
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

    func competitions() -> [Competition] {
        let (partners, groupEnds) = sorted(pairs())
        var summaries = [Summary](
            repeating: Summary(id: 0, start: 0, end: 0, themes: 0, audience: 0, level: 0), count: count)
        for position in 0..<count {
            summaries[Int(ranks[position])] = Summary(
                id: ids[position], start: starts[position], end: ends[position], themes: themes[position],
                audience: Int32(audienceSpans[position].count), level: levels[position])
        }
        return [Competition](unsafeUninitializedCapacity: partners.count) { buffer, initialized in
            var groupStart = 0
            for (low, groupEnd) in groupEnds.enumerated() {
                let event = summaries[low]
                for slot in groupStart..<Int(groupEnd) {
                    let word = partners[slot]
                    buffer.initializeElement(
                        at: slot,
                        to: competition(event, summaries[Int(word >> 32)], cities: Int32(truncatingIfNeeded: word)))
                }
                groupStart = Int(groupEnd)
            }
            initialized = partners.count
        }
    }

    /// A pair as the sweep finds it: the two events' ranks among the ids, and the cities they share while
    /// both are under way (0 when their times do not overlap). The score and the other reasons are worked
    /// out once the pairs are in order; 12 bytes, because there are millions of pairs and fresh memory costs
    /// about as much to touch as the sweep costs to run.
    struct Found {
        var low: Int32
        var high: Int32
        var cities: Int32
    }

    /// Where a city's list is in the city lists, how many events it holds and how many it has room for.
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
    ///
    /// The state the loop changes lives in buffers of its own, allocated here and freed on return, so that
    /// writing to it in the innermost loops checks no array for sharing.
    private func pairs() -> (found: [[Found]], lowCounts: [Int32], highCounts: [Int32]) {
        let week = EventCompetition.week
        // The pairs in chunks of a million, as growing one array by doubling would copy them and touch twice
        // their memory.
        let chunkSize = 1 << 20
        var found: [[Found]] = []
        var chunk: [Found] = []
        var lowCounts = [Int32](repeating: 0, count: count)
        var highCounts = [Int32](repeating: 0, count: count)
        // The theme lists: for each (theme bit, level), its events in order of start, end to end. When the
        // sweep reaches the event at `tails[list]` of a list, those from `heads[list]` on started less than
        // a week before it.
        let levelCount = EventLevel.allCases.count
        let listCount = UInt32.bitWidth * levelCount
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
        // The city lists: for each city, the events inviting it that had not ended when it was last looked
        // at, in `arena`. A list outgrowing its room moves to the end of the arena with twice the room, so
        // that the lists take room for the events under way at once (a few a city), not for all of a city's
        // invitations, and stay in the processor's cache.
        let cities = UnsafeMutableBufferPointer<CityList>.allocate(capacity: cityCount)
        cities.initialize(repeating: CityList(start: 0, live: 0, room: 0))
        var arena = UnsafeMutableBufferPointer<CityEntry>.allocate(capacity: 4_096)
        arena.initialize(repeating: CityEntry(end: 0, position: 0))
        var arenaUsed = 0
        // For each earlier event under way, the cities it shares with the current one; and those not 0.
        let shared = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
        shared.initialize(repeating: 0)
        let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
        touched.initialize(repeating: 0)
        var touchedCount = 0
        defer {
            cities.deallocate()
            arena.deallocate()
            shared.deallocate()
            touched.deallocate()
        }
        func add(_ a: Int, _ b: Int, cities: Int32) {
            // Two entries of one id (which a calendar should not have) are one event, as in the plain comparison.
            guard ids[a] != ids[b] else { return }
            let (low, high) = ranks[a] < ranks[b] ? (ranks[a], ranks[b]) : (ranks[b], ranks[a])
            if chunk.count == chunkSize {
                found.append(chunk)
                chunk = []
                chunk.reserveCapacity(chunkSize)
            }
            chunk.append(Found(low: low, high: high, cities: cities))
            lowCounts[Int(low)] += 1
            highCounts[Int(high)] += 1
        }

        for position in 0..<count {
            let (start, end) = (starts[position], ends[position])
            // Rule (b): an event taking no time overlaps nothing.
            if end > start {
                for entry in audienceSpans[position] {
                    let city = Int(audience[entry])
                    var list = cities[city]
                    let base = Int(list.start)
                    var kept = 0
                    for slot in base..<(base + Int(list.live)) {
                        let entry = arena[slot]
                        guard entry.end > start else { continue }
                        arena[base + kept] = entry
                        kept += 1
                        let other = Int(entry.position)
                        if shared[other] == 0 {
                            touched[touchedCount] = entry.position
                            touchedCount += 1
                        }
                        shared[other] += 1
                    }
                    if kept == list.room {
                        let room = max(4, 2 * Int(list.room))
                        if arenaUsed + room > arena.count {
                            let larger = UnsafeMutableBufferPointer<CityEntry>.allocate(
                                capacity: max(2 * arena.count, arenaUsed + room))
                            larger.initialize(repeating: CityEntry(end: 0, position: 0))
                            for slot in 0..<arenaUsed { larger[slot] = arena[slot] }
                            arena.deallocate()
                            arena = larger
                        }
                        for slot in 0..<kept { arena[arenaUsed + slot] = arena[base + slot] }
                        (list.start, list.room) = (Int32(arenaUsed), Int32(room))
                        arenaUsed += room
                    }
                    arena[Int(list.start) + kept] = CityEntry(end: end, position: Int32(position))
                    list.live = Int32(kept + 1)
                    cities[city] = list
                }
                for other in touched[..<touchedCount] where !sharesOrganiser(Int(other), position) {
                    add(Int(other), position, cities: shared[Int(other)])
                }
            }
            // Rule (a).
            var remaining = themes[position]
            while remaining != 0 {
                let theme = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                let list = theme * levelCount + Int(levels[position])
                var head = heads[list]
                while head < tails[list] && start - starts[Int(lists[head])] >= week { head += 1 }
                heads[list] = head
                for slot in head..<tails[list] {
                    let other = Int(lists[slot])
                    // Taken from the list of the first shared theme only, and not at all when found above.
                    guard (themes[other] & themes[position]).trailingZeroBitCount == theme, shared[other] == 0,
                        !sharesOrganiser(other, position)
                    else { continue }
                    add(other, position, cities: 0)
                }
                tails[list] += 1
            }
            for other in touched[..<touchedCount] { shared[Int(other)] = 0 }
            touchedCount = 0
        }
        found.append(chunk)
        return (found, lowCounts, highCounts)
    }

    /// Whether an organiser holds both; most events have one and few more than two, so a double loop is the
    /// quickest.
    @inline(__always)
    private func sharesOrganiser(_ a: Int, _ b: Int) -> Bool {
        for i in organiserSpans[a] {
            for j in organiserSpans[b] where organisers[i] == organisers[j] { return true }
        }
        return false
    }

    /// The pairs sorted by (lower rank, higher rank), that is by (first, second), each as one word, its
    /// higher rank above its shared cities; and where each lower rank's pairs end.
    ///
    /// Sorted by the higher rank and then, stably, by the lower, each time placed by counting: linear, where
    /// comparing would take long for the few dozen pairs of each event, which come in an order the processor
    /// cannot guess (sorting each event's pairs took longer than both passes together). Between the passes
    /// each pair is its lower rank above its cities.
    private func sorted(_ pairs: (found: [[Found]], lowCounts: [Int32], highCounts: [Int32])) -> (
        partners: [UInt64], groupEnds: [Int32]
    ) {
        let total = pairs.found.reduce(0) { $0 + $1.count }
        // Slots as 4-byte numbers, so that the counters of 100,000 ranks stay in the processor's cache.
        precondition(total < Int32.max, "too many competing pairs")
        func firstSlots(_ counts: [Int32]) -> [Int32] {
            var slots = [Int32](repeating: 0, count: counts.count)
            for rank in counts.indices.dropFirst() { slots[rank] = slots[rank - 1] + counts[rank - 1] }
            return slots
        }
        var next = firstSlots(pairs.highCounts)
        let byHigh = [UInt64](unsafeUninitializedCapacity: total) { buffer, initialized in
            for pair in pairs.found.joined() {
                buffer.initializeElement(
                    at: Int(next[Int(pair.high)]), to: UInt64(pair.low) << 32 | UInt64(UInt32(bitPattern: pair.cities)))
                next[Int(pair.high)] += 1
            }
            initialized = total
        }
        // Each rank's count has been added to its first slot: `next` holds where each rank's pairs end.
        let highEnds = next
        next = firstSlots(pairs.lowCounts)
        let partners = [UInt64](unsafeUninitializedCapacity: total) { buffer, initialized in
            var groupStart = 0
            for (high, groupEnd) in highEnds.enumerated() {
                for slot in groupStart..<Int(groupEnd) {
                    let word = byHigh[slot]
                    let low = Int(word >> 32)
                    buffer.initializeElement(at: Int(next[low]), to: UInt64(high) << 32 | (word & 0xFFFF_FFFF))
                    next[low] += 1
                }
                groupStart = Int(groupEnd)
            }
            initialized = total
        }
        return (partners, next)
    }

    /// What the score and the reasons of a pair read of an event, together, so that each pair's other event
    /// is one read of memory.
    struct Summary {
        var id: Int
        var start: Double
        var end: Double
        var themes: UInt32
        var audience: Int32
        var level: Int8
    }

    /// The competition of two events that the sweep found to compete, sharing `cities` while both under way,
    /// `a` of the lower id: the reasons and the score by the same expressions as the plain comparison.
    @inline(__always)
    private func competition(_ a: Summary, _ b: Summary, cities: Int32) -> Competition {
        let sharedThemes = a.themes & b.themes
        let gap = abs(a.start - b.start)
        let sameThemeWithinWeek = sharedThemes != 0 && a.level == b.level && gap < EventCompetition.week
        let themeScore =
            sameThemeWithinWeek
            ? EventCompetition.themeScore(
                shared: sharedThemes.nonzeroBitCount, union: (a.themes | b.themes).nonzeroBitCount, gap: gap) : 0
        let audienceScore =
            cities > 0
            ? EventCompetition.audienceScore(
                overlap: min(a.end, b.end) - max(a.start, b.start), shorter: min(a.end - a.start, b.end - b.start),
                shared: Int(cities), smaller: Int(min(a.audience, b.audience))) : 0
        return Competition(
            first: a.id, second: b.id, score: EventCompetition.score(themeScore, audienceScore),
            sharedThemes: ThemeSet(rawValue: sharedThemes), sharedCities: Int(cities),
            sameThemeWithinWeek: sameThemeWithinWeek, overlapsWithSharedCities: cities > 0)
    }
}

extension EventLevel {
    /// Its place in `allCases`, for the sweep's theme lists.
    fileprivate var number: Int8 {
        switch self {
        case .political: 0
        case .senior: 1
        case .technical: 2
        }
    }
}
