import Foundation

/// One event as a calendar feed carries it.
public struct CalendarEvent: Sendable, Equatable {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
        case tentative = "TENTATIVE"
    }

    /// Stable across edits ("event-12@cityweave"), so that a subscribed calendar updates the event it already has
    /// rather than adding a second one.
    public var uid: String
    /// Raised on every change; calendars ignore an update whose sequence is not higher than the one they hold.
    /// A negative one is written as 0, the least RFC 5545 allows.
    public var sequence: Int
    public var start: Date
    public var end: Date
    /// The IANA zone the organiser gave. Start and end are written as wall times in it, so that a calendar in
    /// another zone still knows the event is "10:00 in Paris" and follows a change in Paris's rules. "UTC", an
    /// alias of it, or an identifier Foundation does not know, writes the instants in UTC.
    public var timeZone: String
    public var summary: String
    /// Plain text; newlines are kept.
    public var description: String
    public var location: String?
    public var url: String?
    public var status: Status
    /// The organiser's name. It is written as CONTACT, not ORGANIZER: ORGANIZER must be a calendar address
    /// (a `mailto:` URI) that replies go to, and a published feed neither has nor wants one, while CONTACT is the
    /// plain-text "who to ask" that calendars show.
    public var organizer: String?
    public var categories: [String]
    public var created: Date
    public var lastModified: Date

    public init(
        uid: String, sequence: Int = 0, start: Date, end: Date, timeZone: String, summary: String,
        description: String = "", location: String? = nil, url: String? = nil, status: Status = .confirmed,
        organizer: String? = nil, categories: [String] = [], created: Date, lastModified: Date
    ) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
        self.organizer = organizer
        self.categories = categories
        self.created = created
        self.lastModified = lastModified
    }
}

/// A calendar feed (RFC 5545) that calendar applications subscribe to.
///
/// Events keep their organiser's zone: each zone used gets a VTIMEZONE built from Foundation's time-zone
/// database, listing every change of offset from a year before its first event to a year after its last, so
/// that a calendar need not know the zone's name to place the events right.
public struct ICalendar: Sendable {
    /// "-//Cityweave//Events//EN"
    public var productID: String
    /// Written as NAME (RFC 7986) and as X-WR-CALNAME, the older name Apple's and Google's calendars read.
    public var name: String?
    public var events: [CalendarEvent]

    public init(productID: String, name: String?, events: [CalendarEvent]) {
        self.productID = productID
        self.name = name
        self.events = events
    }

    /// The whole VCALENDAR, lines ending CRLF, folded at 75 octets. `stamp` is every VEVENT's DTSTAMP: when this
    /// copy of the feed was made, which is not when the event changed.
    public func text(stamp: Date) -> String {
        var zones: [String: ZoneTable] = [:]
        var zoneOrder: [String] = []
        let eventZones = resolvedZones(into: &zones, order: &zoneOrder)

        var out = ContentLines()
        out.reserve(512 + zones.count * 1024 + events.count * 640)
        out.append("BEGIN:VCALENDAR")
        out.append("VERSION:2.0")
        out.append("PRODID:" + Self.escapedText(productID))
        out.append("CALSCALE:GREGORIAN")
        out.append("METHOD:PUBLISH")
        if let name {
            out.append("NAME:" + Self.escapedText(name))
            out.append("X-WR-CALNAME:" + Self.escapedText(name))
        }
        for identifier in zoneOrder {
            if let table = zones[identifier] { table.write(to: &out) }
        }
        let dtstamp = Self.utcText(CivilCalendar.wholeSeconds(stamp))
        for (event, identifier) in zip(events, eventZones) {
            let table = identifier.flatMap { zones[$0] }
            out.append("BEGIN:VEVENT")
            out.append("UID:" + Self.escapedText(event.uid))
            out.append("DTSTAMP:" + dtstamp)
            out.append(Self.dateTimeProperty("DTSTART", event.start, table))
            out.append(Self.dateTimeProperty("DTEND", event.end, table))
            out.append("SEQUENCE:" + String(max(0, event.sequence)))
            out.append("STATUS:" + event.status.rawValue)
            out.append("SUMMARY:" + Self.escapedText(event.summary))
            if !event.description.isEmpty { out.append("DESCRIPTION:" + Self.escapedText(event.description)) }
            if let location = event.location, !location.isEmpty {
                out.append("LOCATION:" + Self.escapedText(location))
            }
            if let url = event.url.map(Self.uriText), !url.isEmpty { out.append("URL:" + url) }
            if let organizer = event.organizer?.trimmingCharacters(in: .whitespacesAndNewlines), !organizer.isEmpty {
                out.append("CONTACT:" + Self.escapedText(organizer))
            }
            let categories = event.categories.filter { !$0.isEmpty }
            if !categories.isEmpty {
                out.append("CATEGORIES:" + categories.map(Self.escapedText).joined(separator: ","))
            }
            out.append("CREATED:" + Self.utcText(CivilCalendar.wholeSeconds(event.created)))
            out.append("LAST-MODIFIED:" + Self.utcText(CivilCalendar.wholeSeconds(event.lastModified)))
            out.append("END:VEVENT")
        }
        out.append("END:VCALENDAR")
        return out.text
    }

    /// Each event's zone identifier (nil for UTC), with one table per zone covering all its events. Zone names are
    /// looked up once each, since `TimeZone(identifier:)` is far slower than the writing itself.
    private func resolvedZones(into zones: inout [String: ZoneTable], order: inout [String]) -> [String?] {
        var lookedUp: [String: TimeZone?] = [:]
        var spans: [String: (zone: TimeZone, first: Int, last: Int)] = [:]
        var result: [String?] = []
        result.reserveCapacity(events.count)
        for event in events {
            let zone: TimeZone?
            if let known = lookedUp[event.timeZone] {
                zone = known
            } else {
                zone = Self.namedZone(event.timeZone)
                lookedUp[event.timeZone] = zone
            }
            guard let zone else {
                result.append(nil)
                continue
            }
            let start = CivilCalendar.wholeSeconds(event.start)
            let end = CivilCalendar.wholeSeconds(event.end)
            let identifier = zone.identifier
            if let span = spans[identifier] {
                spans[identifier] = (zone, min(span.first, start, end), max(span.last, start, end))
            } else {
                spans[identifier] = (zone, min(start, end), max(start, end))
                order.append(identifier)
            }
            result.append(identifier)
        }
        let year = 366 * 86_400
        for (identifier, span) in spans {
            zones[identifier] = ZoneTable(zone: span.zone, from: span.first - year, to: span.last + year)
        }
        return result
    }

    /// Names calendars treat as UTC itself; these are written with "Z" and need no VTIMEZONE. Zones that merely
    /// sit at offset zero (Africa/Abidjan, Europe/London in winter) keep their name.
    static let utcNames: Set<String> = [
        "UTC", "GMT", "UCT", "Zulu", "Universal", "Greenwich", "GMT0", "GMT+0", "GMT-0", "Etc/UTC", "Etc/GMT",
        "Etc/UCT", "Etc/Zulu", "Etc/Universal", "Etc/Greenwich", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0",
    ]

    /// The zone an event is written in, or nil to write it in UTC.
    static func namedZone(_ identifier: String) -> TimeZone? {
        guard !utcNames.contains(identifier), let zone = TimeZone(identifier: identifier),
            !utcNames.contains(zone.identifier)
        else { return nil }
        return zone
    }

    /// DTSTART or DTEND: the wall time with TZID, or the UTC form when there is no zone.
    ///
    /// The second pass through a repeated hour is also written in UTC: RFC 5545 (3.3.5) reads a repeated wall
    /// time as its first occurrence, so "02:30 with TZID=Europe/Paris" cannot name the 02:30 after the clocks
    /// went back, and writing it that way would move the event an hour early.
    static func dateTimeProperty(_ name: String, _ date: Date, _ table: ZoneTable?) -> String {
        let seconds = CivilCalendar.wholeSeconds(date)
        guard let table, !table.isLaterOccurrence(seconds) else { return name + ":" + utcText(seconds) }
        return name + ";TZID=" + table.parameter + ":" + localText(seconds + table.offset(at: seconds))
    }

    // MARK: - Values

    /// TEXT as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma escaped with a backslash, any line break
    /// (LF, CR LF or a lone CR) as `\n`, tab kept, and every other control character dropped, since the format
    /// has no way to carry them and they are never meant.
    static func escapedText(_ text: String) -> String {
        // Every character that changes is ASCII, so the work is done on UTF-8 bytes, which leaves the others
        // whole and is many times faster than rebuilding the text a character at a time. Most values need
        // nothing done at all, and are returned as they are.
        let needsWork = text.utf8.contains { byte in
            byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ";")
                || byte == UInt8(ascii: ",")
        }
        guard needsWork else { return text }
        let backslash = UInt8(ascii: "\\")
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var afterCarriageReturn = false
        for byte in text.utf8 {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case backslash, UInt8(ascii: ";"), UInt8(ascii: ","):
                result.append(backslash)
                result.append(byte)
            case 0x0A, 0x0D:
                result.append(backslash)
                result.append(UInt8(ascii: "n"))
                afterCarriageReturn = byte == 0x0D
            case 0x09: result.append(byte)
            case 0..<0x20, 0x7F: continue
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A URI value is not TEXT and takes no escapes; control characters are dropped so that a line break in a
    /// stored address cannot start a property of its own.
    static func uriText(_ uri: String) -> String {
        String(String.UnicodeScalarView(uri.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// A parameter value, quoted when it holds a character that would end it; quotes themselves cannot be
    /// carried and are dropped. IANA zone names never need either.
    static func parameterValue(_ value: String) -> String {
        let scalars = value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" }
        let kept = String(String.UnicodeScalarView(scalars))
        return kept.contains(where: { $0 == ";" || $0 == ":" || $0 == "," }) ? "\"" + kept + "\"" : kept
    }

    /// "20270328T100000Z"
    static func utcText(_ seconds: Int) -> String { localText(seconds) + "Z" }

    /// "20270328T100000": the wall time of `seconds` already shifted by the zone's offset.
    static func localText(_ seconds: Int) -> String {
        let days = CivilCalendar.floorDivide(seconds, 86_400)
        let date = CivilCalendar.date(days: days)
        let secondOfDay = seconds - days * 86_400
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value.magnitude
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            for _ in 0..<width {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / UInt(divisor) % 10))
                rest %= UInt(divisor)
                divisor /= 10
            }
        }
        put(date.year, 4)
        put(date.month, 2)
        put(date.day, 2)
        bytes.append(UInt8(ascii: "T"))
        put(secondOfDay / 3600, 2)
        put(secondOfDay % 3600 / 60, 2)
        put(secondOfDay % 60, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "+0100", "-0330"; seconds ("+001521") only when there are some, as RFC 5545's UTC-OFFSET allows.
    static func offsetText(_ seconds: Int) -> String {
        let magnitude = Int(seconds.magnitude % 1_000_000)
        var result = seconds < 0 ? "-" : "+"
        result += CivilCalendar.padded(magnitude / 3600, width: 2)
        result += CivilCalendar.padded(magnitude % 3600 / 60, width: 2)
        if magnitude % 60 != 0 { result += CivilCalendar.padded(magnitude % 60, width: 2) }
        return result
    }

    /// One content line folded as RFC 5545 (3.1) asks, with its CRLF: no physical line longer than 75 octets,
    /// each continuation starting with a space, and never a break inside a UTF-8 sequence.
    static func folded(_ line: String) -> String {
        var lines = ContentLines()
        lines.append(line)
        return lines.text
    }
}

/// The content lines of a calendar, gathered as UTF-8 bytes: folding counts octets, and bytes make that exact
/// and cheap.
struct ContentLines {
    private var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func append(_ line: String) {
        var line = line
        line.withUTF8 { buffer in
            var start = 0
            var room = 75
            while buffer.count - start > room {
                var end = start + room
                // Back up to the first byte of the character that would be cut; no UTF-8 sequence is longer than
                // four bytes, so there is always room for at least one whole character.
                while buffer[end] & 0xC0 == 0x80 { end -= 1 }
                bytes.append(contentsOf: buffer[start..<end])
                bytes.append(contentsOf: [13, 10, 32])
                start = end
                room = 74
            }
            bytes.append(contentsOf: buffer[start...])
            bytes.append(contentsOf: [13, 10])
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A zone's offsets over a span of time, read once from Foundation for a whole feed: the VTIMEZONE is written
/// from it and every event's wall time is computed from it, so the two cannot disagree.
struct ZoneTable {
    struct Transition {
        var at: Int
        var from: Int
        var to: Int
        var isDaylight: Bool
        var name: String?
    }

    let identifier: String
    /// The identifier as DTSTART's and DTEND's TZID parameter writes it.
    let parameter: String
    let spanStart: Int
    let initialOffset: Int
    let initialIsDaylight: Bool
    let initialName: String?
    let transitions: [Transition]
    private let zone: TimeZone
    /// Where the walk through the transitions stopped; past it offsets come from Foundation directly.
    private let coveredUntil: Int

    /// Enough for two changes a year over two thousand years; a feed with events further apart than that has
    /// wrong dates, and is still written, with only the first span's changes in its VTIMEZONE.
    private static let maximumTransitions = 4000

    init(zone: TimeZone, from start: Int, to end: Int) {
        self.zone = zone
        identifier = zone.identifier
        parameter = ICalendar.parameterValue(zone.identifier)
        spanStart = start
        let startDate = LocalTime.date(start)
        initialOffset = zone.secondsFromGMT(for: startDate)
        initialIsDaylight = zone.isDaylightSavingTime(for: startDate)
        initialName = zone.abbreviation(for: startDate)
        var found: [Transition] = []
        var cursor = startDate
        let limit = LocalTime.date(end)
        var covered = end
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor, next <= limit {
            if found.count == Self.maximumTransitions {
                covered = CivilCalendar.wholeSeconds(cursor)
                break
            }
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: next)
            let isDaylight = zone.isDaylightSavingTime(for: next)
            if before != after || isDaylight != zone.isDaylightSavingTime(for: next.addingTimeInterval(-1)) {
                found.append(
                    Transition(
                        at: CivilCalendar.wholeSeconds(next), from: before, to: after, isDaylight: isDaylight,
                        name: zone.abbreviation(for: next)))
            }
            cursor = next
        }
        transitions = found
        coveredUntil = covered
    }

    /// The index of the last transition at or before `seconds`, if any.
    private func lastTransition(atOrBefore seconds: Int) -> Int? {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].at <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    func offset(at seconds: Int) -> Int {
        guard seconds >= spanStart, seconds <= coveredUntil else {
            return zone.secondsFromGMT(for: LocalTime.date(seconds))
        }
        return lastTransition(atOrBefore: seconds).map { transitions[$0].to } ?? initialOffset
    }

    /// Whether `seconds` falls in the second pass through wall times the clocks went back over.
    func isLaterOccurrence(_ seconds: Int) -> Bool {
        guard seconds <= coveredUntil, let index = lastTransition(atOrBefore: seconds) else { return false }
        let transition = transitions[index]
        return transition.from > transition.to && seconds < transition.at + (transition.from - transition.to)
    }

    /// The VTIMEZONE. Each observance's DTSTART is the wall time at which it begins, in the offset in force
    /// before it (RFC 5545 3.6.5). The first one gives the offset at the span's start, so that every instant in
    /// the span is covered; a zone that never changes gets a single observance from 1970, as is usual.
    func write(to out: inout ContentLines) {
        out.append("BEGIN:VTIMEZONE")
        out.append("TZID:" + ICalendar.escapedText(identifier))
        if transitions.isEmpty {
            observance(
                isDaylight: false, start: "19700101T000000", from: initialOffset, to: initialOffset, initialName, &out)
        } else {
            observance(
                isDaylight: initialIsDaylight, start: ICalendar.localText(spanStart + initialOffset),
                from: initialOffset, to: initialOffset, initialName, &out)
            for transition in transitions {
                observance(
                    isDaylight: transition.isDaylight, start: ICalendar.localText(transition.at + transition.from),
                    from: transition.from, to: transition.to, transition.name, &out)
            }
        }
        out.append("END:VTIMEZONE")
    }

    private func observance(
        isDaylight: Bool, start: String, from: Int, to: Int, _ name: String?, _ out: inout ContentLines
    ) {
        let kind = isDaylight ? "DAYLIGHT" : "STANDARD"
        out.append("BEGIN:" + kind)
        out.append("DTSTART:" + start)
        out.append("TZOFFSETFROM:" + ICalendar.offsetText(from))
        out.append("TZOFFSETTO:" + ICalendar.offsetText(to))
        if let name, !name.isEmpty { out.append("TZNAME:" + ICalendar.escapedText(name)) }
        out.append("END:" + kind)
    }
}
