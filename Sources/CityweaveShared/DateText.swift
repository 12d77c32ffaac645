import CityweaveCore
import Foundation

/// Dates as pages show them (UTC, so that every reader sees the same text)
/// and as forms send them.
package enum DateText {
    private static let utc = TimeZone(identifier: "UTC")!

    package static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: utc).year().month().day())
    }

    /// A day something happened, as a client writes it: `YYYY-MM-DD`, not in
    /// the future; today when left out. A 400 naming `field` otherwise.
    package static func pastDay(_ text: String?, field: String) throws -> String {
        let today = day(Date())
        let written = try typedDay(text, field: field) ?? today
        guard written <= today else {
            throw BadRequest(
                Message(
                    "shared.error.day-in-future", "'{field}' {day} is in the future.",
                    ["field": .text(field), "day": .text(written)]))
        }
        return written
    }

    /// A day as a client writes it, `YYYY-MM-DD`; nil when left out, a 400 naming `field` when not a day.
    package static func typedDay(_ text: String?, field: String) throws -> String? {
        guard let typed = text?.trimmingCharacters(in: .whitespaces), !typed.isEmpty else { return nil }
        guard let parsed = parseDay(typed), day(parsed) == typed else {
            throw BadRequest(
                Message(
                    "shared.error.day", "'{field}' must be a day written YYYY-MM-DD; got '{given}'.",
                    ["field": .text(field), "given": .text(typed)]))
        }
        return typed
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` day, as the core counts them.
    package static func dayNumber(_ text: String) -> Int? {
        parseDay(text).map { Int(($0.timeIntervalSince1970 / 86_400).rounded(.down)) }
    }

    /// Today (UTC) as a day number.
    package static var todayNumber: Int { dayNumber(day(Date()))! }

    /// The `YYYY-MM-DD` of a day number.
    package static func day(number: Int) -> String { day(Date(timeIntervalSince1970: Double(number) * 86_400)) }

    /// `YYYY-MM-DD` as the start of that day in UTC.
    package static func parseDay(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: utc).year().month().day().parse(text)
    }
}
