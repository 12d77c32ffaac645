import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// An event's pages: its public page with registration, the form its organisers publish and change it
/// through (which lists the events that compete with it), its registrations and their CSV, and its
/// calendar file.
package struct EventWebController {
    package enum EventNotice: String, PageNotice {
        case drafted, saved, published, cancelled, deleted, confirmed, registered, waiting, unregistered

        package var message: Message {
            switch self {
            case .drafted:
                Message(
                    "events.notice.drafted",
                    "The draft is saved. Only your organisation sees it until you publish it; check below which events compete with it."
                )
            case .saved: Message("events.notice.saved", "The event is saved.")
            case .published:
                Message("events.notice.published", "The event is published on the calendar and in the feeds.")
            case .cancelled:
                Message("events.notice.cancelled", "The event is cancelled; calendars that hold it will show it so.")
            case .deleted: Message("events.notice.deleted", "The draft is deleted.")
            case .confirmed: Message("events.notice.confirmed", "Your organisation now co-organises the event.")
            case .registered: Message("events.notice.registered", "The place is booked.")
            case .waiting:
                Message(
                    "events.notice.waiting",
                    "The event is full: the person is on the waiting list and moves up when someone cancels.")
            case .unregistered: Message("events.notice.unregistered", "The registration is cancelled.")
            }
        }
    }

    // MARK: the event's page

    struct OrganiserRow: Encodable {
        var name: String
        var href: String?
        var isConfirmed: Bool
        /// The path to confirm through, for the asked organisation's editors.
        var confirm: String?
    }

    struct CompetitorRow: Encodable {
        var href: String
        var title: String
        var organisers: String
        var time: EventTimeText
        var score: String
        var reason: String
    }

    struct RegistrationState: Encodable {
        var isSignedIn: Bool
        var mayRegister: Bool
        var isRegistered: Bool
        var isWaiting: Bool
        var waitingPosition: Int?
        var isOpen: Bool
        var colleagues: [FormChoice]
    }

    struct ShowPage: Encodable {
        var layout: Layout
        var event: EventDTO
        var kind: String
        var state: String
        var level: String
        var access: String
        var time: EventTimeText
        var themes: [String]
        var languages: [String]
        var interpretation: [String]
        var organisers: [OrganiserRow]
        var venueHref: String?
        var invited: [CityLink]
        var partners: [CityLink]
        var registration: RegistrationState
        var competitors: [CompetitorRow]
        var isOrganiser: Bool
        var isOver: Bool
        var calendarFile: String
        var notice: String?
        var error: String?
    }

    struct CityLink: Encodable {
        var name: String
        var href: String
    }

    /// `/events/12` is the page, `/events/12.ics` the event's calendar file.
    @Sendable
    package func showOrFile(_ request: Request) async throws -> Response {
        let segment = request.parameters.get("id") ?? ""
        if segment.hasSuffix(".ics"), let id = Int(segment.dropLast(4)), id > 0 {
            let event = try await EventQueries.visibleEvent(id, request: request)
            let withLink = try await EventRecords.mayJoin(event, request: request)
            let response = try await EventFeeds.response(
                [FeedEvent(event)], name: event.title, request: request, withLinks: withLink)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"event-\(id).ics\"")
            return response
        }
        let event = try await visible(request)
        return try await render(request, event, notice: request.notice(EventNotice.self)).encodeResponse(for: request)
    }

    func render(_ request: Request, _ event: Event, notice: String? = nil, error: String? = nil) async throws -> View {
        let dto = try await EventRecords.detail(event, request: request)
        let id = dto.id
        let user = request.actor?.user
        let hosts = dto.organisers.filter(\.isConfirmed).map { Organisation(kind: $0.kind, id: $0.id) }
        let isOrganiser = EventQueries.isInside(hosts, request: request)
        let zone = ViewerTimeZone.of(request)
        let locale = request.language.locale
        func organisationHref(_ kind: Organisation.Kind, _ id: Int) -> String {
            request.localized(kind == .city ? DirectoryPath.city.href(id) : DirectoryPath.network.href(id))
        }
        var registration = RegistrationState(
            isSignedIn: user != nil, mayRegister: false, isRegistered: false, isWaiting: false, waitingPosition: nil,
            isOpen: event.state == .published && event.startsAt > Date(), colleagues: [])
        if let user, let own = user.organisation {
            registration.mayRegister = try await EventQueries.mayCome(own, to: event, on: request.db)
            let mine = try await EventRegistrations.own(event, person: user.requireID(), on: request.db)
            registration.isRegistered = mine?.state == .registered
            registration.isWaiting = mine?.state == .waiting
            registration.waitingPosition = mine?.waitingPosition
            if registration.mayRegister, AccessPolicy.holds(.editor, in: [own], user: user) {
                let taken = Set(
                    try await Registration.query(on: request.db).filter(\.$event.$id == id).all(\.$user.$id))
                registration.colleagues = try await EventsChoices.colleagues(of: own, except: taken, on: request.db)
            }
        }
        var competitors: [CompetitorRow] = []
        if isOrganiser, event.state != .cancelled {
            let found = try await EventCompetitionReader.competitors(of: event, limit: 20, on: request.db).found
            let names = try await EventRecords.Names.read(for: found.map(\.0), on: request.db)
            competitors = found.map { other, competition in
                CompetitorRow(
                    href: request.localized(EventsPath.event.href(other.id!)), title: other.title,
                    organisers: (names.organisers[other.id!] ?? []).filter(\.isConfirmed).map(\.name)
                        .joined(separator: " · "),
                    time: EventTimeText(
                        start: other.startsAt, end: other.endsAt, organiserZone: other.zone, viewer: zone,
                        locale: locale),
                    score: request.text(value: .percent(competition.score)),
                    reason: request.text(EventCompetitionReader.reason(competition)))
            }
        }
        let page = ShowPage(
            layout: Layout(title: event.title, request: request), event: dto, kind: request.text(event.kind.message),
            state: request.text(event.state.message), level: request.text(event.level.message),
            access: request.text(event.access.message),
            time: EventTimeText(
                start: event.startsAt, end: event.endsAt, organiserZone: event.zone, viewer: zone, locale: locale),
            themes: event.themes.themes.map { request.text($0.message) },
            languages: event.languages.map { LanguageName.of($0, in: request.language) },
            interpretation: event.interpretation.map { LanguageName.of($0, in: request.language) },
            organisers: dto.organisers.map { organiser in
                let organisation = Organisation(kind: organiser.kind, id: organiser.id)
                return OrganiserRow(
                    name: organiser.name, href: organisationHref(organiser.kind, organiser.id),
                    isConfirmed: organiser.isConfirmed,
                    confirm: !organiser.isConfirmed && AccessPolicy.holds(.editor, in: [organisation], user: user)
                        ? request.localized(EventsPath.confirmOrganiser.href(id, organisation.reference)) : nil)
            },
            venueHref: dto.venueCity.map { organisationHref(.city, $0.id) },
            invited: dto.invitedCities.map { CityLink(name: $0.name, href: organisationHref(.city, $0.id)) },
            partners: dto.partnerCities.map { CityLink(name: $0.name, href: organisationHref(.city, $0.id)) },
            registration: registration, competitors: competitors, isOrganiser: isOrganiser, isOver: event.isOver(),
            calendarFile: EventsPath.event.href("\(id).ics"), notice: notice, error: error)
        return try await request.view.render("Events/event", page)
    }

    // MARK: publishing

    struct FormPage: Encodable {
        var layout: Layout
        var action: String
        var isNew: Bool
        var isOver: Bool
        var form: EventForm
        var kinds: [FormChoice]
        var levels: [FormChoice]
        var accesses: [FormChoice]
        var themes: [FormChoice]
        var languages: [FormChoice]
        var interpretation: [FormChoice]
        var organisers: [FormChoice]
        var zones: [FormChoice]
        var error: String?
    }

    @Sendable
    package func newForm(_ request: Request) async throws -> View {
        var form = EventForm()
        form.organiser = request.actor?.user.organisation?.reference
        form.timeZone = ViewerTimeZone.of(request).identifier
        form.languages = [request.language.rawValue]
        form.access = EventAccess.public.rawValue
        return try await renderForm(request, event: nil, form: form)
    }

    @Sendable
    package func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(EventForm.self)
        do {
            let event = try await EventEdits.create(
                try await form.input(isNew: true, on: request.db), context: request.editContext)
            return request.redirect(to: EventsPath.event.href(event.id!), showing: EventNotice.drafted, at: "competing")
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(request, event: nil, form: form, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }

    @Sendable
    package func editForm(_ request: Request) async throws -> View {
        let event = try await visible(request)
        let id = try event.requireID()
        let organisers = try await EventQueries.organisers(of: id, on: request.db)
        let form = EventForm(
            event, organisers: organisers,
            coOrganisers: try await EventForm.organisationLines(Array(organisers.dropFirst()), on: request.db),
            invited: try await EventForm.lines(
                try await EventQueries.cities(of: id, role: .invited, on: request.db), on: request.db),
            partners: try await EventForm.lines(
                try await EventQueries.cities(of: id, role: .partner, on: request.db), on: request.db))
        return try await renderForm(request, event: event, form: form)
    }

    @Sendable
    package func update(_ request: Request) async throws -> Response {
        let event = try await visible(request)
        let form = try request.content.decode(EventForm.self)
        do {
            try await EventEdits.update(
                event, with: try await form.input(isNew: false, on: request.db), context: request.editContext)
            return request.redirect(to: EventsPath.event.href(event.id!), showing: EventNotice.saved, at: "competing")
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(request, event: event, form: form, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }

    private func renderForm(_ request: Request, event: Event?, form: EventForm, error: String? = nil) async throws
        -> View
    {
        let user = request.actor?.user
        var organisers: [FormChoice] = []
        if let own = user?.organisation, AccessPolicy.holds(.editor, in: [own], user: user) {
            organisers.append(FormChoice(value: own.reference, label: try await request.name(of: own), selected: true))
        }
        if let chosen = form.organiser, !organisers.contains(where: { $0.value == chosen }),
            let organisation = Organisation(reference: chosen)
        {
            organisers.append(
                FormChoice(value: chosen, label: try await request.name(of: organisation), selected: true))
        }
        return try await request.view.render(
            "Events/event-form",
            FormPage(
                layout: Layout(
                    title: event == nil
                        ? Message("events.form.new-title", "Publish an event")
                        : Message("events.form.edit-title", "Change the event"), request: request),
                action: request.localized(event.map { EventsPath.editEvent.href($0.id!) } ?? EventsPath.events.href()),
                isNew: event == nil, isOver: event?.isOver() ?? false, form: form,
                kinds: EventKind.allCases.map {
                    FormChoice(value: $0.rawValue, label: request.text($0.message), selected: $0.rawValue == form.kind)
                },
                levels: EventLevel.allCases.map {
                    FormChoice(value: $0.rawValue, label: request.text($0.message), selected: $0.rawValue == form.level)
                },
                accesses: EventAccess.allCases.map {
                    FormChoice(
                        value: $0.rawValue, label: request.text($0.message), selected: $0.rawValue == form.access)
                },
                themes: Theme.allCases.map {
                    FormChoice(
                        value: $0.rawValue, label: request.text($0.message),
                        selected: form.themes?.contains($0.rawValue) ?? false)
                },
                languages: WrittenLanguages.codes.map {
                    FormChoice(
                        value: $0, label: LanguageName.of($0, in: request.language),
                        selected: form.languages?.contains($0) ?? false)
                },
                interpretation: WrittenLanguages.codes.map {
                    FormChoice(
                        value: $0, label: LanguageName.of($0, in: request.language),
                        selected: form.interpretation?.contains($0) ?? false)
                },
                organisers: organisers,
                zones: ViewerTimeZone.choices(
                    selected: TimeZone(identifier: form.timeZone ?? "") ?? .gmt, locale: request.language.locale),
                error: error))
    }

    @Sendable
    package func changeState(_ request: Request) async throws -> Response {
        let change = try request.content.decode(EventEdits.StateChange.self)
        return try await act(request) { event in
            try await EventEdits.change(event, change, context: request.editContext)
            return event.state == .cancelled ? .cancelled : .published
        }
    }

    @Sendable
    package func delete(_ request: Request) async throws -> Response {
        let event = try await visible(request)
        do {
            try await EventEdits.delete(event, context: request.editContext)
            return request.redirect(to: EventsPath.events.href(), showing: EventNotice.deleted)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await render(request, event, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }

    @Sendable
    package func confirmOrganiser(_ request: Request) async throws -> Response {
        let organisation = try request.organisationParameter("organisation")
        return try await act(request) { event in
            try await EventEdits.confirm(organisation, of: event, context: request.editContext)
            return .confirmed
        }
    }

    // MARK: registration

    struct RegistrationForm: Content {
        /// A colleague's id, when an editor registers someone else.
        var user: UUID?
    }

    @Sendable
    package func register(_ request: Request) async throws -> Response {
        let form = try request.content.decode(RegistrationForm.self)
        return try await act(request) { event in
            let person = try await EventRegistrations.person(form.user, request: request)
            let outcome = try await RegistrationEdits.register(person, for: event, context: request.editContext)
            return outcome == .registered ? .registered : .waiting
        }
    }

    @Sendable
    package func unregister(_ request: Request) async throws -> Response {
        let form = try request.content.decode(RegistrationForm.self)
        return try await act(request) { event in
            let person = try await EventRegistrations.person(form.user, request: request)
            try await RegistrationEdits.cancel(person, for: event, context: request.editContext)
            return .unregistered
        }
    }

    struct RegistrationsPage: Encodable {
        struct Row: Encodable {
            var name: String
            var email: String
            var organisation: String
            var state: String
            var position: Int?
            var date: String
            var user: String
        }

        var layout: Layout
        var event: EventSummaryDTO
        var capacity: Int?
        var registered: [Row]
        var waiting: [Row]
        var csv: String
        var back: String
    }

    /// Everyone registered and waiting, for the organisers' people.
    @Sendable
    package func registrations(_ request: Request) async throws -> View {
        let event = try await visible(request)
        let list = try await EventRegistrations.list(event, request: request)
        func row(_ item: RegistrationDTO) -> RegistrationsPage.Row {
            RegistrationsPage.Row(
                name: item.name, email: item.email, organisation: item.organisation?.name ?? "",
                state: request.text(Self.stateMessage(item.state)), position: item.waitingPosition,
                date: item.registeredAt.map { request.text(day: $0) } ?? "", user: item.user.uuidString)
        }
        let id = try event.requireID()
        return try await request.view.render(
            "Events/registrations",
            RegistrationsPage(
                layout: Layout(title: Message("events.registrations.title", "Registrations"), request: request),
                event: try await EventRecords.summaries([ListedEvent(event)], on: request.db)[0],
                capacity: event.capacity,
                registered: list.items.filter { $0.state == .registered }.map(row),
                waiting: list.items.filter { $0.state == .waiting }.map(row),
                csv: EventsPath.registrationsCSV.href(id), back: request.localized(EventsPath.event.href(id))))
    }

    static func stateMessage(_ state: Registration.State) -> Message {
        switch state {
        case .registered: Message("events.registration.registered", "Registered")
        case .waiting: Message("events.registration.waiting", "Waiting list")
        }
    }

    @Sendable
    package func registrationsCSV(_ request: Request) async throws -> Response {
        let event = try await visible(request)
        let list = try await EventRegistrations.list(event, request: request)
        let csv = try CSVExport.text(
            header: ["name", "email", "organisation", "state", "waiting_position", "registered_at"],
            rows: list.items.map {
                [
                    $0.name, $0.email, $0.organisation?.name ?? "", $0.state.rawValue,
                    $0.waitingPosition.map(String.init) ?? "",
                    $0.registeredAt.map { $0.formatted(.iso8601) } ?? "",
                ]
            })
        return Response.csvDownload(csv, name: "event-\(try event.requireID())-registrations.csv")
    }

    // MARK: helpers

    private func visible(_ request: Request) async throws -> Event {
        try await EventQueries.visibleEvent(try request.integerParameter("id"), request: request)
    }

    private func act(_ request: Request, _ action: (Event) async throws -> EventNotice) async throws -> Response {
        try await PageAction.run(
            request, load: { try await EventQueries.visibleEvent($0, request: request) },
            page: { EventsPath.event.href($0) }, render: { try await render(request, $0, error: $1) }, action)
    }
}

extension EventsChoices {
    /// The people of `organisation` not yet registered, for an editor registering a colleague.
    static func colleagues(of organisation: Organisation, except taken: Set<UUID>, on db: any Database) async throws
        -> [FormChoice]
    {
        let query = User.query(on: db).filter(\.$deactivatedAt == nil)
        switch organisation.kind {
        case .city: query.filter(\.$cityID == organisation.id)
        case .network: query.filter(\.$networkID == organisation.id)
        }
        return try await query.sort(\.$name).all()
            .filter { !taken.contains($0.id!) }
            .map { FormChoice(value: $0.id!.uuidString, label: $0.name, selected: false) }
    }
}
