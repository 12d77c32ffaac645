import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// What the events module reads: events as each reader may see them, their organisers and cities, who may
/// come, and the audiences that competition compares.
package enum EventQueries {
    package static func organisers(of eventID: Int, on db: any Database) async throws -> [EventOrganiser] {
        try await EventOrganiser.query(on: db).filter(\.$event.$id == eventID).sort(\.$id).all()
    }

    /// The organisers that hold the event: named and confirmed by their own editors.
    package static func hosts(of eventID: Int, on db: any Database) async throws -> [Organisation] {
        try await organisers(of: eventID, on: db).filter(\.isConfirmed).map(\.organisation)
    }

    package static func cities(of eventID: Int, role: EventCity.Role, on db: any Database) async throws -> [Int] {
        try await EventCity.query(on: db).filter(\.$event.$id == eventID).filter(\.$role == role).sort(\.$cityID)
            .all(\.$cityID)
    }

    /// Whether the signed-in person belongs to one of `organisations` (viewers too) or runs the platform.
    package static func isInside(_ organisations: [Organisation], request: Request) -> Bool {
        AccessPolicy.holds(.viewer, in: organisations, user: request.actor?.user)
    }

    /// An event the reader may see: a draft only by the people of its organisers (those asked to co-organise
    /// too, so that they can read what they confirm), as if it did not exist for others.
    package static func visibleEvent(_ id: Int, request: Request) async throws -> Event {
        var event = try await Event.find(id, on: request.db)
        if event?.state == .draft,
            !isInside(try await organisers(of: id, on: request.db).map(\.organisation), request: request)
        {
            event = nil
        }
        guard let event else { throw noSuchEvent(id) }
        return event
    }

    package static func noSuchEvent(_ id: Int) -> Refusal {
        Refusal(.notFound, Message("events.error.no-event", "There is no event {id}.", ["id": .text("\(id)")]))
    }

    /// This year (UTC): a membership that ended before it no longer counts.
    static var currentYear: Int { Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: Date()).year! }

    /// The cities that are members of `networks` now, each network's ascending. Read by SQL, column by
    /// column: the fatigue guard asks for the members of every network of a quarter's calendar.
    package static func members(of networks: [Int], on db: any Database) async throws -> [Int: [Int]] {
        let sql = db as! any SQLDatabase
        var members: [Int: [Int]] = [:]
        for batch in batches(networks) {
            for row in try await sql.raw(
                """
                SELECT network_id, city_id FROM memberships WHERE network_id IN (\(SQLList(batch.map { SQLBind($0) })))
                AND (until IS NULL OR until >= \(bind: currentYear))
                """
            ).all() {
                members[try row.decode(column: "network_id", as: Int.self), default: []].append(
                    try row.decode(column: "city_id", as: Int.self))
            }
        }
        return members.mapValues { Array(Set($0)).sorted() }
    }

    /// Whether the people of `organisation` may come to `event`: everyone to a public event; the organisers'
    /// own people always; otherwise the people of the organising networks' member cities, or of the invited cities.
    package static func mayCome(_ organisation: Organisation, to event: Event, on db: any Database) async throws -> Bool
    {
        let id = try event.requireID()
        let hosts = try await hosts(of: id, on: db)
        if event.access == .public || hosts.contains(organisation) { return true }
        guard organisation.kind == .city else { return false }
        switch event.access {
        case .public: return true
        case .invited: return try await cities(of: id, role: .invited, on: db).contains(organisation.id)
        case .members:
            let networks = hosts.filter { $0.kind == .network }.map(\.id)
            return try await members(of: networks, on: db).values.contains { $0.contains(organisation.id) }
        }
    }

    /// Who is invited, for competition: the invited cities, and for public and members-only events the
    /// organising networks' member cities and the organising cities.
    package static func audiences(of events: [Event], on db: any Database) async throws -> [Int: [Int]] {
        let ids = events.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var hosts: [Int: [Organisation]] = [:]
        for chunk in batches(ids) {
            for row in try await EventOrganiser.query(on: db).filter(\.$event.$id ~~ chunk)
                .filter(\.$isConfirmed == true).all()
            {
                hosts[row.$event.id, default: []].append(row.organisation)
            }
        }
        var invited: [Int: [Int]] = [:]
        for chunk in batches(ids) {
            for row in try await EventCity.query(on: db).filter(\.$event.$id ~~ chunk)
                .filter(\.$role == .invited).all()
            {
                invited[row.$event.id, default: []].append(row.cityID)
            }
        }
        let networks = Set(hosts.values.joined().filter { $0.kind == .network }.map(\.id))
        let members = try await members(of: Array(networks), on: db)
        var audiences: [Int: [Int]] = [:]
        for event in events {
            let id = event.id!
            audiences[id] = audience(
                access: event.access, invited: invited[id] ?? [], hosts: hosts[id] ?? [], members: members)
        }
        return audiences
    }

    /// Who an event calls on: its invited cities, and unless only they are asked, its organising cities and
    /// the present members of its organising networks.
    static func audience(access: EventAccess, invited: [Int], hosts: [Organisation], members: [Int: [Int]]) -> [Int] {
        var audience = invited
        guard access != .invited else { return audience }
        for host in hosts {
            switch host.kind {
            case .city: audience.append(host.id)
            case .network: audience += members[host.id] ?? []
            }
        }
        return audience
    }

    /// Ids in batches small enough for one `IN (...)` on either database.
    static func batches(_ ids: [Int], size: Int = 500) -> [[Int]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }
}
