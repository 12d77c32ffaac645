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

/// An event as a calendar lists it: the columns its summary shows, read by SQL rather than as a whole
/// record, so that a month of a busy calendar is listed in milliseconds.
package struct ListedEvent: Sendable {
    package var id: Int
    package var kind: EventKind
    package var title: String
    package var state: EventState
    package var startsAt: Date
    package var endsAt: Date
    package var timeZone: String
    package var themes: ThemeSet
    package var level: EventLevel
    package var access: EventAccess
    package var languages: [String]
    package var isOnline: Bool
    package var venueCityID: Int?
    package var isExample: Bool

    package var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }

    package init(_ event: Event) {
        id = event.id ?? 0
        kind = event.kind
        title = event.title
        state = event.state
        startsAt = event.startsAt
        endsAt = event.endsAt
        timeZone = event.timeZone
        themes = event.themes
        level = event.level
        access = event.access
        languages = event.languages
        isOnline = event.onlineURL != nil
        venueCityID = event.venueCityID
        isExample = event.isExample
    }

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        kind = EventKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other
        title = try row.decode(column: "title", as: String.self)
        state = EventState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date.self)
        timeZone = try row.decode(column: "time_zone", as: String.self)
        themes = ThemeSet(rawValue: UInt32(truncatingIfNeeded: try row.decode(column: "themes", as: Int.self)))
        level = EventLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .technical
        access = EventAccess(rawValue: try row.decode(column: "access", as: String.self)) ?? .invited
        languages = try row.decode(column: "languages", as: String.self).split(separator: ",").map(String.init)
        isOnline = try row.decode(column: "is_online", as: Bool.self)
        venueCityID = try row.decode(column: "venue_city_id", as: Int?.self)
        isExample = try row.decode(column: "is_example", as: Bool.self)
    }
}

/// The events of a calendar window, as a reader may see them: published and cancelled ones, and the drafts
/// of the reader's own organisation.
package enum EventListing {
    /// The events of the window that meet the filters, soonest first, from `offset`.
    package static func page(
        _ filter: EventFilter, reader: User?, offset: Int = 0, limit: Int, on db: any Database
    ) async throws -> [ListedEvent] {
        let sql = db as! any SQLDatabase
        return try await sql.raw(
            """
            SELECT id, kind, title, state, starts_at, ends_at, time_zone, themes, level, access, languages,
            online_url IS NOT NULL AS is_online, venue_city_id, is_example FROM events
            WHERE \(condition(filter, reader: reader, db: db))
            ORDER BY starts_at, id LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))
            """
        ).all().map(ListedEvent.init)
    }

    /// How many events of the window meet the filters.
    package static func count(_ filter: EventFilter, reader: User?, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw(
            "SELECT COUNT(*) AS n FROM events WHERE \(condition(filter, reader: reader, db: db))"
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The window and the filters as SQL: the window first, so that the index led by the start answers it.
    static func condition(_ filter: EventFilter, reader: User?, db: any Database) -> SQLQueryString {
        let earliest = filter.from.addingTimeInterval(-EventFilter.longestEvent)
        var parts: [SQLQueryString] = [
            "starts_at >= \(bind: earliest)", "starts_at < \(bind: filter.to)", "ends_at > \(bind: filter.from)",
        ]
        if let own = reader?.organisation {
            parts.append(
                """
                (state <> 'draft' OR id IN (SELECT event_id FROM event_organisers
                WHERE organisation_kind = \(bind: own.kind.rawValue) AND organisation_id = \(bind: own.id)))
                """)
        } else {
            parts.append("state <> 'draft'")
        }
        if let theme = filter.theme {
            parts.append("(themes & \(unsafeRaw: String(ThemeSet([theme]).rawValue))) <> 0")
        }
        if let kind = filter.kind { parts.append("kind = \(bind: kind.rawValue)") }
        if let level = filter.level { parts.append("level = \(bind: level.rawValue)") }
        if let language = filter.language { parts.append("(',' || languages || ',') LIKE \(bind: "%,\(language),%")") }
        if let network = filter.network {
            parts.append(
                """
                id IN (SELECT event_id FROM event_organisers WHERE organisation_kind = 'network'
                AND organisation_id = \(bind: network) AND is_confirmed = \(unsafeRaw: trueLiteral(db)))
                """)
        }
        if let city = filter.city {
            parts.append(
                """
                (venue_city_id = \(bind: city)
                OR id IN (SELECT event_id FROM event_organisers WHERE organisation_kind = 'city' AND organisation_id = \(bind: city))
                OR id IN (SELECT event_id FROM event_cities WHERE city_id = \(bind: city)))
                """)
        }
        return parts.joined(separator: " AND ")
    }

    /// How each database writes true in a comparison with a boolean column.
    static func trueLiteral(_ db: any Database) -> String {
        (db as? any SQLDatabase)?.dialect.name == "sqlite" ? "1" : "true"
    }
}
