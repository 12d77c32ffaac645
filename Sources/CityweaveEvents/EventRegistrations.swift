import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Who is registered for an event, as the organisers and each person may see it.
package enum EventRegistrations {
    /// The person a registration is for: the signed-in person, or the one named by id.
    static func person(_ id: UUID?, request: Request) async throws -> User {
        let actor = try request.requireActor().user
        guard let id, id != actor.id else { return actor }
        guard let person = try await User.find(id, on: request.db) else {
            throw BadRequest(
                Message("events.error.no-person", "'{field}': there is no such person.", ["field": .text("user")]))
        }
        return person
    }

    /// Whether the reader sees every registration: the organisers' people and platform administrators.
    static func seesAll(_ event: Event, request: Request) async throws -> Bool {
        EventQueries.isInside(try await EventQueries.hosts(of: event.requireID(), on: request.db), request: request)
    }

    /// The registrations in order: places first, then the waiting list in its order.
    static func rows(of event: Event, on db: any Database) async throws -> [Registration] {
        try await Registration.query(on: db).filter(\.$event.$id == event.requireID()).with(\.$user).sort(\.$id).all()
            .sorted { ($0.state == .registered ? 0 : 1, $0.id!) < ($1.state == .registered ? 0 : 1, $1.id!) }
    }

    /// The signed-in person's own registration and, on the waiting list, their place on it: without reading
    /// everyone's, as the event's page asks for it on every view.
    static func own(_ event: Event, person: UUID, on db: any Database) async throws
        -> (state: Registration.State, waitingPosition: Int?)?
    {
        let id = try event.requireID()
        guard
            let mine = try await Registration.query(on: db).filter(\.$event.$id == id).filter(\.$user.$id == person)
                .first()
        else { return nil }
        guard mine.state == .waiting else { return (.registered, nil) }
        let ahead = try await Registration.query(on: db).filter(\.$event.$id == id).filter(\.$state == .waiting)
            .filter(\.$id <= mine.requireID()).count()
        return (.waiting, ahead)
    }

    static func list(_ event: Event, request: Request) async throws -> RegistrationListDTO {
        let rows = try await rows(of: event, on: request.db)
        let all = try await seesAll(event, request: request)
        let me = request.actor?.user.id
        var position = 0
        var items: [RegistrationDTO] = []
        // Most registrants share a handful of organisations: each is named once.
        var names: [Organisation: String] = [:]
        for row in rows {
            if row.state == .waiting { position += 1 }
            guard all || row.$user.id == me else { continue }
            var organisation: EventOrganiserDTO?
            if let own = row.user.organisation {
                if names[own] == nil { names[own] = try await request.name(of: own) as String }
                organisation = EventOrganiserDTO(kind: own.kind, id: own.id, name: names[own] ?? "", isConfirmed: true)
            }
            items.append(
                RegistrationDTO(
                    user: row.$user.id, name: row.user.name, email: row.user.email, organisation: organisation,
                    state: row.state, waitingPosition: row.state == .waiting ? position : nil,
                    registeredAt: row.createdAt, registeredBy: row.registeredByID))
        }
        return RegistrationListDTO(
            event: try event.requireID(), capacity: event.capacity,
            registered: rows.filter { $0.state == .registered }.count,
            waiting: rows.filter { $0.state == .waiting }.count, items: items)
    }
}
