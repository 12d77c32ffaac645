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

    /// `YYYY-MM-DD` as the start of that day in UTC.
    static func parseDay(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: utc).year().month().day().parse(text)
    }
}
