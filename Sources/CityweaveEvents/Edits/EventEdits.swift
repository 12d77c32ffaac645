import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Publishing an event and changing it. Each write is one transaction with its audit entry; every change a
/// calendar program would show raises the event's SEQUENCE once it is published.
package enum EventEdits {
    package static func create(_ input: EventInput, context: EditContext) async throws -> Event {
        let event = Event()
        event.state = .draft
        event.sequence = 0
        event.isExample = context.writesExamples
        event.createdByID = context.user?.id
        try input.apply(to: event, isNew: true)
        let organisers = try await checkedOrganisers(input.organisers ?? [], current: [], context: context)
        let invited = try await checkedCities(input.invitedCities ?? [], field: "invitedCities", on: context.db)
        let partners = try await checkedPartners(input.partnerCities ?? [], kind: event.kind, on: context.db)
        try await checkPlace(of: event, venueCity: input.venueCity, invited: invited, on: context.db)
        try checkOutcomes(input, of: event)
        try await context.db.transaction { db in
            try await event.create(on: db)
            let id = try event.requireID()
            for (organisation, confirmed) in organisers {
                try await EventOrganiser(eventID: id, organisation: organisation, isConfirmed: confirmed).create(on: db)
            }
            try await replaceCities(of: id, invited: invited, partners: partners, on: db)
            try await AuditLog.record(
                context, action: "create", recordType: "event", recordID: "\(id)", organisation: organisers.first?.0,
                changes: AuditChanges([("title", nil, event.title), ("start", nil, "\(event.startsAt)")]), on: db)
        }
        return event
    }

    /// Changes what `input` gives. Raising the capacity moves people up from the waiting list.
    package static func update(_ event: Event, with input: EventInput, context: EditContext) async throws {
        guard event.state != .cancelled else {
            throw cancelled
        }
        let id = try event.requireID()
        let before = EventSnapshot(event)
        let descriptionBefore = event.details
        try input.apply(to: event, isNew: false)
        let current = try await EventQueries.organisers(of: id, on: context.db)
        var organisers: [(Organisation, Bool)]?
        if let named = input.organisers {
            organisers = try await checkedOrganisers(named, current: current, context: context)
        }
        var invited: [Int]?
        if let cities = input.invitedCities {
            invited = try await checkedCities(cities, field: "invitedCities", on: context.db)
        }
        var partners: [Int]?
        if let cities = input.partnerCities {
            partners = try await checkedPartners(cities, kind: event.kind, on: context.db)
        }
        try await checkPlace(
            of: event, venueCity: input.venueCity,
            invited: try await invited.asyncOr {
                try await EventQueries.cities(of: id, role: .invited, on: context.db)
            },
            on: context.db)
        try checkOutcomes(input, of: event)
        // Calendars take a change only when SEQUENCE rises: raise it when what they show changed, not when a
        // field was sent again as it was.
        if event.state == .published, EventSnapshot(event) != before || event.details != descriptionBefore {
            event.sequence += 1
        }
        let replacing = (organisers, invited, partners)
        try await context.db.transaction { db in
            try await db.lockRow(id, of: Event.schema)
            try await event.update(on: db)
            if let organisers = replacing.0 {
                try await EventOrganiser.query(on: db).filter(\.$event.$id == id).delete()
                for (organisation, confirmed) in organisers {
                    try await EventOrganiser(eventID: id, organisation: organisation, isConfirmed: confirmed).create(
                        on: db)
                }
            }
            if replacing.1 != nil || replacing.2 != nil {
                let invited = try await replacing.1.asyncOr {
                    try await EventQueries.cities(of: id, role: .invited, on: db)
                }
                let partners = try await replacing.2.asyncOr {
                    try await EventQueries.cities(of: id, role: .partner, on: db)
                }
                try await replaceCities(of: id, invited: invited, partners: partners, on: db)
            }
            try await RegistrationEdits.fillPlaces(of: event, on: db)
            try await AuditLog.record(
                context, action: "update", recordType: "event", recordID: "\(id)",
                organisation: try await EventQueries.hosts(of: id, on: db).first,
                changes: try AuditChanges.between(before, EventSnapshot(event)), on: db)
        }
    }

    static let cancelled = Refusal(
        .conflict,
        Message("events.error.cancelled", "The event is cancelled: it can no longer change or take registrations."))

    package struct StateChange: Content {
        package var state: String
        /// Why it is cancelled; required to cancel.
        package var reason: String?

        package init(state: String, reason: String? = nil) {
            self.state = state
            self.reason = reason
        }
    }

    /// Publishes a draft, cancels a published event (with a reason), or publishes a cancelled one again.
    package static func change(_ event: Event, _ change: StateChange, context: EditContext) async throws {
        let target = try FieldChoice.parse(EventState.self, change.state, field: "state")
        let allowed: [EventState] =
            switch event.state {
            case .draft: [.published]
            case .published: [.cancelled]
            case .cancelled: [.published]
            }
        guard allowed.contains(target) else {
            throw Refusal(
                .conflict,
                Message(
                    "events.error.state", "An event that is {from} cannot become {to}.",
                    ["from": .lowercased(event.state.message), "to": .lowercased(target.message)]))
        }
        if target == .published, event.isOver() {
            throw Refusal(
                .conflict, Message("events.error.publish-past", "The event is over: it can no longer be published."))
        }
        let before = event.state
        if target == .cancelled {
            event.cancelReason = try EditText.line(change.reason, field: "reason", limit: 1_000)
        } else {
            event.cancelReason = ""
        }
        event.state = target
        if before != .draft { event.sequence += 1 }
        let id = try event.requireID()
        try await context.db.transaction { db in
            try await db.lockRow(id, of: Event.schema)
            try await event.update(on: db)
            try await AuditLog.record(
                context, action: target.rawValue, recordType: "event", recordID: "\(id)",
                organisation: try await EventQueries.hosts(of: id, on: db).first,
                changes: AuditChanges([("state", before.rawValue, target.rawValue)]), on: db)
        }
    }

    /// Deletes a draft; a published event is cancelled instead, so that calendars that hold it learn it is off.
    package static func delete(_ event: Event, context: EditContext) async throws {
        guard event.state == .draft else {
            throw Refusal(
                .conflict,
                Message(
                    "events.error.delete-published",
                    "Only a draft can be deleted; cancel a published event instead, so that those who registered and their calendars learn it."
                ))
        }
        let id = try event.requireID()
        let hosts = try await EventQueries.hosts(of: id, on: context.db)
        try await context.db.transaction { db in
            try await event.delete(on: db)
            try await AuditLog.record(
                context, action: "delete", recordType: "event", recordID: "\(id)", organisation: hosts.first,
                changes: AuditChanges([("title", event.title, nil)]), on: db)
        }
    }

    /// An organisation asked to co-organise confirms (one of its editors): it then holds the event with the others.
    package static func confirm(_ organisation: Organisation, of event: Event, context: EditContext) async throws {
        let id = try event.requireID()
        guard
            let row = try await EventOrganiser.query(on: context.db).filter(\.$event.$id == id)
                .filter(\.$organisationKind == organisation.kind).filter(\.$organisationID == organisation.id).first()
        else {
            throw Refusal(
                .notFound,
                Message("events.error.not-asked", "This organisation was not asked to co-organise the event."))
        }
        guard !row.isConfirmed else {
            throw Refusal(
                .conflict,
                Message("events.error.already-confirmed", "This organisation already co-organises the event."))
        }
        row.isConfirmed = true
        try await context.db.transaction { db in
            try await row.update(on: db)
            try await AuditLog.record(
                context, action: "confirm-organiser", recordType: "event", recordID: "\(id)",
                organisation: organisation,
                changes: AuditChanges([("organiser", nil, organisation.reference)]), on: db)
        }
    }

    /// The organisers named, each in the directory and none twice, with whether each holds the event now:
    /// those the writer edits for (any, for a platform administrator or the system) and those that had
    /// confirmed already do; the others are asked and hold it once their own editors confirm. The writer
    /// must edit for one of them, so that nobody publishes in others' names alone.
    static func checkedOrganisers(_ named: [Organisation], current: [EventOrganiser], context: EditContext)
        async throws -> [(Organisation, Bool)]
    {
        guard !named.isEmpty else { throw BadRequest.required("organisers") }
        guard named.count <= EventInput.maximumOrganisers else {
            throw EventInput.tooMany("organisers", limit: EventInput.maximumOrganisers)
        }
        var checked: [(Organisation, Bool)] = []
        for organisation in named where !checked.contains(where: { $0.0 == organisation }) {
            guard try await DirectoryOrganisations().name(of: organisation, on: context.db) != nil else {
                throw BadRequest.noSuchOrganisation(organisation, field: "organisers")
            }
            let own = context.user.map { AccessPolicy.holds(.editor, in: [organisation], user: $0) } ?? true
            let confirmed = current.first { $0.organisation == organisation }?.isConfirmed ?? false
            checked.append((organisation, own || confirmed))
        }
        let writerHolds =
            context.user.map { user in checked.contains { AccessPolicy.holds(.editor, in: [$0.0], user: user) } }
            ?? true
        guard writerHolds else {
            throw Refusal(
                .forbidden,
                Message(
                    "events.error.organiser-not-yours",
                    "'{field}' must name an organisation you edit for; the others you name are asked to co-organise.",
                    ["field": .text("organisers")]))
        }
        return checked
    }

    static func checkedCities(_ ids: [Int], field: String, on db: any Database) async throws -> [Int] {
        let distinct = Array(Set(ids)).sorted()
        guard distinct.count <= EventInput.maximumCities else {
            throw EventInput.tooMany(field, limit: EventInput.maximumCities)
        }
        let known = Set(try await City.query(on: db).filter(\.$id ~~ distinct).all(\.$id))
        if let missing = distinct.first(where: { !known.contains($0) }) {
            throw BadRequest.noSuchCity(missing, field: field)
        }
        return distinct
    }

    private static func checkedPartners(_ ids: [Int], kind: EventKind, on db: any Database) async throws -> [Int] {
        guard ids.isEmpty || kind == .tradeMission else {
            throw BadRequest(
                Message(
                    "events.error.partners-trade-only", "'{field}' are named for trade missions only.",
                    ["field": .text("partnerCities")]))
        }
        return try await checkedCities(ids, field: "partnerCities", on: db)
    }

    /// An event takes place somewhere (online, at a venue, or both), and an event for invited cities names them.
    private static func checkPlace(of event: Event, venueCity: Int?, invited: [Int], on db: any Database) async throws {
        if let venueCity {
            if venueCity == 0 {
                event.venueCityID = nil
            } else {
                guard try await City.find(venueCity, on: db) != nil else {
                    throw BadRequest.noSuchCity(venueCity, field: "venueCity")
                }
                event.venueCityID = venueCity
            }
        }
        guard event.onlineURL != nil || event.venueCityID != nil else {
            throw BadRequest(
                Message(
                    "events.error.no-place", "Give an online link ('{online}') or a venue city ('{venue}'), or both.",
                    ["online": .text("onlineURL"), "venue": .text("venueCity")]))
        }
        guard event.access != .invited || !invited.isEmpty else {
            throw BadRequest(
                Message(
                    "events.error.no-invited", "'{field}': an event for invited cities names at least one.",
                    ["field": .text("invitedCities")]))
        }
    }

    /// Outcomes (summary, recording, slides) are recorded once the event is over.
    private static func checkOutcomes(_ input: EventInput, of event: Event) throws {
        let given = [input.outcomeSummary, input.recordingURL, input.slidesURL].contains {
            !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
        if given, !event.isOver() {
            throw Refusal(
                .conflict,
                Message("events.error.outcomes-early", "Outcomes are recorded once the event is over."))
        }
        if let summary = input.outcomeSummary {
            event.outcomeSummary = try EditText.markdown(summary, field: "outcomeSummary", optional: true)
        }
        if let recording = input.recordingURL {
            event.recordingURL = try EditText.webAddress(recording, field: "recordingURL")
        }
        if let slides = input.slidesURL { event.slidesURL = try EditText.webAddress(slides, field: "slidesURL") }
    }

    private static func replaceCities(of id: Int, invited: [Int], partners: [Int], on db: any Database) async throws {
        try await EventCity.query(on: db).filter(\.$event.$id == id).delete()
        for city in invited { try await EventCity(eventID: id, cityID: city, role: .invited).create(on: db) }
        for city in partners { try await EventCity(eventID: id, cityID: city, role: .partner).create(on: db) }
    }

    /// What the audit log records of an event.
    private struct EventSnapshot: Encodable, Equatable {
        var title: String
        var descriptionLength: Int
        var kind: EventKind
        var timeZone: String
        var start: Date
        var end: Date
        var onlineURL: String?
        var venueCity: Int?
        var venueAddress: String
        var languages: String
        var level: EventLevel
        var access: EventAccess
        var capacity: Int?

        init(_ event: Event) {
            title = event.title
            descriptionLength = event.details.count
            kind = event.kind
            timeZone = event.timeZone
            start = event.startsAt
            end = event.endsAt
            onlineURL = event.onlineURL
            venueCity = event.venueCityID
            venueAddress = event.venueAddress
            languages = event.languageList
            level = event.level
            access = event.access
            capacity = event.capacity
        }
    }
}

extension Optional {
    /// The value, or what `fallback` reads when there is none.
    fileprivate func asyncOr(_ fallback: () async throws -> Wrapped) async rethrows -> Wrapped {
        if let self { return self }
        return try await fallback()
    }
}
