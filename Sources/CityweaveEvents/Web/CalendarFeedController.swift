import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
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

    private func published(on db: any Database) -> QueryBuilder<Event> {
        Event.query(on: db).filter(\.$state != .draft).filter(\.$endsAt > Date().addingTimeInterval(-Self.history))
            .sort(\.$startsAt).sort(\.$id)
    }

    /// The events a network holds or co-holds.
    @Sendable
    package func network(_ request: Request) async throws -> Response {
        let slug = try name(request)
        guard let network = try await Network.query(on: request.db).filter(\.$slug == slug).first() else {
            throw Abort(.notFound)
        }
        let events = try await published(on: request.db)
            .filter(.sql(raw: EventFeeds.heldBy(.network(network.id!), db: request.db))).all()
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
        let events = try await published(on: request.db)
            .group(.or) { held in
                held.filter(\.$venueCityID == id)
                held.filter(.sql(raw: EventFeeds.heldBy(.city(id), db: request.db)))
                held.filter(.sql(raw: "events.id IN (SELECT event_id FROM event_cities WHERE city_id = \(id))"))
                for network in Set(networks) {
                    held.filter(.sql(raw: EventFeeds.heldBy(.network(network), db: request.db)))
                }
            }
            .all()
        return try await EventFeeds.response(events, name: city.name, request: request)
    }

    @Sendable
    package func theme(_ request: Request) async throws -> Response {
        guard let theme = Theme(rawValue: try name(request)) else { throw Abort(.notFound) }
        let events = try await published(on: request.db)
            .filter(.sql(raw: "(events.themes & \(ThemeSet([theme]).rawValue)) <> 0")).all()
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
        let ids = try await Registration.query(on: request.db).filter(\.$user.$id == key.$user.id).all(\.$event.$id)
        var events: [Event] = []
        for batch in EventQueries.batches(ids) {
            events += try await published(on: request.db).filter(\.$id ~~ batch).all()
        }
        return try await EventFeeds.response(
            events.sorted { ($0.startsAt, $0.id!) < ($1.startsAt, $1.id!) },
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
