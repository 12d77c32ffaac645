import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// The published events of a window as the fatigue guard compares them: only the columns it needs, read
/// by SQL rather than as whole records, so that a quarter of a busy calendar (thousands of events) is read
/// in milliseconds.
enum EventSchedule {
    /// The published events overlapping `from`..<`to`, with their organisers and audiences.
    static func read(from: Date, to: Date, on db: any Database) async throws -> [ScheduledEvent] {
        let sql = db as! any SQLDatabase
        let earliest = from.addingTimeInterval(-EventFilter.longestEvent)
        let window: SQLQueryString = """
            e.state = 'published' AND e.starts_at >= \(bind: earliest) AND e.starts_at < \(bind: to) \
            AND e.ends_at > \(bind: from)
            """
        var hosts: [Int: [Organisation]] = [:]
        for row in try await sql.raw(
            """
            SELECT o.event_id, o.organisation_kind, o.organisation_id FROM event_organisers o
            JOIN events e ON e.id = o.event_id WHERE o.is_confirmed = \(unsafeRaw: EventListing.trueLiteral(db)) \
            AND \(window)
            """
        ).all() {
            let kind = try row.decode(column: "organisation_kind", as: String.self)
            hosts[try row.decode(column: "event_id", as: Int.self), default: []].append(
                Organisation(
                    kind: kind == "city" ? .city : .network, id: try row.decode(column: "organisation_id", as: Int.self)
                ))
        }
        var invited: [Int: [Int]] = [:]
        for row in try await sql.raw(
            """
            SELECT c.event_id, c.city_id FROM event_cities c JOIN events e ON e.id = c.event_id
            WHERE c.role = 'invited' AND \(window)
            """
        ).all() {
            invited[try row.decode(column: "event_id", as: Int.self), default: []].append(
                try row.decode(column: "city_id", as: Int.self))
        }
        let networks = Set(hosts.values.joined().filter { $0.kind == .network }.map(\.id))
        let members = try await EventQueries.members(of: Array(networks), on: db)
        return try await sql.raw(
            "SELECT e.id, e.starts_at, e.ends_at, e.themes, e.level, e.access FROM events e WHERE \(window)"
        ).all().map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let access = EventAccess(rawValue: try row.decode(column: "access", as: String.self)) ?? .public
            let organisers = hosts[id] ?? []
            return ScheduledEvent(
                id: id, organisers: organisers.map(\.reference),
                start: try row.decode(column: "starts_at", as: Date.self),
                end: try row.decode(column: "ends_at", as: Date.self),
                themes: ThemeSet(rawValue: UInt32(truncatingIfNeeded: try row.decode(column: "themes", as: Int.self))),
                level: EventLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .technical,
                audience: EventQueries.audience(
                    access: access, invited: invited[id] ?? [], hosts: organisers, members: members))
        }
    }
}
