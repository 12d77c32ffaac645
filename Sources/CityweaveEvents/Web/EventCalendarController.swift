import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// `/events`: one calendar across every network and city, as a week (the default), a month or a list, with
/// filters, each time in the reader's chosen zone.
package struct EventCalendarController {
    enum View: String, CaseIterable {
        case week, month, list
    }

    struct Item: Encodable {
        var id: Int
        var href: String
        var title: String
        var clock: String
        var time: EventTimeText
        var kind: String
        var organisers: String
        var isCancelled: Bool
        var isDraft: Bool
        var isExample: Bool
    }

    struct Day: Encodable {
        var label: String
        var isToday: Bool
        var isOtherMonth: Bool
        var items: [Item]
    }

    struct Page: Encodable {
        var layout: Layout
        var view: String
        var views: [FormChoice]
        var heading: String
        var weeks: [[Day]]
        var days: [Day]
        var weekdays: [String]
        var previous: String
        var next: String
        var current: String
        var query: String
        var themes: [FormChoice]
        var networks: [FormChoice]
        var kinds: [FormChoice]
        var languages: [FormChoice]
        var levels: [FormChoice]
        var cities: [FormChoice]
        var zones: [FormChoice]
        var anchor: String
        var zone: String
        var isFiltered: Bool
        var isTruncated: Bool
        var mayPublish: Bool
        var feeds: [FormChoice]
    }

    /// The most events one view shows; a month past it says so and asks for a filter.
    static let limit = 1_000

    @Sendable
    package func calendar(_ request: Request) async throws -> Response {
        let zone = ViewerTimeZone.of(request)
        let locale = request.language.locale
        let view =
            try (request.query[String.self, at: "view"]).map {
                try FieldChoice.parse(View.self, $0, field: "view")
            } ?? .week
        let anchorText = request.query[String.self, at: "date"] ?? ""
        let anchor: Date
        if anchorText.isEmpty {
            anchor = Date()
        } else if let noon = try DateText.typedDay(anchorText, field: "date").flatMap({
            LocalTime(parsing: $0 + "T12:00")
        }),
            case .exact(let moment) = noon.resolve(in: zone)
        {
            anchor = moment
        } else {
            anchor = Date()
        }
        let window: Range<Date> =
            switch view {
            case .week: CalendarWindow.week(containing: anchor, in: zone)
            case .month: CalendarWindow.month(containing: anchor, in: zone)
            case .list:
                CalendarWindow.day(containing: anchor, in: zone).lowerBound..<anchor.addingTimeInterval(28 * 86_400)
            }
        // A month grid starts on the Monday before the first and ends on the Sunday after the last.
        let shown: Range<Date> =
            view == .month
            ? CalendarWindow.week(containing: window.lowerBound, in: zone)
                .lowerBound..<CalendarWindow.week(containing: window.upperBound.addingTimeInterval(-1), in: zone)
                .upperBound
            : window
        let filter = try EventFilter(query: request, defaultFrom: shown.lowerBound, defaultTo: shown.upperBound)
        var windowed = filter
        windowed.from = shown.lowerBound
        windowed.to = shown.upperBound
        let events = try await EventListing.page(
            windowed, reader: request.actor?.user, limit: Self.limit + 1, on: request.db)
        let names = try await EventRecords.Names.read(
            events: events.map(\.id), venues: events.compactMap(\.venueCityID), on: request.db)
        let days = CalendarWindow.days(of: shown, in: zone).map { day in
            Day(
                label: day.lowerBound.formatted(
                    Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale, timeZone: zone).weekday(
                        .abbreviated)),
                isToday: day.contains(Date()),
                isOtherMonth: view == .month && !window.contains(day.lowerBound),
                items: events.prefix(Self.limit).filter { $0.startsAt < day.upperBound && $0.endsAt > day.lowerBound }
                    .map { item($0, names: names, zone: zone, request: request) })
        }
        let calendar = CalendarWindow.calendar(in: zone)
        func shift(_ sign: Int) -> String {
            let moved: Date =
                switch view {
                case .week: calendar.date(byAdding: .day, value: 7 * sign, to: anchor)!
                case .month: calendar.date(byAdding: .month, value: sign, to: anchor)!
                case .list: calendar.date(byAdding: .day, value: 28 * sign, to: anchor)!
                }
            return link(request, view: view, date: LocalTime(moved, in: zone).text.prefix(10).description)
        }
        let heading: String =
            switch view {
            case .month: anchor.formatted(Date.FormatStyle(locale: locale, timeZone: zone).month(.wide).year())
            case .week, .list:
                "\(window.lowerBound.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, timeZone: zone))) – \(window.upperBound.addingTimeInterval(-1).formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, timeZone: zone)))"
            }
        let user = request.actor?.user
        let page = Page(
            layout: Layout(title: Message("events.calendar.title", "Events of city networks"), request: request),
            view: view.rawValue,
            views: View.allCases.map {
                FormChoice(
                    value: link(request, view: $0, date: anchorText), label: request.text(Self.label($0)),
                    selected: $0 == view)
            },
            heading: heading,
            weeks: view == .month
                ? stride(from: 0, to: days.count, by: 7).map { Array(days[$0..<min($0 + 7, days.count)]) } : [],
            days: view == .month ? [] : days.filter { view == .week || !$0.items.isEmpty },
            weekdays: CalendarWindow.days(of: shown, in: zone).prefix(7).map {
                $0.lowerBound.formatted(Date.FormatStyle(locale: locale, timeZone: zone).weekday(.wide))
            },
            previous: shift(-1), next: shift(1), current: link(request, view: view, date: ""),
            query: request.url.query ?? "",
            themes: Theme.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text($0.message), selected: $0 == filter.theme)
            },
            networks: try await EventsChoices.networks(selected: filter.network, on: request.db),
            kinds: EventKind.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text($0.message), selected: $0 == filter.kind)
            },
            languages: WrittenLanguages.choices(selected: filter.language, request: request),
            levels: EventLevel.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text($0.message), selected: $0 == filter.level)
            },
            cities: try await EventsChoices.cities(selected: filter.city, on: request.db),
            zones: ViewerTimeZone.choices(selected: zone, locale: request.language.locale), anchor: anchorText,
            zone: zone.identifier.replacingOccurrences(of: "_", with: " "),
            isFiltered: filter.theme != nil || filter.network != nil || filter.city != nil || filter.kind != nil
                || filter.language != nil || filter.level != nil,
            isTruncated: events.count > Self.limit,
            mayPublish: user?.isPlatformAdmin == true
                || user.flatMap(\.organisation).map { AccessPolicy.holds(.editor, in: [$0], user: user) } ?? false,
            feeds: Theme.allCases.map {
                FormChoice(
                    value: EventsPath.themeCalendar.href("\($0.rawValue).ics"), label: request.text($0.message),
                    selected: false)
            })
        let response = try await request.view.render("Events/calendar", page).encodeResponse(for: request)
        ViewerTimeZone.remember(request, on: response)
        return response
    }

    static func label(_ view: View) -> Message {
        switch view {
        case .week: Message("events.calendar.week", "Week")
        case .month: Message("events.calendar.month", "Month")
        case .list: Message("events.calendar.list", "List")
        }
    }

    /// The calendar at `view` and `date`, keeping the reader's filters.
    private func link(_ request: Request, view: View, date: String) -> String {
        var items = (URLComponents(string: request.url.string)?.queryItems ?? []).filter {
            !["view", "date", "notice", ViewerTimeZone.parameter].contains($0.name)
        }
        items.append(URLQueryItem(name: "view", value: view.rawValue))
        if !date.isEmpty { items.append(URLQueryItem(name: "date", value: date)) }
        var components = URLComponents()
        components.path = request.localized(EventsPath.events.href())
        components.queryItems = items
        return components.string ?? EventsPath.events.href()
    }

    func item(_ event: ListedEvent, names: EventRecords.Names, zone: TimeZone, request: Request) -> Item {
        let id = event.id
        return Item(
            id: id, href: request.localized(EventsPath.event.href(id)), title: event.title,
            clock: EventTimeText.clock(event.startsAt, zone: zone, locale: request.language.locale),
            time: EventTimeText(
                start: event.startsAt, end: event.endsAt, organiserZone: event.zone, viewer: zone,
                locale: request.language.locale),
            kind: request.text(event.kind.message),
            organisers: (names.organisers[id] ?? []).filter(\.isConfirmed).map(\.name).joined(separator: " · "),
            isCancelled: event.state == .cancelled, isDraft: event.state == .draft, isExample: event.isExample)
    }
}

/// The menus of the calendar's filters.
enum EventsChoices {
    /// Networks that hold events, by name.
    static func networks(selected: Int?, on db: any Database) async throws -> [FormChoice] {
        let ids = try await EventOrganiser.query(on: db).filter(\.$organisationKind == .network).unique()
            .all(\.$organisationID)
        return try await Network.query(on: db).filter(\.$id ~~ Set(ids)).sort(\.$name).all().map {
            FormChoice(value: "\($0.id!)", label: $0.name, selected: $0.id == selected)
        }
    }

    /// Cities that hold, host or are named by events, by name.
    static func cities(selected: Int?, on db: any Database) async throws -> [FormChoice] {
        var ids = Set(
            try await EventOrganiser.query(on: db).filter(\.$organisationKind == .city).unique().all(\.$organisationID))
        ids.formUnion(
            try await Event.query(on: db).filter(\.$venueCityID != nil).unique().all(\.$venueCityID).compactMap { $0 })
        ids.formUnion(try await EventCity.query(on: db).filter(\.$role == .partner).unique().all(\.$cityID))
        return try await City.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all().map {
            FormChoice(value: "\($0.id!)", label: $0.name, selected: $0.id == selected)
        }
    }
}
