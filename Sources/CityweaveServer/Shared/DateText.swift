import Foundation

/// Dates as pages show them (UTC, so that every reader sees the same text)
/// and as forms send them.
enum DateText {
    private static let utc = TimeZone(identifier: "UTC")!

    static func minute(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(timeZone: utc).year().month().day()
            .time(includingFractionalSeconds: false).dateTimeSeparator(.space).timeSeparator(.colon)
        return date.formatted(style) + " UTC"
    }

    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: utc).year().month().day())
    }

    /// A day something happened, as a client writes it: `YYYY-MM-DD`, not in
    /// the future; today when left out. A 400 naming `field` otherwise.
    static func pastDay(_ text: String?, field: String) throws -> String {
        let today = day(Date())
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        let written = typed.isEmpty ? today : typed
        guard let parsed = parseDay(written), day(parsed) == written else {
            throw BadRequest("'\(field)' must be a day written YYYY-MM-DD; got '\(written)'.")
        }
        guard written <= today else { throw BadRequest("'\(field)' \(written) is in the future.") }
        return written
    }

    /// `YYYY-MM-DD` as the start of that day in UTC.
    static func parseDay(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: utc).year().month().day().parse(text)
    }
}
