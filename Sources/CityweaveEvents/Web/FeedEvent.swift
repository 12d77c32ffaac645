import CityweaveCore
import Fluent
import SQLKit
import Vapor

/// An event as a calendar feed writes it. Feeds read these columns by SQL rather than whole records: a
/// network's feed of 2,000 events spends its time writing the calendar, not decoding rows.
struct FeedEvent {
    var id: Int
    var title: String
    var details: String
    var timeZone: String
    var startsAt: Date
    var endsAt: Date
    var onlineURL: String?
    var venueCityID: Int?
    var venueAddress: String
    var themes: ThemeSet
    var access: EventAccess
    var isCancelled: Bool
    var cancelReason: String
    var sequence: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ event: Event) {
        id = event.id ?? 0
        title = event.title
        details = event.details
        timeZone = event.timeZone
        startsAt = event.startsAt
        endsAt = event.endsAt
        onlineURL = event.onlineURL
        venueCityID = event.venueCityID
        venueAddress = event.venueAddress
        themes = event.themes
        access = event.access
        isCancelled = event.state == .cancelled
        cancelReason = event.cancelReason
        sequence = event.sequence
        createdAt = event.createdAt
        updatedAt = event.updatedAt
    }

    private init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        title = try row.decode(column: "title", as: String.self)
        details = try row.decode(column: "description", as: String.self)
        timeZone = try row.decode(column: "time_zone", as: String.self)
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date.self)
        onlineURL = try row.decode(column: "online_url", as: String?.self)
        venueCityID = try row.decode(column: "venue_city_id", as: Int?.self)
        venueAddress = try row.decode(column: "venue_address", as: String.self)
        themes = ThemeSet(rawValue: UInt32(truncatingIfNeeded: try row.decode(column: "themes", as: Int.self)))
        access = EventAccess(rawValue: try row.decode(column: "access", as: String.self)) ?? .invited
        isCancelled = try row.decode(column: "state", as: String.self) == EventState.cancelled.rawValue
        cancelReason = try row.decode(column: "cancel_reason", as: String.self)
        sequence = try row.decode(column: "sequence", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: Date?.self)
        updatedAt = try row.decode(column: "updated_at", as: Date?.self)
    }

    /// The published and cancelled events that ended less than `history` ago and meet `condition`, in order.
    static func read(where condition: SQLQueryString, history: TimeInterval, on db: any Database) async throws
        -> [FeedEvent]
    {
        let sql = db as! any SQLDatabase
        let since = Date().addingTimeInterval(-history)
        return try await sql.raw(
            """
            SELECT id, title, description, time_zone, starts_at, ends_at, online_url, venue_city_id, venue_address,
            themes, access, state, cancel_reason, sequence, created_at, updated_at FROM events
            WHERE state <> 'draft' AND ends_at > \(bind: since) AND (\(condition)) ORDER BY starts_at, id
            """
        ).all().map(FeedEvent.init)
    }
}
