import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The event form as a browser sends it: lists as checkboxes or lines, cities and co-organising networks
/// by name one per line, the organiser as a menu.
package struct EventForm: Content {
    package var kind: String?
    package var title: String?
    package var description: String?
    package var timeZone: String?
    package var start: String?
    package var end: String?
    package var startOffset: String?
    package var endOffset: String?
    package var onlineURL: String?
    package var venueCity: String?
    package var venueAddress: String?
    package var languages: [String]?
    package var interpretation: [String]?
    package var themes: [String]?
    package var level: String?
    package var access: String?
    package var capacity: String?
    /// `city:ID` or `network:ID`: the organiser the writer acts for.
    package var organiser: String?
    /// Networks or cities asked to co-organise, one per line, by name (a network also by acronym or short name).
    package var coOrganisers: String?
    package var invitedCities: String?
    package var partnerCities: String?
    package var sectors: String?
    package var outcomeSummary: String?
    package var recordingURL: String?
    package var slidesURL: String?

    package init() {}

    init(_ event: Event, organisers: [EventOrganiser], coOrganisers: String, invited: String, partners: String) {
        let zone = event.zone
        kind = event.kind.rawValue
        title = event.title
        description = event.details
        timeZone = event.timeZone
        start = LocalTime(event.startsAt, in: zone).text
        end = LocalTime(event.endsAt, in: zone).text
        onlineURL = event.onlineURL
        venueCity = event.venueCityID.map(String.init)
        venueAddress = event.venueAddress
        languages = event.languages
        interpretation = event.interpretation
        themes = event.themes.themes.map(\.rawValue)
        level = event.level.rawValue
        access = event.access.rawValue
        capacity = event.capacity.map(String.init)
        organiser = organisers.first?.organisation.reference
        self.coOrganisers = coOrganisers
        invitedCities = invited
        partnerCities = partners
        sectors = event.sectors.joined(separator: "\n")
        outcomeSummary = event.outcomeSummary
        recordingURL = event.recordingURL
        slidesURL = event.slidesURL
    }

    func input(isNew: Bool, on db: any Database) async throws -> EventInput {
        var input = EventInput()
        input.kind = kind
        input.title = title
        input.description = description
        input.timeZone = timeZone
        input.start = start
        input.end = end
        input.startOffset = startOffset.flatMap { $0.isEmpty ? nil : $0 }
        input.endOffset = endOffset.flatMap { $0.isEmpty ? nil : $0 }
        input.onlineURL = onlineURL ?? ""
        let venue = try await Self.cities(venueCity ?? "", field: "venueCity", on: db)
        guard venue.count <= 1 else {
            throw BadRequest(
                Message("events.error.one-venue", "'{field}' names one city.", ["field": .text("venueCity")]))
        }
        input.venueCity = venue.first ?? 0
        input.venueAddress = venueAddress ?? ""
        input.languages = languages ?? []
        input.interpretation = interpretation ?? []
        input.themes = themes ?? []
        input.level = level
        input.access = access
        input.capacity = try FormNumber.parse(capacity, field: "capacity", as: Int.self) ?? 0
        let named = [organiser ?? ""].compactMap(Organisation.init(reference:))
        let asked = try await Self.organisations(coOrganisers ?? "", field: "coOrganisers", on: db)
        input.organisers = named + asked.filter { !named.contains($0) }
        if isNew, input.organisers?.isEmpty != false { throw BadRequest.required("organiser") }
        input.invitedCities = try await Self.cities(invitedCities ?? "", field: "invitedCities", on: db)
        input.partnerCities = try await Self.cities(partnerCities ?? "", field: "partnerCities", on: db)
        input.sectors = (sectors ?? "").split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if !isNew {
            input.outcomeSummary = outcomeSummary
            input.recordingURL = recordingURL
            input.slidesURL = slidesURL
        }
        return input
    }

    /// Cities written one per line (or separated by semicolons), each as its id or its name. A name more than
    /// one city bears is refused with the candidates, so that nobody invites the wrong Springfield.
    static func cities(_ text: String, field: String, on db: any Database) async throws -> [Int] {
        var ids: [Int] = []
        for line in text.split(whereSeparator: { $0.isNewline || $0 == ";" }) {
            let written = line.trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { continue }
            if let id = Int(written) {
                ids.append(id)
                continue
            }
            let found = try await City.query(on: db).filter(\.$name == written).sort(\.$population, .descending)
                .limit(6).all()
            switch found.count {
            case 0:
                throw BadRequest(
                    Message(
                        "events.error.no-city-named", "'{field}': no city of the directory is called '{name}'.",
                        ["field": .text(field), "name": .text(written)]))
            case 1: ids.append(found[0].id!)
            default:
                throw BadRequest(
                    Message(
                        "events.error.city-ambiguous",
                        "'{field}': several cities are called '{name}'; write the id of the one you mean: {choices}.",
                        [
                            "field": .text(field), "name": .text(written),
                            "choices": .text(
                                found.map { "\($0.id!) (\($0.$country.id), \($0.population))" }.joined(separator: "; ")),
                        ]))
            }
        }
        return ids
    }

    /// Cities as the form shows them again: one per line, by name, or by id where the name is shared.
    static func lines(_ ids: [Int], on db: any Database) async throws -> String {
        guard !ids.isEmpty else { return "" }
        let cities = try await City.query(on: db).filter(\.$id ~~ ids).all()
        var names: [String: Int] = [:]
        for city in try await City.query(on: db).filter(\.$name ~~ cities.map(\.name)).all() {
            names[city.name, default: 0] += 1
        }
        return cities.map { names[$0.name, default: 0] > 1 ? String($0.id!) : $0.name }.joined(separator: "\n")
    }

    /// Organisations written one per line: a network by its short name (`c40`), acronym or full name, or
    /// else a city as ``cities(_:field:on:)`` reads it.
    static func organisations(_ text: String, field: String, on db: any Database) async throws -> [Organisation] {
        var organisations: [Organisation] = []
        for line in text.split(whereSeparator: { $0.isNewline || $0 == ";" }) {
            let written = line.trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { continue }
            let found = try await Network.query(on: db)
                .group(.or) {
                    $0.filter(\.$slug == written.lowercased()).filter(\.$acronym == written).filter(\.$name == written)
                }
                .limit(2).all()
            let organisation: Organisation
            if found.count == 1, let id = found[0].id {
                organisation = .network(id)
            } else {
                organisation = .city(try await cities(written, field: field, on: db)[0])
            }
            if !organisations.contains(organisation) { organisations.append(organisation) }
        }
        return organisations
    }

    /// Organisations as the form shows them again, one per line: networks by short name, cities by name.
    static func organisationLines(_ organisers: [EventOrganiser], on db: any Database) async throws -> String {
        let networks = organisers.filter { $0.organisationKind == .network }.map(\.organisationID)
        let cities = organisers.filter { $0.organisationKind == .city }.map(\.organisationID)
        var lines = try await Network.query(on: db).filter(\.$id ~~ networks).all().map(\.slug)
        if !cities.isEmpty { lines.append(try await self.lines(cities, on: db)) }
        return lines.joined(separator: "\n")
    }
}
