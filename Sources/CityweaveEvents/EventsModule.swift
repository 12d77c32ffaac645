import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The shared calendar of city diplomacy: every network's and city's events in one place, registration
/// with a waiting list, iCalendar feeds for calendar programs, and a guard against webinar fatigue.
package enum EventsModule: CityweaveModule {
    package static let migrations: [any Migration] = EventsMigrations.all

    package static let navigation = [
        NavigationEntry(label: Message("nav.events", "Events"), href: EventsPath.events.href(), position: 67)
    ]

    package static let openAPI: [any OpenAPIModule.Type] = [EventsOpenAPI.self]

    package static let paths: [any SitePath.Type] = [EventsPath.self]

    package static func routes() -> [any RouteCollection] { [EventsRoutes()] }

    package static let pageSections = [EventsSections.city, EventsSections.network, EventsSections.account]

    package static let partnershipLinks = [TradeMissionLinks.provider]

    package static let demoContent: DemoContentLoader? = DemoEvents.loadIfEmpty

    package static let guardedTables = [
        "events", "event_organisers", "event_cities", "event_registrations", "calendar_keys",
    ]
}
