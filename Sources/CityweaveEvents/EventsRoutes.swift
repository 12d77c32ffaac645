import CityweaveAccounts
import CityweaveShared
import Vapor

/// Every address of the shared calendar: the JSON API under `/api/v1`, the pages and the iCalendar feeds.
/// Published events, their feeds and the overlaps are public; an event's organisers' editors change it;
/// the people of a city or a network register themselves (or their editors register them).
package struct EventsRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let hosts = AccessPolicy.editor(of: .eventHosts(parameter: "id"))
        let hostsViewers = AccessPolicy.viewer(of: .eventHosts(parameter: "id"))
        let asked = AccessPolicy.editor(of: .askedOrganiser(event: "id", organisation: "organisation"))

        let api = routes.grouped("api", "v1")
        let json = EventsAPIController()
        api.get("events", use: json.events)
        api.on(.POST, "events", policy: .editor(of: .eventOrganisersInBody), use: json.create)
        api.get("events", "overlaps", use: json.overlaps)
        api.get("events", ":id", use: json.event)
        api.on(.PATCH, "events", ":id", policy: hosts, use: json.update)
        api.on(.DELETE, "events", ":id", policy: hosts, use: json.delete)
        api.on(.PUT, "events", ":id", "state", policy: hosts, use: json.changeState)
        api.on(.PUT, "events", ":id", "organisers", ":organisation", policy: asked, use: json.confirmOrganiser)
        api.on(.GET, "events", ":id", "registrations", policy: .signedIn, use: json.registrations)
        api.on(.POST, "events", ":id", "registrations", policy: .signedIn, use: json.register)
        api.on(.DELETE, "events", ":id", "registrations", policy: .signedIn, use: json.unregister)
        api.get("events", ":id", "competing", use: json.competing)

        let pages = EventWebController()
        routes.get(EventsPath.events, use: EventCalendarController().calendar)
        routes.get(EventsPath.overlaps, use: OverlapsWebController().overlaps)
        routes.on(.GET, EventsPath.newEvent, policy: .signedIn, use: pages.newForm)
        routes.on(.POST, EventsPath.events, policy: .editor(of: .eventOrganisersInBody), use: pages.create)
        // `/events/12` is the page and `/events/12.ics` its calendar file: one route, as both are one segment.
        routes.get(EventsPath.event, use: pages.showOrFile)
        routes.on(.GET, EventsPath.editEvent, policy: hosts, use: pages.editForm)
        routes.on(.POST, EventsPath.editEvent, policy: hosts, use: pages.update)
        routes.on(.POST, EventsPath.eventState, policy: hosts, use: pages.changeState)
        routes.on(.POST, EventsPath.deleteEvent, policy: hosts, use: pages.delete)
        routes.on(.POST, EventsPath.confirmOrganiser, policy: asked, use: pages.confirmOrganiser)
        routes.on(.POST, EventsPath.register, policy: .signedIn, use: pages.register)
        routes.on(.POST, EventsPath.unregister, policy: .signedIn, use: pages.unregister)
        routes.on(.GET, EventsPath.registrations, policy: hostsViewers, use: pages.registrations)
        routes.on(.GET, EventsPath.registrationsCSV, policy: hostsViewers, use: pages.registrationsCSV)

        let feeds = CalendarFeedController()
        routes.get(EventsPath.networkCalendar, use: feeds.network)
        routes.get(EventsPath.cityCalendar, use: feeds.city)
        routes.get(EventsPath.themeCalendar, use: feeds.theme)
        routes.get(EventsPath.personalCalendar, use: feeds.personal)
        routes.on(.POST, EventsPath.calendarKey, policy: .signedIn, use: feeds.rotateKey)
    }
}
