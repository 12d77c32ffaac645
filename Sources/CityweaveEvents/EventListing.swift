import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Which events a calendar shows: a window of time and the filters a reader chose.
package struct EventFilter: Sendable {
    package var from: Date
    package var to: Date
    package var theme: Theme?
    package var network: Int?
    package var city: Int?
    package var kind: EventKind?
    package var language: String?
    package var level: EventLevel?

    package init(from: Date, to: Date) {
        self.from = from
        self.to = to
    }

    /// The longest an event may last: an event overlapping the window starts at most this long before it,
    /// so that the index on the start answers the window.
    static let longestEvent: TimeInterval = 31 * 86_400

    /// Reads the filters of a calendar's query (`from`, `to` as days or date-times, `theme`, `network`,
    /// `city`, `kind`, `language`, `level`); each wrong one is a 400 naming it.
    package init(query request: Request, defaultFrom: Date, defaultTo: Date) throws {
        from = try Self.moment(request.query[String.self, at: "from"], field: "from") ?? defaultFrom
        to = try Self.moment(request.query[String.self, at: "to"], field: "to") ?? defaultTo
        guard to > from else {
            throw BadRequest(
                Message("events.error.window", "'{field}' must come after 'from'.", ["field": .text("to")]))
        }
        guard to.timeIntervalSince(from) <= 400 * 86_400 else {
            throw BadRequest(
                Message(
                    "events.error.window-long", "'{field}' may be at most 400 days after 'from'.",
                    ["field": .text("to")]))
        }
        func text(_ name: String) -> String? {
            request.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 }
        }
        theme = try text("theme").map { try FieldChoice.parse(Theme.self, $0, field: "theme") }
        network = try text("network").map { try Self.positive($0, field: "network") }
        city = try text("city").map { try Self.positive($0, field: "city") }
        kind = try text("kind").map { try FieldChoice.parse(EventKind.self, $0, field: "kind") }
        language = try text("language").map { try LanguageName.code($0) }
        level = try text("level").map { try FieldChoice.parse(EventLevel.self, $0, field: "level") }
    }

    private static func positive(_ text: String, field: String) throws -> Int {
        guard let value = Int(text), value > 0 else {
            throw BadRequest(
                Message(
                    "events.error.id", "'{field}' must be an id (a whole number from 1); got '{given}'.",
                    ["field": .text(field), "given": .text(text)]))
        }
        return value
    }

    /// `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time with its offset.
    static func moment(_ text: String?, field: String) throws -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let day = DateText.parseDay(text), DateText.day(day) == text { return day }
        if let moment = try? Date(text, strategy: .iso8601) { return moment }
        throw BadRequest(
            Message(
                "events.error.moment",
                "'{field}' must be a day (2027-03-01) or a date and time with its offset (2027-03-01T09:00:00Z); got '{given}'.",
                ["field": .text(field), "given": .text(text)]))
    }
}

/// The events of a calendar window, as a reader may see them: published and cancelled ones, and the drafts
/// of the reader's own organisation.
package enum EventListing {
    package static func query(_ filter: EventFilter, reader: User?, on db: any Database) -> QueryBuilder<Event> {
        let query = Event.query(on: db)
            .filter(\.$startsAt >= filter.from.addingTimeInterval(-EventFilter.longestEvent))
            .filter(\.$startsAt < filter.to).filter(\.$endsAt > filter.from)
        if let own = reader?.organisation {
            query.group(.or) { visible in
                visible.filter(\.$state != .draft)
                visible.filter(
                    .sql(
                        raw:
                            "events.id IN (SELECT event_id FROM event_organisers WHERE organisation_kind = '\(own.kind.rawValue)' AND organisation_id = \(own.id))"
                    ))
            }
        } else {
            query.filter(\.$state != .draft)
        }
        if let theme = filter.theme {
            query.filter(.sql(raw: "(events.themes & \(ThemeSet([theme]).rawValue)) <> 0"))
        }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let level = filter.level { query.filter(\.$level == level) }
        if let language = filter.language, language.allSatisfy({ $0.isASCII && $0.isLetter }) {
            query.filter(.sql(raw: "(',' || events.languages || ',') LIKE '%,\(language),%'"))
        }
        if let network = filter.network {
            query.filter(
                .sql(
                    raw:
                        "events.id IN (SELECT event_id FROM event_organisers WHERE organisation_kind = 'network' AND organisation_id = \(network) AND is_confirmed = \(trueLiteral(db)))"
                ))
        }
        if let city = filter.city {
            query.group(.or) { place in
                place.filter(\.$venueCityID == city)
                place.filter(
                    .sql(
                        raw:
                            "events.id IN (SELECT event_id FROM event_organisers WHERE organisation_kind = 'city' AND organisation_id = \(city))"
                    ))
                place.filter(.sql(raw: "events.id IN (SELECT event_id FROM event_cities WHERE city_id = \(city))"))
            }
        }
        return query.sort(\.$startsAt).sort(\.$id)
    }

    /// Reads only what a calendar's summary shows: a month of events decodes in half the time.
    package static func summaryFields(_ query: QueryBuilder<Event>) -> QueryBuilder<Event> {
        query.field(\.$id).field(\.$kind).field(\.$title).field(\.$state).field(\.$startsAt).field(\.$endsAt)
            .field(\.$timeZone).field(\.$themeBits).field(\.$level).field(\.$access).field(\.$languageList)
            .field(\.$onlineURL).field(\.$venueCityID).field(\.$isExample)
    }

    /// How each database writes true in a comparison with a boolean column.
    static func trueLiteral(_ db: any Database) -> String {
        (db as? any SQLDatabase)?.dialect.name == "sqlite" ? "1" : "true"
    }
}
