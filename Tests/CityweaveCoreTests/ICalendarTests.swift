import CityweaveSyntheticData
import Foundation
import Testing

@testable import CityweaveCore

@Suite struct ICalendarTests {
    static let stamp = utc(2026, 6, 1, 12, 0)

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        let days = CivilCalendar.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60))
    }

    static func event(
        _ uid: String, start: Date, hours: Double = 2, zone: String, summary: String = "Forum",
        description: String = "", organizer: String? = nil, categories: [String] = []
    ) -> CalendarEvent {
        CalendarEvent(
            uid: uid, sequence: 1, start: start, end: start.addingTimeInterval(hours * 3600), timeZone: zone,
            summary: summary, description: description, location: nil, url: nil, status: .confirmed,
            organizer: organizer, categories: categories, created: utc(2026, 1, 1, 0, 0),
            lastModified: utc(2026, 2, 1, 0, 0))
    }

    static func feed(_ events: [CalendarEvent]) -> String {
        ICalendar(productID: "-//Cityweave//Events//EN", name: "Cityweave", events: events).text(stamp: stamp)
    }

    /// The logical lines of a calendar: folds undone, CRLFs removed.
    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    /// The physical lines of a text as bytes, split at CRLF, and whether the text ended in one.
    static func physicalLines(_ text: String) -> (lines: [[UInt8]], endsInCRLF: Bool) {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        return (lines, current.isEmpty && bytes.suffix(2) == [13, 10])
    }

    // MARK: - Folding and escaping

    @Test(arguments: [
        String(repeating: "مرحبا بالمدن ", count: 20),
        String(repeating: "城市外交论坛", count: 30),
        String(repeating: "🎉👩‍👩‍👧‍👦🇫🇷", count: 25),
        "Rencontre à Besançon: " + String(repeating: "é中🎉a", count: 40),
        String(repeating: "x", count: 300),
    ])
    func foldsAtSeventyFiveOctetsWithoutSplittingACharacter(text: String) {
        // Shift the text by a few octets so that the fold points land in every position within a character.
        for padding in 0..<5 {
            let line = "DESCRIPTION:" + String(repeating: "p", count: padding) + text
            let folded = ICalendar.folded(line)
            let (lines, endsInCRLF) = Self.physicalLines(folded)
            #expect(endsInCRLF)
            #expect(lines.count > 1)
            for (index, physical) in lines.enumerated() {
                #expect(physical.count <= 75)
                #expect(String(validating: physical, as: UTF8.self) != nil, "line \(index) splits a character")
                if index > 0 { #expect(physical.first == 32) }
            }
            // A fold gives up at most three octets of a line, to keep a character whole.
            for physical in lines.dropLast() { #expect(physical.count >= 72) }
            let rejoined = lines.enumerated().flatMap { $0.offset == 0 ? $0.element : Array($0.element.dropFirst()) }
            #expect(rejoined == Array(line.utf8))
            #expect(Self.unfolded(folded) == [line])
        }
    }

    @Test func foldsOnlyPastSeventyFiveOctets() {
        let exact = "SUMMARY:" + String(repeating: "a", count: 67)
        #expect(exact.utf8.count == 75)
        #expect(ICalendar.folded(exact) == exact + "\r\n")
        #expect(ICalendar.folded(exact + "b") == exact + "\r\n b\r\n")
        // "X:" and then three-octet characters: octet 75 is inside a character, so the first line stops at 74.
        // Continuations have a space and room for 24 such characters (73 octets), and the last takes the rest.
        let chinese = "X:" + String(repeating: "中", count: 60)
        let (lines, _) = Self.physicalLines(ICalendar.folded(chinese))
        #expect(lines.map(\.count) == [74, 73, 1 + 3 * (60 - 24 - 24)])
    }

    @Test func escapesTextAsRFC5545Asks() {
        #expect(ICalendar.escapedText("a,b;c\\d\ne\r\nf\rg\u{07}h\ti\u{7F}") == #"a\,b\;c\\d\ne\nf\ngh"# + "\ti")
        #expect(ICalendar.escapedText("Plain text, 東京") == #"Plain text\, 東京"#)
        let text = Self.feed([
            Self.event(
                "e1", start: Self.utc(2027, 5, 1, 8, 0), zone: "UTC", summary: "Water; heat, and \\ floods",
                description: "Agenda:\r\n1. Welcome\n2. Panels", categories: ["climate", "water, heat", ""])
        ])
        let lines = Self.unfolded(text)
        #expect(lines.contains(#"SUMMARY:Water\; heat\, and \\ floods"#))
        #expect(lines.contains(#"DESCRIPTION:Agenda:\n1. Welcome\n2. Panels"#))
        #expect(lines.contains(#"CATEGORIES:climate,water\, heat"#))
    }

    @Test func everyLineEndsInCRLF() {
        let text = Self.feed([
            Self.event(
                "e1", start: Self.utc(2027, 3, 28, 8, 0), zone: "Europe/Paris", description: "one\ntwo\r\nthree"),
            Self.event(
                "e2", start: Self.utc(2027, 3, 28, 8, 0), zone: "UTC", summary: String(repeating: "長", count: 60)),
        ])
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13) }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10) }
        }
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cityweave//Events//EN\r\n"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(Self.physicalLines(text).lines.allSatisfy { $0.count <= 75 })
    }

    // MARK: - Events

    @Test func writesTheEventProperties() throws {
        var event = Self.event(
            "event-12@cityweave", start: Self.utc(2027, 3, 28, 8, 0), zone: "Europe/Paris", description: "Agenda",
            organizer: "Eurocities", categories: ["climate"])
        event.location = "Hôtel de Ville, Paris"
        event.url = "https://cityweave.example/events/12?a=1,2\n"
        event.status = .tentative
        let lines = Self.unfolded(Self.feed([event]))
        let start = try #require(lines.firstIndex(of: "BEGIN:VEVENT"))
        #expect(
            Array(lines[start...].prefix(16)) == [
                "BEGIN:VEVENT", "UID:event-12@cityweave", "DTSTAMP:20260601T120000Z",
                "DTSTART;TZID=Europe/Paris:20270328T100000", "DTEND;TZID=Europe/Paris:20270328T120000", "SEQUENCE:1",
                "STATUS:TENTATIVE", "SUMMARY:Forum", "DESCRIPTION:Agenda", #"LOCATION:Hôtel de Ville\, Paris"#,
                "URL:https://cityweave.example/events/12?a=1,2", "CONTACT:Eurocities", "CATEGORIES:climate",
                "CREATED:20260101T000000Z", "LAST-MODIFIED:20260201T000000Z", "END:VEVENT",
            ])
        #expect(!lines.contains { $0.hasPrefix("ORGANIZER") })
        #expect(lines.contains("CALSCALE:GREGORIAN") && lines.contains("METHOD:PUBLISH"))
        #expect(lines.contains("NAME:Cityweave") && lines.contains("X-WR-CALNAME:Cityweave"))
    }

    @Test func leavesOutWhatIsNotThere() {
        let lines = Self.unfolded(Self.feed([Self.event("e1", start: Self.utc(2027, 1, 1, 8, 0), zone: "UTC")]))
        for name in ["DESCRIPTION", "LOCATION", "URL", "CONTACT", "CATEGORIES", "ORGANIZER"] {
            #expect(!lines.contains { $0.hasPrefix(name + ":") }, "\(name)")
        }
    }

    @Test(arguments: ["UTC", "Etc/UTC", "GMT", "", "Not/AZone"])
    func writesUTCAndUnknownZonesWithZ(zone: String) {
        let lines = Self.unfolded(Self.feed([Self.event("e1", start: Self.utc(2027, 3, 28, 10, 0), zone: zone)]))
        #expect(lines.contains("DTSTART:20270328T100000Z"))
        #expect(lines.contains("DTEND:20270328T120000Z"))
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
    }

    @Test func writesTheSecondPassThroughARepeatedHourInUTC() {
        // 01:30Z on 31 October 2027 is 02:30 in Paris for the second time; with TZID it would read as 00:30Z.
        let lines = Self.unfolded(
            Self.feed([
                Self.event("first", start: Self.utc(2027, 10, 31, 0, 30), hours: 0.25, zone: "Europe/Paris"),
                Self.event("second", start: Self.utc(2027, 10, 31, 1, 30), hours: 0.5, zone: "Europe/Paris"),
            ]))
        #expect(lines.contains("DTSTART;TZID=Europe/Paris:20271031T023000"))
        #expect(lines.contains("DTEND;TZID=Europe/Paris:20271031T024500"))
        #expect(lines.contains("DTSTART:20271031T013000Z"))
        // 03:00 after the change happens once, so the end keeps its zone.
        #expect(lines.contains("DTEND;TZID=Europe/Paris:20271031T030000"))
        let events = lines.drop { $0 != "BEGIN:VEVENT" }
        #expect(events.filter { $0.hasPrefix("DTSTART") || $0.hasPrefix("DTEND") }.count == 4)
    }

    // MARK: - VTIMEZONE

    struct Observance: Equatable {
        var kind: String
        var start: String
        var from: Int
        var to: Int
    }

    /// The observances of each VTIMEZONE in a calendar, by TZID.
    static func observances(_ text: String) -> [String: [Observance]] {
        var result: [String: [Observance]] = [:]
        var zone: String?
        var current: Observance?
        for line in unfolded(text) {
            if line.hasPrefix("TZID:") {
                zone = String(line.dropFirst(5))
            } else if line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT" {
                current = Observance(kind: String(line.dropFirst(6)), start: "", from: 0, to: 0)
            } else if line.hasPrefix("DTSTART:"), current != nil {
                current?.start = String(line.dropFirst(8))
            } else if line.hasPrefix("TZOFFSETFROM:") {
                current?.from = offset(line.dropFirst(13)) ?? .min
            } else if line.hasPrefix("TZOFFSETTO:") {
                current?.to = offset(line.dropFirst(11)) ?? .min
            } else if line == "END:STANDARD" || line == "END:DAYLIGHT", let zone, let finished = current {
                result[zone, default: []].append(finished)
                current = nil
            }
        }
        return result
    }

    /// "+0100", "-0330", "+013045" in seconds.
    static func offset(_ text: Substring) -> Int? {
        let digits = text.dropFirst().compactMap(\.wholeNumberValue)
        guard digits.count == 4 || digits.count == 6, text.first == "+" || text.first == "-" else { return nil }
        var seconds = (digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60
        if digits.count == 6 { seconds += digits[4] * 10 + digits[5] }
        return text.first == "-" ? -seconds : seconds
    }

    /// "20270328T020000" read as if it were UTC, in seconds.
    static func wallSeconds(_ text: String) -> Int? {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == 15, digits.count == 14 else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        let days = CivilCalendar.days(year: number(0..<4), month: number(4..<6), day: number(6..<8))
        return days * 86_400 + number(8..<10) * 3600 + number(10..<12) * 60 + number(12..<14)
    }

    @Test func parisChangesAtTheRightTimes() {
        let text = Self.feed([Self.event("e1", start: Self.utc(2027, 6, 1, 8, 0), zone: "Europe/Paris")])
        let paris = Self.observances(text)["Europe/Paris"] ?? []
        #expect(paris.contains(Observance(kind: "DAYLIGHT", start: "20270328T020000", from: 3600, to: 7200)))
        #expect(paris.contains(Observance(kind: "STANDARD", start: "20271031T030000", from: 7200, to: 3600)))
        // A year either side of the event (June 2026 to June 2028), and no further.
        let starts = paris.map(\.start)
        #expect(starts.contains("20261025T030000") && starts.contains("20280326T020000"))
        #expect(!starts.contains("20260329T020000") && !starts.contains("20281029T030000"))
        #expect(paris.count == 1 + 4)
        // The first observance gives the offset at the span's start, changing nothing.
        #expect(paris.first?.from == paris.first?.to)
        #expect(Self.unfolded(text).filter { $0 == "TZID:Europe/Paris" }.count == 1)
    }

    @Test func zonesWithoutChangesHaveOneObservance() {
        let text = Self.feed([
            Self.event("tokyo", start: Self.utc(2027, 6, 1, 1, 0), zone: "Asia/Tokyo"),
            Self.event("kolkata", start: Self.utc(2027, 6, 1, 4, 30), zone: "Asia/Kolkata"),
        ])
        let zones = Self.observances(text)
        let tokyo = Observance(kind: "STANDARD", start: "19700101T000000", from: 32_400, to: 32_400)
        let kolkata = Observance(kind: "STANDARD", start: "19700101T000000", from: 19_800, to: 19_800)
        #expect(zones["Asia/Tokyo"] == [tokyo])
        #expect(zones["Asia/Kolkata"] == [kolkata])
        let lines = Self.unfolded(text)
        #expect(lines.contains("TZOFFSETTO:+0530"))
        #expect(lines.contains("DTSTART;TZID=Asia/Tokyo:20270601T100000"))
        #expect(lines.contains("DTSTART;TZID=Asia/Kolkata:20270601T100000"))
    }

    @Test func halfHourZonesWithDaylightTime() {
        let text = Self.feed([Self.event("e1", start: Self.utc(2027, 7, 1, 12, 30), zone: "America/St_Johns")])
        let stJohns = Self.observances(text)["America/St_Johns"] ?? []
        // Newfoundland goes from -03:30 to -02:30 at 02:00 on the second Sunday of March, and back on 7 November.
        #expect(stJohns.contains(Observance(kind: "DAYLIGHT", start: "20270314T020000", from: -12_600, to: -9000)))
        #expect(stJohns.contains(Observance(kind: "STANDARD", start: "20271107T020000", from: -9000, to: -12_600)))
        let lines = Self.unfolded(text)
        #expect(lines.contains("TZOFFSETFROM:-0330") && lines.contains("TZOFFSETTO:-0230"))
        #expect(lines.contains("DTSTART;TZID=America/St_Johns:20270701T100000"))
    }

    @Test func writesOffsetsWithSecondsOnlyWhenThereAreSome() {
        #expect(ICalendar.offsetText(3600) == "+0100")
        #expect(ICalendar.offsetText(-12_600) == "-0330")
        #expect(ICalendar.offsetText(0) == "+0000")
        #expect(ICalendar.offsetText(3600 + 30 * 60 + 45) == "+013045")
        #expect(ICalendar.offsetText(-(25 * 60 + 21)) == "-002521")
    }

    /// Reading the VTIMEZONE back as a calendar would (the observance with the latest onset at or before an
    /// instant gives the offset) must agree with Foundation everywhere in the span.
    @Test func observancesReproduceFoundationsOffsets() throws {
        let zones = [
            "Europe/Paris", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/St_Johns",
            "Africa/Casablanca", "Pacific/Chatham", "Asia/Kolkata",
        ]
        var random = SeededGenerator(seed: 5545)
        let first = Self.utc(2026, 1, 1, 0, 0).timeIntervalSince1970
        let last = Self.utc(2028, 12, 31, 0, 0).timeIntervalSince1970
        var events: [CalendarEvent] = []
        for (index, zone) in zones.enumerated() {
            for number in 0..<3 {
                let start = Date(timeIntervalSince1970: Double.random(in: first..<last, using: &random))
                events.append(Self.event("\(index)-\(number)", start: start, zone: zone))
            }
        }
        let text = Self.feed(events)
        let written = Self.observances(text)
        #expect(Set(written.keys) == Set(zones))
        for zone in zones {
            let timeZone = try #require(TimeZone(identifier: zone))
            let onsets = try (written[zone] ?? []).map { observance in
                (onset: try #require(Self.wallSeconds(observance.start)) - observance.from, offset: observance.to)
            }
            #expect(onsets.map(\.onset) == onsets.map(\.onset).sorted())
            let mine = events.filter { $0.timeZone == zone }.map(\.start.timeIntervalSince1970)
            let spanStart = (mine.min() ?? first) - 360 * 86_400
            let spanEnd = (mine.max() ?? last) + 360 * 86_400
            for _ in 0..<2000 {
                let instant = Double.random(in: spanStart..<spanEnd, using: &random).rounded(.down)
                let inForce = onsets.last { Double($0.onset) <= instant }
                #expect(
                    inForce?.offset == timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)),
                    "\(zone) at \(instant)")
            }
            // And right around each change, where an off-by-one would show.
            for onset in onsets.dropFirst() {
                for delta in [-1, 0, 1] {
                    let instant = onset.onset + delta
                    let inForce = onsets.last { $0.onset <= instant }
                    let expected = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))
                    #expect(inForce?.offset == expected, "\(zone) at \(instant)")
                }
            }
        }
    }

    @Test func aLargeFeedHasOneTimeZonePerZone() {
        let zones = ["Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns"]
        let events = (0..<2000).map { index in
            Self.event(
                "event-\(index)@cityweave", start: Date(timeIntervalSince1970: 1.8e9 + Double(index) * 37_000),
                zone: zones[index % zones.count], description: "Session \(index), with notes")
        }
        let lines = Self.unfolded(Self.feed(events))
        #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 5)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2000)
        // The VTIMEZONEs come before any event, in the order their zones are first used.
        let firstEvent = lines.firstIndex(of: "BEGIN:VEVENT") ?? 0
        #expect(lines.prefix(firstEvent).filter { $0.hasPrefix("TZID:") } == zones.map { "TZID:" + $0 })
    }
}
