import Foundation

/// A wall-clock time as an organiser types it ("2027-10-31T02:30") in a zone.
///
/// Organisers think in the clock on the wall of the city that hosts an event, not in instants, and a wall time
/// does not always name exactly one instant: when the clocks jump forward some times never happen, and when they
/// go back some happen twice. Keeping the wall time apart from the instant lets `resolve(in:)` say which of the
/// three it is, so that a form can ask the organiser instead of silently moving the event by an hour.
///
/// The fields are read arithmetically, as `Calendar` does: a month of 13 is January of the next year. The
/// initialisers that take text or numbers only ever make values in range.
public struct LocalTime: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    /// A wall time from its parts, or nil when the date does not exist (2027-02-29) or the time is out of range.
    /// Years run from 1 to 9999, the ones four digits can write.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Reads "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD HH:MM", the forms an HTML `datetime-local` field and a person send.
    /// Seconds may follow as ":00", which some browsers add; other seconds are refused rather than dropped, since
    /// an event time with seconds is more likely a mistake than a wish. Surrounding white space is ignored.
    /// Only ASCII digits count, so that a lookalike digit from another script cannot slip a different number in.
    public init?(parsing text: String) {
        let bytes = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard bytes.count == 16 || bytes.count == 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16)
        else { return nil }
        if bytes.count == 19 {
            guard bytes[16] == UInt8(ascii: ":"), number(17..<19) == 0 else { return nil }
        }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// The wall time a clock in `zone` shows at `instant`, to the minute (seconds are dropped, not rounded, so
    /// that the minute shown is the one the instant falls in).
    public init(_ instant: Date, in zone: TimeZone) {
        let local = CivilCalendar.wholeSeconds(instant) + zone.secondsFromGMT(for: instant)
        let days = CivilCalendar.floorDivide(local, 86_400)
        let date = CivilCalendar.date(days: days)
        let secondOfDay = local - days * 86_400
        year = date.year
        month = date.month
        day = date.day
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
    }

    /// "2027-10-31T02:30", the form `init(parsing:)` reads and `datetime-local` fields show.
    public var text: String {
        var result = CivilCalendar.padded(year, width: 4)
        result += "-" + CivilCalendar.padded(month, width: 2) + "-" + CivilCalendar.padded(day, width: 2)
        result += "T" + CivilCalendar.padded(hour, width: 2) + ":" + CivilCalendar.padded(minute, width: 2)
        return result
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute)
    }

    /// The wall time read as if it were UTC, in seconds since 1970. Fields are clamped first so that a value set
    /// by hand to something absurd resolves to nonsense rather than trapping on overflow.
    var naiveSeconds: Int {
        let bound = 1_000_000
        func clamped(_ value: Int) -> Int { min(max(value, -bound), bound) }
        let days = CivilCalendar.days(year: clamped(year), month: clamped(month), day: clamped(day))
        return days * 86_400 + clamped(hour) * 3600 + clamped(minute) * 60
    }
}

/// What a wall time means in a zone.
public enum LocalTimeResolution: Sendable, Equatable {
    case exact(Date)
    /// The time does not exist (clocks jump forward over it); `offsetBefore` and `offsetAfter` are the UTC offsets in
    /// seconds around the gap, so that a form can say "clocks go from +01:00 to +02:00 that night".
    case skipped(offsetBefore: Int, offsetAfter: Int)
    /// The time happens twice (clocks go back); the earlier instant first (usually the daylight-time one), then the
    /// later.
    case repeated(earlier: Date, later: Date)
}

extension LocalTime {
    /// The instants this wall time names in `zone`.
    ///
    /// Every UTC offset the zone uses within a day either side is tried: the wall time minus the offset is a
    /// candidate, and it is kept when the zone really uses that offset at that instant. No candidate means a gap,
    /// one means an ordinary time, two a fold. Trying offsets rather than asking `Calendar` keeps the answer
    /// explicit: `Calendar` quietly moves a skipped time forward and picks one side of a fold.
    public func resolve(in zone: TimeZone) -> LocalTimeResolution {
        let naive = naiveSeconds
        // Offsets lie within ±14 hours and no zone has moved its clock by more than a day, so a window of 26 hours
        // either side holds every offset a candidate instant can have.
        let window = 26 * 3600
        let transitions = Self.transitions(in: zone, from: naive - window, to: naive + window)
        var offsets = [naive - window, naive, naive + window].map { zone.secondsFromGMT(for: Self.date($0)) }
        for transition in transitions {
            offsets.append(transition.before)
            offsets.append(transition.after)
        }
        var instants: [Int] = []
        for offset in Set(offsets) {
            let candidate = naive - offset
            if zone.secondsFromGMT(for: Self.date(candidate)) == offset { instants.append(candidate) }
        }
        instants.sort()
        if let earlier = instants.first, let later = instants.last {
            if earlier == later { return .exact(Self.date(earlier)) }
            return .repeated(earlier: Self.date(earlier), later: Self.date(later))
        }
        // A gap: the transition whose forward jump the wall time falls in names the offsets either side.
        for transition in transitions
        where transition.after > transition.before && transition.at + transition.before <= naive
            && naive < transition.at + transition.after
        {
            return .skipped(offsetBefore: transition.before, offsetAfter: transition.after)
        }
        return .skipped(offsetBefore: offsets[0], offsetAfter: offsets[2])
    }

    /// Resolves with a chosen UTC offset in seconds (for a repeated time the organiser says which one is meant);
    /// nil when the offset is not one the zone uses at that wall time, so a stale choice is caught rather than
    /// giving an instant the zone's clocks never showed.
    public func instant(in zone: TimeZone, offset: Int) -> Date? {
        // No zone is more than a day from UTC; the bound also keeps the subtraction from overflowing.
        guard (-86_400...86_400).contains(offset) else { return nil }
        let candidate = naiveSeconds - offset
        return zone.secondsFromGMT(for: Self.date(candidate)) == offset ? Self.date(candidate) : nil
    }

    /// The zone's changes of offset in `start..<end` (seconds since 1970), with the offsets either side.
    static func transitions(in zone: TimeZone, from start: Int, to end: Int) -> [(at: Int, before: Int, after: Int)] {
        var result: [(at: Int, before: Int, after: Int)] = []
        var cursor = date(start)
        let limit = date(end)
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor, next < limit {
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: next)
            if before != after { result.append((CivilCalendar.wholeSeconds(next), before, after)) }
            cursor = next
        }
        return result
    }

    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}

/// "+02:00" ⇄ seconds east of UTC, the form offsets take in ISO 8601 and in the choices a form offers for a
/// repeated time.
public enum UTCOffsetText {
    /// "+02:00", "-03:30", "+00:00"; seconds are added ("+00:09:21") only when there are some, as in old local
    /// mean times, so that the text always gives back the exact offset.
    public static func text(_ seconds: Int) -> String {
        let magnitude = Int(seconds.magnitude % 1_000_000)
        var result = seconds < 0 ? "-" : "+"
        result += CivilCalendar.padded(magnitude / 3600, width: 2) + ":"
        result += CivilCalendar.padded(magnitude % 3600 / 60, width: 2)
        if magnitude % 60 != 0 { result += ":" + CivilCalendar.padded(magnitude % 60, width: 2) }
        return result
    }

    /// Reads "+02:00", "-0330", "+05", "+00:09:21" or "Z". The sign is required, because "02:00" on its own is
    /// more often a time than an offset; "−" (U+2212, what typeset text uses) counts as minus. Offsets beyond
    /// ±18 hours, the most any zone or `TimeZone(secondsFromGMT:)` allows, are refused.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "Z" || trimmed == "z" { return 0 }
        guard let signCharacter = trimmed.unicodeScalars.first else { return nil }
        let sign: Int
        switch signCharacter {
        case "+": sign = 1
        case "-", "\u{2212}": sign = -1
        default: return nil
        }
        // Either "HH", "HH:MM" and "HH:MM:SS", or the same digits with no colons; not a mixture.
        let rest = Array(trimmed.unicodeScalars.dropFirst())
        let parts = rest.contains(":") ? rest.split(separator: ":", omittingEmptySubsequences: false) : [rest[...]]
        var groups: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count % 2 == 0, parts.count == 1 || part.count == 2 else { return nil }
            var index = part.startIndex
            while index < part.endIndex {
                guard let high = digit(part[index]), let low = digit(part[index + 1]) else { return nil }
                groups.append(high * 10 + low)
                index += 2
            }
        }
        guard (1...3).contains(groups.count) else { return nil }
        let minutes = groups.count > 1 ? groups[1] : 0
        let seconds = groups.count > 2 ? groups[2] : 0
        guard minutes < 60, seconds < 60 else { return nil }
        let total = groups[0] * 3600 + minutes * 60 + seconds
        guard total <= 18 * 3600 else { return nil }
        return sign * total
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        (48...57).contains(scalar.value) ? Int(scalar.value) - 48 : nil
    }
}

/// Proleptic Gregorian calendar arithmetic on whole seconds since 1970, shared by the wall times here and the
/// iCalendar writer. Plain arithmetic is used rather than `Calendar` or `DateFormatter` because a feed formats
/// thousands of times and both of those are slow, and because the zone's offset is already known.
enum CivilCalendar {
    /// Days from 1970-01-01 to the given date. The year is counted from March, so that the leap day is the last
    /// day of a year and the month lengths before it never depend on the year; 400 years make a whole cycle of
    /// 146,097 days. A month or day outside its range carries into the next one.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let fullYear = year + floorDivide(month - 1, 12)
        let monthOfYear = month - 1 - floorDivide(month - 1, 12) * 12 + 1
        let marchYear = monthOfYear <= 2 ? fullYear - 1 : fullYear
        let cycle = floorDivide(marchYear, 400)
        let yearOfCycle = marchYear - cycle * 400
        let monthFromMarch = (monthOfYear + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468
    }

    /// The date `days` after 1970-01-01; the inverse of `days(year:month:day:)`.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let cycle = floorDivide(shifted, 146_097)
        let dayOfCycle = shifted - cycle * 146_097
        let yearOfCycle =
            (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whole seconds since 1970, rounded down. Dates beyond about three million years either side (and the
    /// infinite or undefined ones a `Date` can hold) are clamped, so that no input traps on conversion.
    static func wholeSeconds(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return seconds > 0 ? limit : -limit }
        return Int(min(max(seconds, Double(-limit)), Double(limit)).rounded(.down))
    }

    private static let limit = 100_000_000_000_000

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// `value` in decimal with leading zeros up to `width` digits; a minus sign goes before them.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
