import Foundation

/// The spans the calendar shows (a day, a week from Monday, a month) in the reader's time zone.
package enum CalendarWindow {
    static func calendar(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        return calendar
    }

    package static func day(containing moment: Date, in zone: TimeZone) -> Range<Date> {
        let calendar = calendar(in: zone)
        let start = calendar.startOfDay(for: moment)
        return start..<calendar.date(byAdding: .day, value: 1, to: start)!
    }

    /// Monday to Monday.
    package static func week(containing moment: Date, in zone: TimeZone) -> Range<Date> {
        let calendar = calendar(in: zone)
        let interval = calendar.dateInterval(of: .weekOfYear, for: moment)!
        return interval.start..<interval.end
    }

    package static func month(containing moment: Date, in zone: TimeZone) -> Range<Date> {
        let calendar = calendar(in: zone)
        let interval = calendar.dateInterval(of: .month, for: moment)!
        return interval.start..<interval.end
    }

    /// The days of `window`, each from its midnight in `zone` (a day of a daylight-saving change lasts 23 or 25 hours).
    package static func days(of window: Range<Date>, in zone: TimeZone) -> [Range<Date>] {
        let calendar = calendar(in: zone)
        var days: [Range<Date>] = []
        var start = calendar.startOfDay(for: window.lowerBound)
        while start < window.upperBound {
            let next = calendar.date(byAdding: .day, value: 1, to: start)!
            days.append(start..<next)
            start = next
        }
        return days
    }
}
