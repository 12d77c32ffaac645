import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The events module's JSON API: the calendar, an event, its registrations, what competes with it and the
/// overlaps across the calendar. Who may write is declared with each route in `EventsRoutes`.
package struct EventsAPIController {
    /// Events overlapping `from`..<`to` (this week by default) that match the filters, soonest first.
    @Sendable
    package func events(_ request: Request) async throws -> Paged<EventSummaryDTO> {
        let page = try PageParameters(from: request, defaultPer: 50)
        let week = CalendarWindow.week(containing: Date(), in: .gmt)
        let filter = try EventFilter(query: request, defaultFrom: week.lowerBound, defaultTo: week.upperBound)
        let reader = request.actor?.user
        let total = try await EventListing.count(filter, reader: reader, on: request.db)
        let events = try await EventListing.page(
            filter, reader: reader, offset: page.offset, limit: page.per, on: request.db)
        return Paged(
            items: try await EventRecords.summaries(events, on: request.db),
            metadata: ListPageMetadata(page, total: total))
    }

    /// Creates a draft for the organisers the body names (the writer edits for one of them; the others are asked).
    @Sendable
    package func create(_ request: Request) async throws -> Response {
        let event = try await EventEdits.create(try request.jsonBody(EventInput.self), context: request.editContext)
        return try await EventRecords.detail(event, request: request).encodeResponse(status: .created, for: request)
    }

    @Sendable
    package func event(_ request: Request) async throws -> EventDTO {
        try await EventRecords.detail(try await visible(request), request: request)
    }

    @Sendable
    package func update(_ request: Request) async throws -> EventDTO {
        let event = try await visible(request)
        try await EventEdits.update(event, with: try request.jsonBody(EventInput.self), context: request.editContext)
        return try await EventRecords.detail(event, request: request)
    }

    @Sendable
    package func delete(_ request: Request) async throws -> HTTPStatus {
        try await EventEdits.delete(try await visible(request), context: request.editContext)
        return .noContent
    }

    @Sendable
    package func changeState(_ request: Request) async throws -> EventDTO {
        let event = try await visible(request)
        try await EventEdits.change(
            event, try request.jsonBody(EventEdits.StateChange.self), context: request.editContext)
        return try await EventRecords.detail(event, request: request)
    }

    /// The organisation in the path, asked to co-organise, confirms (one of its editors).
    @Sendable
    package func confirmOrganiser(_ request: Request) async throws -> EventDTO {
        let event = try await visible(request)
        try await EventEdits.confirm(
            try request.organisationParameter("organisation"), of: event, context: request.editContext)
        return try await EventRecords.detail(event, request: request)
    }

    /// Everyone registered and waiting, for the organisers' people; the person's own registration otherwise.
    @Sendable
    package func registrations(_ request: Request) async throws -> RegistrationListDTO {
        let event = try await visible(request)
        return try await EventRegistrations.list(event, request: request)
    }

    /// Registers the person (or, by one of their organisation's editors, a colleague): 201 with a place or a
    /// place on the waiting list, as the list says.
    @Sendable
    package func register(_ request: Request) async throws -> Response {
        let event = try await visible(request)
        let person = try await EventRegistrations.person(
            request.body.data == nil ? nil : try request.jsonBody(RegistrationInput.self).user, request: request)
        try await RegistrationEdits.register(person, for: event, context: request.editContext)
        return try await EventRegistrations.list(event, request: request).encodeResponse(status: .created, for: request)
    }

    /// Gives up the person's place (or a colleague's, `?user=`); the first waiting moves up.
    @Sendable
    package func unregister(_ request: Request) async throws -> HTTPStatus {
        let event = try await visible(request)
        let person = try await EventRegistrations.person(
            try request.query[UUID.self, at: "user"], request: request)
        try await RegistrationEdits.cancel(person, for: event, context: request.editContext)
        return .noContent
    }

    /// Events of other organisers that compete with this one, best first, each with its reason.
    @Sendable
    package func competing(_ request: Request) async throws -> CompetingListDTO {
        let event = try await visible(request)
        let (competitors, total) = try await EventCompetitionReader.competitors(
            of: event, limit: 50, on: request.db)
        let names = try await EventRecords.Names.read(for: competitors.map(\.0), on: request.db)
        return CompetingListDTO(
            event: try event.requireID(), total: total,
            items: competitors.map { other, competition in
                CompetitionDTO(
                    event: EventRecords.summary(other, names: names), score: competition.score,
                    sharedThemes: competition.sharedThemes.themes.map(\.rawValue),
                    sharedCities: competition.sharedCities, sameThemeWithinWeek: competition.sameThemeWithinWeek,
                    overlapsWithSharedCities: competition.overlapsWithSharedCities,
                    reason: request.text(EventCompetitionReader.reason(competition)))
            })
    }

    /// The largest clusters of competing events between `from` and `to` (today and the next 90 days by
    /// default), and the cities whose people are invited to the most events in one week.
    @Sendable
    package func overlaps(_ request: Request) async throws -> OverlapsDTO {
        let today = CalendarWindow.day(containing: Date(), in: .gmt).lowerBound
        let filter = try EventFilter(
            query: request, defaultFrom: today, defaultTo: today.addingTimeInterval(90 * 86_400))
        let overlaps = try await EventCompetitionReader.overlaps(
            from: filter.from, to: filter.to, clusters: 20, eventsPerCluster: 20, busiest: 20, on: request.db)
        return try await OverlapsReport(overlaps, on: request.db).dto(from: filter.from, to: filter.to)
    }

    private func visible(_ request: Request) async throws -> Event {
        try await EventQueries.visibleEvent(try request.integerParameter("id"), request: request)
    }
}
