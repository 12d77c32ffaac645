import CityweaveSyntheticData
import Foundation
import Testing

@testable import CityweaveCore

@Suite struct LocalTimeTests {
    static func zone(_ identifier: String) throws -> TimeZone { try #require(TimeZone(identifier: identifier)) }

    static func wall(_ text: String) throws -> LocalTime { try #require(LocalTime(parsing: text)) }

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        let days = CivilCalendar.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60))
    }

    // MARK: - Parsing

    @Test(arguments: ["2027-10-31T02:30", "2027-10-31 02:30", "2027-10-31T02:30:00", " 2027-10-31T02:30\n"])
    func readsTheFormsPeopleType(text: String) throws {
        let time = try Self.wall(text)
        #expect(time == LocalTime(year: 2027, month: 10, day: 31, hour: 2, minute: 30))
        #expect(time.text == "2027-10-31T02:30")
    }

    @Test(arguments: [
        "2027-02-29T10:00", "2027-13-01T10:00", "2027-00-10T10:00", "2027-04-31T10:00", "1900-02-29T10:00",
        "2027-01-01T24:00", "2027-01-01T10:60", "24:00", "", "garbage", "2027-1-01T10:00", "2027-01-01T10:00:30",
        "2027-01-01X10:00", "2027/01/01T10:00", "0000-01-01T10:00", "２０２７-01-01T10:00", "+2027-01-01T10:00",
        "2027-01-01T10:0a", "2027-01-01T10:00Z",
    ])
    func refusesWhatIsNotAWallTime(text: String) {
        #expect(LocalTime(parsing: text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(LocalTime(parsing: "2028-02-29T10:00") != nil)
        #expect(LocalTime(parsing: "2000-02-29T10:00") != nil)
        #expect(LocalTime(year: 2100, month: 2, day: 29, hour: 0, minute: 0) == nil)
        #expect(LocalTime(parsing: "2027-12-31T23:59")?.text == "2027-12-31T23:59")
    }

    @Test func ordersByTheClock() throws {
        let times = try ["2027-10-31T02:30", "2026-12-31T23:59", "2027-10-31T02:29", "2027-01-01T00:00"].map(Self.wall)
        #expect(
            times.sorted().map(\.text) == [
                "2026-12-31T23:59", "2027-01-01T00:00", "2027-10-31T02:29", "2027-10-31T02:30",
            ])
    }

    @Test func readsTheWallClockAtAnInstant() throws {
        let paris = try Self.zone("Europe/Paris")
        // Seconds are dropped, not rounded: 10:00:59Z is still in the minute of 12:00 in Paris.
        #expect(LocalTime(Self.utc(2027, 6, 1, 10, 0).addingTimeInterval(59), in: paris).text == "2027-06-01T12:00")
        #expect(LocalTime(Self.utc(2027, 12, 31, 23, 30), in: paris).text == "2028-01-01T00:30")
        #expect(LocalTime(Self.utc(2027, 3, 1, 2, 0), in: try Self.zone("America/St_Johns")).text == "2027-02-28T22:30")
    }

    // MARK: - Gaps and folds

    @Test func parisSpringGapIsSkipped() throws {
        let resolution = try Self.wall("2027-03-28T02:30").resolve(in: Self.zone("Europe/Paris"))
        #expect(resolution == .skipped(offsetBefore: 3600, offsetAfter: 7200))
        #expect(UTCOffsetText.text(3600) == "+01:00" && UTCOffsetText.text(7200) == "+02:00")
    }

    @Test func parisAutumnFoldIsRepeated() throws {
        let resolution = try Self.wall("2027-10-31T02:30").resolve(in: Self.zone("Europe/Paris"))
        #expect(resolution == .repeated(earlier: Self.utc(2027, 10, 31, 0, 30), later: Self.utc(2027, 10, 31, 1, 30)))
    }

    @Test func newYorkSpringGapIsSkipped() throws {
        let resolution = try Self.wall("2027-03-14T02:30").resolve(in: Self.zone("America/New_York"))
        #expect(resolution == .skipped(offsetBefore: -18_000, offsetAfter: -14_400))
    }

    @Test func sydneyFoldsInAprilAndSkipsInOctober() throws {
        let sydney = try Self.zone("Australia/Sydney")
        // The southern hemisphere: daylight time ends on the first Sunday of April and starts on the first of October.
        #expect(
            try Self.wall("2027-04-04T02:30").resolve(in: sydney)
                == .repeated(earlier: Self.utc(2027, 4, 3, 15, 30), later: Self.utc(2027, 4, 3, 16, 30)))
        #expect(
            try Self.wall("2027-10-03T02:30").resolve(in: sydney)
                == .skipped(offsetBefore: 36_000, offsetAfter: 39_600))
    }

    @Test(arguments: [
        ("2027-06-01T12:00", "Europe/Paris", 10, 0),
        // The first minute after each change, which happens once.
        ("2027-03-28T03:00", "Europe/Paris", 1, 0),
        ("2027-10-31T03:00", "Europe/Paris", 2, 0),
        ("2027-06-01T12:00", "Asia/Kolkata", 6, 30),
        ("2027-06-01T12:00", "Asia/Tokyo", 3, 0),
    ])
    func ordinaryTimesAreExact(text: String, identifier: String, utcHour: Int, utcMinute: Int) throws {
        let wall = try Self.wall(text)
        let expected = Self.utc(wall.year, wall.month, wall.day, utcHour, utcMinute)
        #expect(wall.resolve(in: try Self.zone(identifier)) == .exact(expected))
    }

    @Test func aChosenOffsetPicksOneSideOfAFold() throws {
        let paris = try Self.zone("Europe/Paris")
        let fold = try Self.wall("2027-10-31T02:30")
        #expect(fold.instant(in: paris, offset: 7200) == Self.utc(2027, 10, 31, 0, 30))
        #expect(fold.instant(in: paris, offset: 3600) == Self.utc(2027, 10, 31, 1, 30))
        #expect(fold.instant(in: paris, offset: 0) == nil)
        #expect(fold.instant(in: paris, offset: .max) == nil)
        // In a gap no offset works; on an ordinary day only the one in force does.
        let gap = try Self.wall("2027-03-28T02:30")
        #expect(gap.instant(in: paris, offset: 3600) == nil && gap.instant(in: paris, offset: 7200) == nil)
        let summer = try Self.wall("2027-06-01T12:00")
        #expect(summer.instant(in: paris, offset: 7200) == Self.utc(2027, 6, 1, 10, 0))
        #expect(summer.instant(in: paris, offset: 3600) == nil)
    }

    static let zones = [
        "Europe/Paris", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/St_Johns",
        "Asia/Kathmandu", "Africa/Casablanca", "Pacific/Chatham",
    ]

    /// Any instant, read off the wall clock and resolved again, comes back: as the exact answer or as one side of
    /// a fold.
    @Test(arguments: zones)
    func everyInstantIsFoundAgainFromItsWallTime(identifier: String) throws {
        let zone = try Self.zone(identifier)
        var random = SeededGenerator(seed: UInt64(identifier.utf8.count) &* 7919)
        let first = Int(Self.utc(2026, 1, 1, 0, 0).timeIntervalSince1970) / 60
        let last = Int(Self.utc(2029, 1, 1, 0, 0).timeIntervalSince1970) / 60
        var instants = (0..<1500).map { _ in Int.random(in: first..<last, using: &random) * 60 }
        // And every minute within two hours of each change, where gaps and folds are.
        for transition in LocalTime.transitions(in: zone, from: first * 60, to: last * 60) {
            instants += stride(from: transition.at - 7200, through: transition.at + 7200, by: 60)
        }
        for seconds in instants {
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            let wall = LocalTime(instant, in: zone)
            switch wall.resolve(in: zone) {
            case .exact(let found): #expect(found == instant, "\(identifier) \(wall.text)")
            case .repeated(let earlier, let later):
                #expect(earlier < later)
                #expect(earlier == instant || later == instant, "\(identifier) \(wall.text)")
            case .skipped: Issue.record("\(identifier) \(wall.text) was shown on the clock but resolved as skipped")
            }
        }
    }

    /// Against brute force: every instant within 14 hours of a wall time, tried a quarter of an hour apart (all
    /// these zones' offsets are whole quarters), and kept when the clock shows that wall time then.
    @Test(arguments: zones)
    func resolutionAgreesWithBruteForce(identifier: String) throws {
        let zone = try Self.zone(identifier)
        var random = SeededGenerator(seed: UInt64(identifier.utf8.count) &* 104_729)
        var walls: [LocalTime] = (0..<150).map { _ in
            let seconds = Double.random(in: 1.77e9..<1.86e9, using: &random).rounded(.down)
            return LocalTime(Date(timeIntervalSince1970: seconds), in: zone)
        }
        let first = Int(Self.utc(2026, 1, 1, 0, 0).timeIntervalSince1970)
        let last = Int(Self.utc(2029, 1, 1, 0, 0).timeIntervalSince1970)
        let transitions = LocalTime.transitions(in: zone, from: first, to: last)
        for transition in transitions {
            // Wall times a quarter of an hour apart across the change, as read in the offset before it.
            let local = transition.at + transition.before
            for step in -8...8 {
                let seconds = local + step * 900
                let days = CivilCalendar.floorDivide(seconds, 86_400)
                let date = CivilCalendar.date(days: days)
                let minutes = (seconds - days * 86_400) / 60
                walls += [
                    try #require(
                        LocalTime(
                            year: date.year, month: date.month, day: date.day, hour: minutes / 60,
                            minute: minutes % 60))
                ]
            }
        }
        var sawGap = false
        var sawFold = false
        for wall in walls {
            let naive = wall.naiveSeconds
            var found: [Date] = []
            for quarter in (-56...56).reversed() {
                let instant = Date(timeIntervalSince1970: TimeInterval(naive - quarter * 900))
                if LocalTime(instant, in: zone) == wall { found.append(instant) }
            }
            switch wall.resolve(in: zone) {
            case .exact(let instant): #expect(found == [instant], "\(identifier) \(wall.text)")
            case .repeated(let earlier, let later): #expect(found == [earlier, later], "\(identifier) \(wall.text)")
            case .skipped(let before, let after):
                #expect(found.isEmpty, "\(identifier) \(wall.text)")
                #expect(before < after)
                sawGap = true
            }
            if found.count == 2 { sawFold = true }
        }
        // Every zone here but Kathmandu changes its clocks in these years, so both cases were exercised.
        #expect(sawGap == !transitions.isEmpty && sawFold == !transitions.isEmpty, "\(identifier)")
    }

    // MARK: - Offsets as text

    @Test func writesOffsets() {
        #expect(UTCOffsetText.text(7200) == "+02:00")
        #expect(UTCOffsetText.text(-12_600) == "-03:30")
        #expect(UTCOffsetText.text(0) == "+00:00")
        #expect(UTCOffsetText.text(20_700) == "+05:45")
        #expect(UTCOffsetText.text(561) == "+00:09:21")
    }

    @Test func readsOffsets() {
        #expect(UTCOffsetText.parse("+02:00") == 7200)
        #expect(UTCOffsetText.parse("-0330") == -12_600)
        #expect(UTCOffsetText.parse("+05") == 18_000)
        #expect(UTCOffsetText.parse("\u{2212}05:00") == -18_000)
        #expect(UTCOffsetText.parse("Z") == 0)
        #expect(UTCOffsetText.parse("+00:09:21") == 561)
        for text in ["02:00", "+2", "+02:0030", "+19:00", "+02:60", "", "+", "abc", "+02:", "+２:00", "+020"] {
            #expect(UTCOffsetText.parse(text) == nil, "\(text)")
        }
        for seconds in stride(from: -18 * 3600, through: 18 * 3600, by: 900) {
            #expect(UTCOffsetText.parse(UTCOffsetText.text(seconds)) == seconds)
        }
    }
}
