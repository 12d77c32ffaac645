import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Taking a place at an event and giving it up. Places are counted under the event's lock, so two people
/// asking for the last place at once get it and a place on the waiting list, never two places.
package enum RegistrationEdits {
    package enum Outcome: String, Codable, Sendable {
        case registered, waiting
    }

    /// Registers `person` (themselves, or a colleague of the same organisation by one of its editors): a place
    /// while there are places, else the waiting list.
    @discardableResult
    package static func register(_ person: User, for event: Event, context: EditContext) async throws -> Outcome {
        let id = try event.requireID()
        let personID = try person.requireID()
        try checkOpen(event)
        guard let organisation = person.organisation else {
            throw Refusal(
                .forbidden,
                Message(
                    "events.error.no-organisation",
                    "Only the people of a city or a network register for events; this account belongs to neither."))
        }
        if let actor = context.user, actor.id != personID,
            !AccessPolicy.holds(.editor, in: [organisation], user: actor)
        {
            throw Refusal(
                .forbidden,
                Message(
                    "events.error.not-colleague",
                    "You may register yourself, or a colleague of an organisation you edit for."))
        }
        guard try await EventQueries.mayCome(organisation, to: event, on: context.db) else {
            throw Refusal(
                .forbidden,
                Message(
                    "events.error.may-not-come", "This event is for {access}: {organisation} is not among them.",
                    [
                        "access": .lowercased(event.access.message),
                        "organisation": .text(
                            try await DirectoryOrganisations().name(of: organisation, on: context.db) ?? ""),
                    ]))
        }
        let already = Refusal(
            .conflict,
            Message("events.error.already-registered", "This person is already registered or on the waiting list."))
        return try await refusingDuplicates(already) {
            try await context.db.transaction { db in
                try await db.lockRow(id, of: Event.schema)
                if try await Registration.query(on: db).filter(\.$event.$id == id).filter(\.$user.$id == personID)
                    .count() > 0
                {
                    throw already
                }
                let taken = try await Registration.query(on: db).filter(\.$event.$id == id)
                    .filter(\.$state == .registered).count()
                let state: Registration.State = event.capacity.map { taken < $0 } ?? true ? .registered : .waiting
                try await Registration(eventID: id, userID: personID, state: state, registeredBy: context.user?.id)
                    .create(on: db)
                try await AuditLog.record(
                    context, action: "register", recordType: "event", recordID: "\(id)", organisation: organisation,
                    changes: AuditChanges([("registration", nil, "\(person.email) \(state.rawValue)")]), on: db)
                return state == .registered ? .registered : .waiting
            }
        }
    }

    /// Gives up `person`'s place or place on the waiting list; a place given up goes to the first waiting.
    package static func cancel(_ person: User, for event: Event, context: EditContext) async throws {
        let id = try event.requireID()
        let personID = try person.requireID()
        if let actor = context.user, actor.id != personID {
            let organisers = try await EventQueries.hosts(of: id, on: context.db)
            let own = person.organisation.map { [$0] } ?? []
            guard AccessPolicy.holds(.editor, in: own + organisers, user: actor) else {
                throw Refusal(
                    .forbidden,
                    Message(
                        "events.error.not-colleague-cancel",
                        "You may cancel your own registration, a colleague's of an organisation you edit for, or any as an organiser."
                    ))
            }
        }
        let none = Refusal(
            .notFound, Message("events.error.not-registered", "This person is not registered for the event."))
        try await context.db.transaction { db in
            try await db.lockRow(id, of: Event.schema)
            guard
                let registration = try await Registration.query(on: db).filter(\.$event.$id == id)
                    .filter(\.$user.$id == personID).first()
            else { throw none }
            try await registration.deleteOnce(on: db, orElse: none)
            try await fillPlaces(of: event, on: db)
            try await AuditLog.record(
                context, action: "unregister", recordType: "event", recordID: "\(id)",
                organisation: person.organisation,
                changes: AuditChanges([("registration", "\(person.email) \(registration.state.rawValue)", nil)]), on: db
            )
        }
    }

    /// Moves the first on the waiting list up while there are places (after a cancellation, or a larger capacity).
    static func fillPlaces(of event: Event, on db: any Database) async throws {
        let id = try event.requireID()
        let taken = try await Registration.query(on: db).filter(\.$event.$id == id).filter(\.$state == .registered)
            .count()
        let free = event.capacity.map { $0 - taken } ?? Int.max
        guard free > 0 else { return }
        let waiting = try await Registration.query(on: db).filter(\.$event.$id == id).filter(\.$state == .waiting)
            .sort(\.$id).limit(min(free, 10_000)).all()
        for registration in waiting {
            registration.state = .registered
            try await registration.update(on: db)
        }
    }

    /// Registration is open for a published event that has not begun.
    static func checkOpen(_ event: Event) throws {
        if event.state == .cancelled {
            throw EventEdits.cancelled
        }
        guard event.state == .published else {
            throw Refusal(.conflict, Message("events.error.not-published", "The event is not published yet."))
        }
        guard event.startsAt > Date() else {
            throw Refusal(.conflict, Message("events.error.begun", "The event has begun: registration is closed."))
        }
    }
}
