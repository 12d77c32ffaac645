import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Events as the API and the pages show them, built with one query per kind of record for a whole list.
package enum EventRecords {
    /// Organisers and venue cities of `events`, with their names.
    package struct Names: Sendable {
        var organisers: [Int: [EventOrganiserDTO]] = [:]
        var cities: [Int: String] = [:]

        package static func read(for events: [Event], on db: any Database) async throws -> Names {
            try await read(events: events.compactMap(\.id), venues: events.compactMap(\.venueCityID), on: db)
        }

        /// The organisers are read by SQL, column by column: a feed of 2,000 events would spend most of its
        /// time decoding them as records.
        static func read(events ids: [Int], venues: [Int], on db: any Database) async throws -> Names {
            var names = Names()
            let sql = db as! any SQLDatabase
            var rows: [(event: Int, organisation: Organisation, isConfirmed: Bool)] = []
            for batch in EventQueries.batches(ids) {
                let listed = SQLList(batch.map { SQLBind($0) })
                for row in try await sql.raw(
                    """
                    SELECT event_id, organisation_kind, organisation_id, is_confirmed FROM event_organisers
                    WHERE event_id IN (\(listed)) ORDER BY id
                    """
                ).all() {
                    let kind = try row.decode(column: "organisation_kind", as: String.self)
                    rows.append(
                        (
                            try row.decode(column: "event_id", as: Int.self),
                            Organisation(
                                kind: kind == "city" ? .city : .network,
                                id: try row.decode(column: "organisation_id", as: Int.self)),
                            try row.decode(column: "is_confirmed", as: Bool.self)
                        ))
                }
            }
            let networkIDs = Set(rows.filter { $0.organisation.kind == .network }.map(\.organisation.id))
            var cityIDs = Set(rows.filter { $0.organisation.kind == .city }.map(\.organisation.id))
            cityIDs.formUnion(venues)
            var networks: [Int: String] = [:]
            for batch in EventQueries.batches(Array(networkIDs)) {
                for row in try await sql.raw(
                    "SELECT id, name, acronym FROM networks WHERE id IN (\(SQLList(batch.map { SQLBind($0) })))"
                ).all() {
                    let acronym = try row.decode(column: "acronym", as: String.self)
                    networks[try row.decode(column: "id", as: Int.self)] =
                        acronym.isEmpty ? try row.decode(column: "name", as: String.self) : acronym
                }
            }
            try await names.addCities(Array(cityIDs), on: db)
            for row in rows {
                let organisation = row.organisation
                let name =
                    switch organisation.kind {
                    case .city: names.cities[organisation.id] ?? ""
                    case .network: networks[organisation.id] ?? ""
                    }
                names.organisers[row.event, default: []].append(
                    EventOrganiserDTO(
                        kind: organisation.kind, id: organisation.id, name: name, isConfirmed: row.isConfirmed))
            }
            return names
        }

        mutating func addCities(_ ids: [Int], on db: any Database) async throws {
            let sql = db as! any SQLDatabase
            for batch in EventQueries.batches(ids.filter { cities[$0] == nil }) {
                for row in try await sql.raw(
                    "SELECT id, name FROM cities WHERE id IN (\(SQLList(batch.map { SQLBind($0) })))"
                ).all() {
                    cities[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "name", as: String.self)
                }
            }
        }

        func city(_ id: Int?) -> EventCityDTO? { id.map { EventCityDTO(id: $0, name: cities[$0] ?? "") } }
    }

    package static func summaries(_ events: [ListedEvent], on db: any Database) async throws -> [EventSummaryDTO] {
        let names = try await Names.read(events: events.map(\.id), venues: events.compactMap(\.venueCityID), on: db)
        return events.map { summary($0, names: names) }
    }

    static func summary(_ event: Event, names: Names) -> EventSummaryDTO {
        summary(ListedEvent(event), names: names)
    }

    static func summary(_ event: ListedEvent, names: Names) -> EventSummaryDTO {
        let zone = event.zone
        return EventSummaryDTO(
            id: event.id, kind: event.kind, title: event.title, state: event.state, start: event.startsAt,
            end: event.endsAt, timeZone: event.timeZone, startLocal: LocalTime(event.startsAt, in: zone).text,
            endLocal: LocalTime(event.endsAt, in: zone).text, themes: event.themes.themes.map(\.rawValue),
            level: event.level, access: event.access, languages: event.languages,
            organisers: names.organisers[event.id] ?? [], venueCity: names.city(event.venueCityID),
            isOnline: event.isOnline, isExample: event.isExample)
    }

    /// Whether the reader may have the event's online link: always for a public event; otherwise the people
    /// of those who may come, and those registered.
    static func mayJoin(_ event: Event, request: Request) async throws -> Bool {
        if event.access == .public { return true }
        guard let user = request.actor?.user else { return false }
        if user.isPlatformAdmin { return true }
        if let id = user.id,
            try await Registration.query(on: request.db).filter(\.$event.$id == event.id!).filter(\.$user.$id == id)
                .count() > 0
        {
            return true
        }
        guard let organisation = user.organisation else { return false }
        return try await EventQueries.mayCome(organisation, to: event, on: request.db)
    }

    package static func detail(_ event: Event, request: Request) async throws -> EventDTO {
        let db = request.db
        let id = try event.requireID()
        var names = try await Names.read(for: [event], on: db)
        let invited = try await EventQueries.cities(of: id, role: .invited, on: db)
        let partners = try await EventQueries.cities(of: id, role: .partner, on: db)
        try await names.addCities(invited + partners, on: db)
        let counts = try await Registration.query(on: db).filter(\.$event.$id == id).all(\.$state)
        let summary = summary(event, names: names)
        return EventDTO(
            id: id, kind: event.kind, title: event.title, description: event.details, state: event.state,
            cancelReason: event.state == .cancelled ? event.cancelReason : nil, start: event.startsAt,
            end: event.endsAt, timeZone: event.timeZone, startLocal: summary.startLocal, endLocal: summary.endLocal,
            onlineURL: try await mayJoin(event, request: request) ? event.onlineURL : nil,
            isOnline: event.onlineURL != nil, venueCity: summary.venueCity, venueAddress: event.venueAddress,
            languages: event.languages, interpretation: event.interpretation, themes: summary.themes,
            level: event.level, access: event.access, capacity: event.capacity,
            registered: counts.filter { $0 == .registered }.count, waiting: counts.filter { $0 == .waiting }.count,
            organisers: summary.organisers, invitedCities: invited.compactMap(names.city),
            partnerCities: partners.compactMap(names.city), sectors: event.sectors,
            outcomeSummary: event.outcomeSummary.isEmpty ? nil : event.outcomeSummary,
            recordingURL: event.recordingURL, slidesURL: event.slidesURL, sequence: event.sequence,
            isExample: event.isExample,
            calendarURL: request.baseURL + EventsPath.event.href("\(id).ics"))
    }

    /// The event as competition compares it.
    static func scheduled(_ event: Event, audience: [Int], organisers: [Organisation]) -> ScheduledEvent {
        ScheduledEvent(
            id: event.id ?? 0, organisers: organisers.map(\.reference), start: event.startsAt, end: event.endsAt,
            themes: event.themes, level: event.level, audience: audience)
    }
}
