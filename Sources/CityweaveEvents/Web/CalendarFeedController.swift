import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// The iCalendar feeds that calendar programs subscribe to: a network's events, a city's, a theme's, a
/// person's own registrations at a secret address, and one event's file. Feeds hold published and
/// cancelled events from a year back, so that a cancellation reaches calendars that hold the event.
package struct CalendarFeedController {
    static let history: TimeInterval = 365 * 86_400

    /// The name in a feed's last segment (`c40.ics` → `c40`), or a 404.
    private func name(_ request: Request) throws -> String {
        let file = request.parameters.get("file") ?? ""
        guard file.hasSuffix(".ics"), file.count > 4 else { throw Abort(.notFound) }
        return String(file.dropLast(4))
    }

    private func published(_ condition: SQLQueryString, on db: any Database) async throws -> [FeedEvent] {
        try await FeedEvent.read(where: condition, history: Self.history, on: db)
    }

    /// The events a network holds or co-holds.
    @Sendable
    package func network(_ request: Request) async throws -> Response {
        let slug = try name(request)
        guard let network = try await Network.query(on: request.db).filter(\.$slug == slug).first() else {
            throw Abort(.notFound)
        }
        let events = try await published(
            "\(unsafeRaw: EventFeeds.heldBy(.network(network.id!), db: request.db))", on: request.db)
        return try await EventFeeds.response(events, name: network.name, request: request)
    }

    /// The events a city holds, hosts or is a trade mission's partner of, and those of the networks it belongs to.
    @Sendable
    package func city(_ request: Request) async throws -> Response {
        guard let id = Int(try name(request)), let city = try await City.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let networks = try await Membership.query(on: request.db).filter(\.$city.$id == id)
            .group(.or) { $0.filter(\.$until == nil).filter(\.$until >= EventQueries.currentYear) }
            .all(\.$network.$id)
        var held = [
            "venue_city_id = \(id)", EventFeeds.heldBy(.city(id), db: request.db),
            "events.id IN (SELECT event_id FROM event_cities WHERE city_id = \(id))",
        ]
        held += Set(networks).sorted().map { EventFeeds.heldBy(.network($0), db: request.db) }
        let events = try await published("\(unsafeRaw: held.joined(separator: " OR "))", on: request.db)
        return try await EventFeeds.response(events, name: city.name, request: request)
    }

    @Sendable
    package func theme(_ request: Request) async throws -> Response {
        guard let theme = Theme(rawValue: try name(request)) else { throw Abort(.notFound) }
        let events = try await published(
            "(events.themes & \(unsafeRaw: String(ThemeSet([theme]).rawValue))) <> 0", on: request.db)
        return try await EventFeeds.response(events, name: request.text(theme.message), request: request)
    }

    /// A person's registrations, places and waiting list alike, with the online links they may use.
    @Sendable
    package func personal(_ request: Request) async throws -> Response {
        let secret = try name(request)
        guard
            let key = try await CalendarKey.query(on: request.db)
                .filter(\.$secretHash == SecretToken.digest(of: secret)).with(\.$user).first(), key.user.isActive
        else { throw Abort(.notFound) }
        let events = try await published(
            "events.id IN (SELECT event_id FROM event_registrations WHERE user_id = \(bind: key.$user.id))",
            on: request.db)
        return try await EventFeeds.response(
            events,
            name: request.text(Message("events.feed.personal", "My registrations")), request: request,
            withLinks: true)
    }

    /// Makes the signed-in person's calendar address anew; the old one stops answering. The new address is
    /// shown once, on the account page.
    @Sendable
    package func rotateKey(_ request: Request) async throws -> Response {
        let user = try request.requireActor().user
        let secret = SecretToken(prefix: "cal_")
        try await request.db.transaction { db in
            try await CalendarKey.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await CalendarKey(userID: try user.requireID(), secretHash: secret.digest).create(on: db)
            try await AuditLog.record(
                request.editContext, action: "rotate", recordType: "calendar-key", recordID: user.email,
                organisation: user.organisation, on: db)
        }
        let address = request.baseURL + EventsPath.personalCalendar.href(secret.value + ".ics")
        return try await request.view.render(
            "Events/calendar-key",
            CalendarKeyPage(
                layout: Layout(title: Message("events.calendar-key.title", "Your calendar address"), request: request),
                address: address)
        ).encodeResponse(for: request)
    }

    struct CalendarKeyPage: Encodable {
        var layout: Layout
        var address: String
    }
}
