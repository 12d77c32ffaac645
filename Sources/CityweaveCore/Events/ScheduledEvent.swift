import Foundation

/// Who an event is pitched at. Competition compares events of one level only: a mayors' roundtable and a
/// technical webinar on the same theme draw on different people of the same cities.
public enum EventLevel: String, CaseIterable, Codable, Sendable {
    case political
    case senior = "senior-adviser"
    case technical
}

/// A webinar, meeting or conference on the shared calendar: who holds it, when, on what, at what level, and
/// which cities' officials are invited.
public struct ScheduledEvent: Sendable, Equatable {
    public var id: Int
    /// Who holds it, as `"network:3"` or `"city:12"`, sorted. Two events of one organiser never compete: an
    /// organiser plans its own calendar, and the warning is about the others'.
    public var organisers: [String]
    public var start: Date
    /// The instant the event is over: it takes the half-open interval [start, end), so that one meeting
    /// ending at 10:00 and another beginning at 10:00 do not overlap. An end not after the start takes no
    /// time and overlaps nothing.
    public var end: Date
    public var themes: ThemeSet
    public var level: EventLevel
    /// The ids of the cities invited, ascending and without repeats (the comparison counts shared cities by
    /// walking two of these in step).
    public var audience: [Int]

    /// The event, its organisers and audience sorted and without repeats whatever order they come in.
    public init(
        id: Int, organisers: [String], start: Date, end: Date, themes: ThemeSet, level: EventLevel,
        audience: [Int]
    ) {
        self.id = id
        self.organisers = Self.ascendingWithoutRepeats(organisers)
        self.start = start
        self.end = end
        self.themes = themes
        self.level = level
        self.audience = Self.ascendingWithoutRepeats(audience)
    }

    /// How long it takes, 0 for an end not after the start.
    public var duration: TimeInterval { max(0, end.timeIntervalSince(start)) }

    /// The values as they are when already ascending (the usual case, checked in one pass), else sorted and
    /// with repeats dropped.
    private static func ascendingWithoutRepeats<T: Comparable>(_ values: [T]) -> [T] {
        if zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) { return values }
        var sorted = values.sorted()
        var kept = 0
        for index in sorted.indices where index == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
