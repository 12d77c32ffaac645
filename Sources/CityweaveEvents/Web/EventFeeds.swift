import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Events written as an iCalendar document for calendar programs.
enum EventFeeds {
    /// SQL that keeps the events `organisation` holds (named and confirmed).
    static func heldBy(_ organisation: Organisation, db: any Database) -> String {
        "events.id IN (SELECT event_id FROM event_organisers WHERE organisation_kind = '\(organisation.kind.rawValue)'"
            + " AND organisation_id = \(organisation.id) AND is_confirmed = \(EventListing.trueLiteral(db)))"
    }

    /// `events` as a calendar named `name`. The online link of an event that is not public goes only into a
    /// person's own feed (`withLinks`), which holds only events they registered for.
    static func response(_ events: [FeedEvent], name: String, request: Request, withLinks: Bool = false)
        async throws -> Response
    {
        let names = try await EventRecords.Names.read(
            events: events.map(\.id), venues: events.compactMap(\.venueCityID), on: request.db)
        let base = request.baseURL
        // Worded once for the whole feed: a feed of 2,000 events would otherwise look them up 2,000 times.
        let pagePattern = SitePathPattern(EventsPath.event.rawValue)
        let themeNames = Dictionary(uniqueKeysWithValues: Theme.allCases.map { ($0, request.text($0.message)) })
        let calendarEvents = events.map { event in
            let id = event.id
            let page = base + pagePattern.filled(with: [String(id)])
            let link = withLinks || event.access == .public ? event.onlineURL : nil
            let venue = [event.venueAddress, names.cities[event.venueCityID ?? 0] ?? ""].filter { !$0.isEmpty }
            var description = [event.details]
            if let link {
                description.append(request.text(Message("events.feed.online", "Online: {link}", ["link": .text(link)])))
            }
            if event.isCancelled {
                description.insert(
                    request.text(
                        Message("events.feed.cancelled", "Cancelled: {reason}", ["reason": .text(event.cancelReason)])),
                    at: 0)
            }
            description.append(page)
            return CalendarEvent(
                uid: "event-\(id)@cityweave", sequence: event.sequence, start: event.startsAt, end: event.endsAt,
                timeZone: event.timeZone, summary: event.title,
                description: description.filter { !$0.isEmpty }.joined(separator: "\n\n"),
                location: venue.isEmpty ? link : venue.joined(separator: ", "), url: page,
                status: event.isCancelled ? .cancelled : .confirmed,
                organizer: (names.organisers[id] ?? []).filter(\.isConfirmed).map(\.name).joined(separator: ", "),
                categories: event.themes.themes.compactMap { themeNames[$0] },
                created: event.createdAt ?? event.startsAt, lastModified: event.updatedAt ?? event.startsAt)
        }
        let calendar = ICalendar(productID: "-//Cityweave//Events//EN", name: name, events: calendarEvents)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"calendar.ics\"")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.text(stamp: Date())))
    }
}
