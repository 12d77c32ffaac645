import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The events module's parts of other pages: a city's coming events (its own, its networks', the trade
/// missions it is a partner of) and its people's registrations; a network's own coming events; on a
/// person's account page their registrations and their calendar address.
package enum EventsSections {
    struct Item: Encodable {
        var title: String
        var href: String
        var when: String
        var detail: String
    }

    struct Context: Encodable {
        var coming: [Item]
        var registrations: [Item]
        var feed: String
        var name: String
        var calendar: String
    }

    struct AccountContext: Encodable {
        var registrations: [Item]
        var hasKey: Bool
        var rotate: String
    }

    /// How many coming events a section lists; the calendar filtered on the organisation has the rest.
    static let shown = 8

    package static let city = PageSectionProvider.on(City.self) { request, city in
        let id = try city.requireID()
        let db = request.db
        let networks = Array(
            Set(
                try await Membership.query(on: db).filter(\.$city.$id == id)
                    .group(.or) { $0.filter(\.$until == nil).filter(\.$until >= EventQueries.currentYear) }
                    .all(\.$network.$id)))
        let coming = try await Event.query(on: db).filter(\.$state == .published).filter(\.$endsAt > Date())
            .group(.or) { held in
                held.filter(\.$venueCityID == id)
                held.filter(.sql(raw: EventFeeds.heldBy(.city(id), db: db)))
                held.filter(.sql(raw: "events.id IN (SELECT event_id FROM event_cities WHERE city_id = \(id))"))
                for network in networks { held.filter(.sql(raw: EventFeeds.heldBy(.network(network), db: db))) }
            }
            .sort(\.$startsAt).limit(shown).all()
        let people = try await User.query(on: db).filter(\.$cityID == id).all(\.$id).compactMap { $0 }
        var registered: [Event] = []
        if !people.isEmpty, EventQueries.isInside([.city(id)], request: request) {
            let ids = try await Registration.query(on: db).filter(\.$user.$id ~~ people).all(\.$event.$id)
            registered = try await Event.query(on: db).filter(\.$id ~~ Set(ids)).filter(\.$endsAt > Date())
                .sort(\.$startsAt).limit(shown).all()
        }
        guard !coming.isEmpty || !registered.isEmpty else { return nil }
        return try await section(
            coming: coming, registrations: registered, name: city.name,
            feed: EventsPath.cityCalendar.href("\(id).ics"), filter: "city=\(id)", request: request)
    }

    package static let network = PageSectionProvider.on(Network.self) { request, network in
        let id = try network.requireID()
        let coming = try await Event.query(on: request.db).filter(\.$state == .published)
            .filter(\.$endsAt > Date()).filter(.sql(raw: EventFeeds.heldBy(.network(id), db: request.db)))
            .sort(\.$startsAt).limit(shown).all()
        guard !coming.isEmpty else { return nil }
        return try await section(
            coming: coming, registrations: [], name: network.name,
            feed: EventsPath.networkCalendar.href("\(network.slug).ics"), filter: "network=\(id)", request: request)
    }

    private static func section(
        coming: [Event], registrations: [Event], name: String, feed: String, filter: String, request: Request
    ) async throws -> PageSection {
        let names = try await EventRecords.Names.read(for: coming + registrations, on: request.db)
        let context = Context(
            coming: coming.map { item($0, names: names, request: request) },
            registrations: registrations.map { item($0, names: names, request: request) }, feed: feed, name: name,
            calendar: request.localized(EventsPath.events.href()) + "?view=list&" + filter)
        return PageSection(
            id: "events", title: request.text(Message("events.section.title", "Events")),
            html: try await request.renderedSection("Events/section", context))
    }

    static func item(_ event: Event, names: EventRecords.Names, request: Request) -> Item {
        // Other pages have no zone menu: the zone the reader chose on the calendar is named beside the times.
        let zone = ViewerTimeZone.of(request)
        let span = EventTimeText.span(event.startsAt, event.endsAt, zone: zone, locale: request.language.locale)
        return Item(
            title: event.title, href: request.localized(EventsPath.event.href(event.id!)),
            when: "\(span) (\(zone.identifier.replacingOccurrences(of: "_", with: " ")))",
            detail: (names.organisers[event.id!] ?? []).filter(\.isConfirmed).map(\.name).joined(separator: " · "))
    }

    package static let account = PageSectionProvider.on(User.self) { request, user in
        let id = try user.requireID()
        let db = request.db
        let ids = try await Registration.query(on: db).filter(\.$user.$id == id).all(\.$event.$id)
        let events = try await Event.query(on: db).filter(\.$id ~~ ids).filter(\.$endsAt > Date())
            .sort(\.$startsAt).all()
        let names = try await EventRecords.Names.read(for: events, on: db)
        let waiting = Set(
            try await Registration.query(on: db).filter(\.$user.$id == id).filter(\.$state == .waiting)
                .all(\.$event.$id))
        let context = AccountContext(
            registrations: events.map { event in
                var entry = item(event, names: names, request: request)
                if event.state == .cancelled {
                    entry.detail = request.text(event.state.message)
                } else if waiting.contains(event.id!) {
                    entry.detail = request.text(EventWebController.stateMessage(.waiting))
                }
                return entry
            },
            hasKey: try await CalendarKey.query(on: db).filter(\.$user.$id == id).count() > 0,
            rotate: request.localized(EventsPath.calendarKey.href()))
        return PageSection(
            id: "events", title: request.text(Message("events.account-section.title", "Your events")),
            html: try await request.renderedSection("Events/account-section", context))
    }
}

/// The trade missions between a city and its partner cities, linked from their partnership.
enum TradeMissionLinks {
    static let provider = PartnershipLinkProvider { request, city, partners in
        guard !partners.isEmpty else { return [:] }
        let db = request.db
        // A mission joins its organising cities and its partner cities: one of the two sides is a partner.
        let between = Set(partners + [city]).sorted().map(String.init).joined(separator: ", ")
        let missions = try await Event.query(on: db).filter(\.$kind == .tradeMission).filter(\.$state != .draft)
            .filter(
                .sql(
                    raw:
                        "events.id IN (SELECT event_id FROM event_cities WHERE role = 'partner' AND city_id IN (\(between)))"
                )
            )
            .sort(\.$startsAt).all()
        var links: [Int: [PartnershipLink]] = [:]
        for mission in missions {
            let id = try mission.requireID()
            let organisers = try await EventQueries.hosts(of: id, on: db).filter { $0.kind == .city }.map(\.id)
            let sides = Set(organisers + (try await EventQueries.cities(of: id, role: .partner, on: db)))
            guard sides.contains(city) else { continue }
            let label = request.text(
                Message(
                    "events.partnership.mission", "Trade mission: {title} ({day})",
                    ["title": .text(mission.title), "day": .day(mission.startsAt)]))
            for partner in partners where sides.contains(partner) {
                links[partner, default: []].append(
                    PartnershipLink(label: label, href: request.localized(EventsPath.event.href(id))))
            }
        }
        return links
    }
}
