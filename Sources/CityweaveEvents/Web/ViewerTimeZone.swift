import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// The time zone a reader reads the calendar in: chosen on the page (`tz`) and remembered in a cookie, UTC
/// until chosen.
enum ViewerTimeZone {
    static let cookie = "cityweave_tz"
    static let parameter = "tz"

    static func of(_ request: Request) -> TimeZone {
        let chosen = request.query[String.self, at: parameter] ?? request.cookies[cookie]?.string
        return chosen.flatMap(TimeZone.init(identifier:)) ?? .gmt
    }

    /// Remembers a zone chosen on the page for the reader's next visits.
    static func remember(_ request: Request, on response: Response) {
        guard let chosen = request.query[String.self, at: parameter], TimeZone(identifier: chosen) != nil else {
            return
        }
        response.cookies[cookie] = HTTPCookies.Value(
            string: chosen, maxAge: 365 * 86_400, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .lax)
    }

    /// Every zone a reader may choose: its place in the time-zone database, and its name in the reader's
    /// language where the locale data has one ("Europe/Paris (heure d’Europe centrale)").
    static func choices(selected: TimeZone, locale: Locale) -> [FormChoice] {
        TimeZone.knownTimeZoneIdentifiers.sorted().map { identifier in
            var label = identifier.replacingOccurrences(of: "_", with: " ")
            if let name = TimeZone(identifier: identifier)?.localizedName(for: .generic, locale: locale) {
                label += " (\(name))"
            }
            return FormChoice(value: identifier, label: label, selected: identifier == selected.identifier)
        }
    }
}

/// An event's times as pages write them in the reader's language: in the reader's zone, and in the
/// organiser's beside it when the two differ.
struct EventTimeText: Encodable {
    /// "Tue 9 Mar 2027, 14:00–15:30".
    var local: String
    /// The reader's zone's name.
    var zone: String
    /// The same in the organiser's zone, or nil when it is the reader's.
    var organiser: String?
    var organiserZone: String
    /// The hours alone ("14:00–15:30"), in the reader's zone and in the organiser's when it differs, for a
    /// day's column of the calendar.
    var hours: String
    var organiserHours: String?
    /// An ISO 8601 instant for `<time datetime>`.
    var machine: String

    init(start: Date, end: Date, organiserZone: TimeZone, viewer: TimeZone, locale: Locale) {
        local = Self.span(start, end, zone: viewer, locale: locale)
        zone = viewer.identifier.replacingOccurrences(of: "_", with: " ")
        let differs =
            viewer.secondsFromGMT(for: start) != organiserZone.secondsFromGMT(for: start)
            || viewer.secondsFromGMT(for: end) != organiserZone.secondsFromGMT(for: end)
        organiser = differs ? Self.span(start, end, zone: organiserZone, locale: locale) : nil
        self.organiserZone = organiserZone.identifier.replacingOccurrences(of: "_", with: " ")
        hours = Self.hours(start, end, zone: viewer, locale: locale)
        organiserHours = differs ? Self.hours(start, end, zone: organiserZone, locale: locale) : nil
        machine = start.formatted(.iso8601)
    }

    static func hours(_ start: Date, _ end: Date, zone: TimeZone, locale: Locale) -> String {
        "\(clock(start, zone: zone, locale: locale))–\(clock(end, zone: zone, locale: locale))"
    }

    static func span(_ start: Date, _ end: Date, zone: TimeZone, locale: Locale) -> String {
        var day = Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale, timeZone: zone)
        day = day.weekday(.abbreviated)
        let time = Date.FormatStyle(date: .omitted, time: .shortened, locale: locale, timeZone: zone)
        let sameDay = CalendarWindow.day(containing: start, in: zone).contains(end.addingTimeInterval(-1))
        if sameDay {
            return "\(start.formatted(day)), \(start.formatted(time))–\(end.formatted(time))"
        }
        return "\(start.formatted(day)), \(start.formatted(time)) – \(end.formatted(day)), \(end.formatted(time))"
    }

    /// A clock time alone ("14:00"), for a day's column of the calendar.
    static func clock(_ moment: Date, zone: TimeZone, locale: Locale) -> String {
        moment.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: locale, timeZone: zone))
    }
}
