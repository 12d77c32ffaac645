import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// The directory's reads, shared by the API and the pages.
package enum DirectoryQueries {
    package enum CitySort: String, CaseIterable, Sendable { case population, name }
    package enum NetworkSort: String, CaseIterable, Sendable { case members, name, founded }
    package enum MemberSort: String, CaseIterable, Sendable { case name, country, population, since }

    // MARK: cities

    package static func cities(
        query: String?, countryCode: String?, page: PageParameters, sort: SortRequest<CitySort>,
        on database: any Database
    ) async throws -> (cities: [City], metadata: ListPageMetadata) {
        if let query, !query.isEmpty {
            let key = try searchKey(query)
            let result = try await DirectorySearch.search(
                DirectorySearchQuery(key: key, kinds: [.city], countryCode: countryCode, page: page),
                on: database as! any SQLDatabase)
            let ids = result.records.compactMap { record -> Int? in
                if case .city(let id) = record { return id }
                return nil
            }
            return (try await cities(ids: ids, on: database), ListPageMetadata(page, total: result.total))
        }
        let base = City.query(on: database)
        if let countryCode { base.filter(\.$country.$id == countryCode) }
        let total = try await base.count()
        switch sort.key {
        case .population: base.sort(\.$population, sort.descending ? .descending : .ascending).sort(\.$name)
        case .name: base.sort(\.$name, sort.descending ? .descending : .ascending)
        }
        let cities = try await base.sort(\.$id).range(page.offset..<(page.offset + page.per)).all()
        return (cities, ListPageMetadata(page, total: total))
    }

    /// A city named in a form: its id, or a name that search finds, with an
    /// optional country code after a comma ("Portland, US"); the best match wins.
    package static func cityReference(_ text: String, field: String, on database: any Database) async throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int(trimmed) {
            guard try await City.find(id, on: database) != nil else { throw noCityWithID(id, field: field) }
            return id
        }
        var name = trimmed
        var countryCode: String?
        if let comma = trimmed.lastIndex(of: ",") {
            let code = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                name = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
                countryCode = code.uppercased()
            }
        }
        guard !name.isEmpty else {
            throw BadRequest(
                Message(
                    "directory.error.city-reference-required",
                    "'{field}' is required: a city's id or name, such as 'Guangzhou' or 'Portland, US'.",
                    ["field": .text(field)]))
        }
        let (found, _) = try await cities(
            query: name, countryCode: countryCode, page: PageParameters(page: 1, per: 1),
            sort: SortRequest(key: .population, descending: true), on: database)
        guard let city = found.first, let id = city.id else {
            throw BadRequest(
                Message(
                    "directory.error.no-city-called", "'{field}': no city is called '{name}'.",
                    ["field": .text(field), "name": .text(trimmed)]))
        }
        return id
    }

    /// The 400 for a field naming a city id the directory does not hold.
    package static func noCityWithID(_ id: Int, field: String) -> BadRequest {
        BadRequest(
            Message(
                "directory.error.no-city-with-id", "'{field}': there is no city with the id {id}.",
                ["field": .text(field), "id": .text(String(id))]))
    }

    /// The 404 for a city the directory does not hold.
    package static func noCity(_ id: Int) -> Refusal {
        Refusal(.notFound, Message("directory.error.no-city", "There is no city {id}.", ["id": .text(String(id))]))
    }

    /// Cities by id, in the order of the ids.
    package static func cities(ids: [Int], on database: any Database) async throws -> [City] {
        guard !ids.isEmpty else { return [] }
        let found = try await City.query(on: database).filter(\.$id ~~ ids).with(\.$country).all()
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id!, $0) })
        return ids.compactMap { byID[$0] }
    }

    package static func city(_ id: Int, on database: any Database) async throws -> City {
        guard
            let city = try await City.query(on: database).filter(\.$id == id).with(\.$country)
                .with(\.$memberships, { $0.with(\.$network) }).first()
        else { throw noCity(id) }
        return city
    }

    package static func cityDTO(_ city: City, on database: any Database) async throws -> CityDTO {
        let partnerships = try await Partnership.query(on: database)
            .group(.or) { $0.filter(\.$cityA.$id == city.id!).filter(\.$cityB.$id == city.id!) }.count()
        let country = city.country
        return CityDTO(
            city: city.toSummaryDTO(), country: country.toDTO(),
            contextProfile: ContextProfileDTO(
                population: city.population, region: country.region, subregion: country.subregion,
                incomeGroup: country.incomeGroup.isEmpty ? nil : country.incomeGroup,
                formOfGovernment: city.formOfGovernment, fiscalAutonomy: city.fiscalAutonomy,
                internationalBudgetShare: city.internationalBudgetShare, internationalStaff: city.internationalStaff,
                workingLanguages: city.workingLanguages),
            networks: city.memberships.sorted { $0.network.name < $1.network.name }.map {
                CityDTO.NetworkMembership(
                    networkId: $0.network.id!, slug: $0.network.slug, name: $0.network.name, role: $0.role,
                    since: $0.since)
            },
            partnershipCount: partnerships)
    }

    // MARK: networks

    package static func memberCounts(on database: any Database) async throws -> [Int: Int] {
        try await counts(
            of: "SELECT network_id, COUNT(*) AS members FROM memberships GROUP BY network_id", on: database)
    }

    /// The regions and other bodies each network's list names beside its cities.
    package static func bodyCounts(on database: any Database) async throws -> [Int: Int] {
        try await counts(
            of: "SELECT network_id, COUNT(*) AS members FROM listed_members WHERE kind = 'body' GROUP BY network_id",
            on: database)
    }

    private static func counts(of query: SQLQueryString, on database: any Database) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try await (database as! any SQLDatabase).raw(query).all() {
            counts[try row.decode(column: "network_id", as: Int.self)] = try row.decode(column: "members", as: Int.self)
        }
        return counts
    }

    package static func networks(page: PageParameters, sort: SortRequest<NetworkSort>, on database: any Database)
        async throws
        -> (networks: [NetworkDTO], metadata: ListPageMetadata)
    {
        let counts = try await memberCounts(on: database)
        let bodies = try await bodyCounts(on: database)
        let all = try await Network.query(on: database).with(\.$secretariatCity).with(\.$successor).all().map {
            $0.toDTO(memberCount: counts[$0.id!] ?? 0, bodyCount: bodies[$0.id!] ?? 0)
        }
        func ordered<T: Comparable>(_ x: T, _ y: T) -> Bool? {
            x == y ? nil : (sort.descending ? x > y : x < y)
        }
        let sorted = all.sorted { a, b in
            let decided: Bool? =
                switch sort.key {
                // A network whose list is not published has no size to compare: it comes after the others.
                case .members:
                    a.membersKnown == b.membersKnown
                        ? ordered(a.memberCount, b.memberCount) : a.membersKnown
                case .name: ordered(a.name.lowercased(), b.name.lowercased())
                case .founded: ordered(a.founded ?? 0, b.founded ?? 0)
                }
            // Ties go by name, A to Z, then by slug.
            let (nameA, nameB) = (a.name.lowercased(), b.name.lowercased())
            return decided ?? (nameA == nameB ? a.slug < b.slug : nameA < nameB)
        }
        let slice = sorted.dropFirst(page.offset).prefix(page.per)
        return (Array(slice), ListPageMetadata(page, total: all.count))
    }

    /// A network by its id or its slug.
    package static func network(_ idOrSlug: String, on database: any Database) async throws -> Network {
        guard
            let network = try await networkQuery(idOrSlug, on: database).with(\.$secretariatCity).with(\.$successor)
                .first()
        else { throw noNetwork(idOrSlug) }
        return network
    }

    /// The id of a network named by id or slug, without loading the rest of it.
    package static func networkID(_ idOrSlug: String, on database: any Database) async throws -> Int {
        guard let id = try await networkQuery(idOrSlug, on: database).first()?.id else { throw noNetwork(idOrSlug) }
        return id
    }

    /// The 404 for a network the directory does not hold.
    private static func noNetwork(_ idOrSlug: String) -> Refusal {
        Refusal(
            .notFound,
            Message("directory.error.no-network", "There is no network '{network}'.", ["network": .text(idOrSlug)]))
    }

    package static func networkQuery(_ idOrSlug: String, on database: any Database) -> QueryBuilder<Network> {
        let query = Network.query(on: database)
        if let id = Int(idOrSlug) {
            query.filter(\.$id == id)
        } else {
            query.filter(\.$slug == idOrSlug)
        }
        return query
    }

    package static func memberCount(of network: Network, on database: any Database) async throws -> Int {
        try await Membership.query(on: database).filter(\.$network.$id == network.id!).count()
    }

    /// A network as the API answers it, with its counts.
    package static func dto(of network: Network, on database: any Database) async throws -> NetworkDTO {
        network.toDTO(
            memberCount: try await memberCount(of: network, on: database),
            bodyCount: try await ListedMember.query(on: database).filter(\.$network.$id == network.id!)
                .filter(\.$kind == .body).count())
    }

    package static func members(
        of network: Network, page: PageParameters, sort: SortRequest<MemberSort>, on database: any Database
    ) async throws -> (members: [Membership], metadata: ListPageMetadata) {
        let base = Membership.query(on: database).filter(\.$network.$id == network.id!)
            .join(City.self, on: \Membership.$city.$id == \City.$id)
        let total = try await base.count()
        let direction: DatabaseQuery.Sort.Direction = sort.descending ? .descending : .ascending
        switch sort.key {
        case .name: base.sort(City.self, \.$name, direction)
        case .country: base.sort(City.self, \.$country.$id, direction).sort(City.self, \.$name)
        case .population: base.sort(City.self, \.$population, direction)
        case .since: base.sort(\.$since, direction).sort(City.self, \.$name)
        }
        let members = try await base.sort(\.$id).with(\.$city) { $0.with(\.$country) }
            .range(page.offset..<(page.offset + page.per)).all()
        return (members, ListPageMetadata(page, total: total))
    }

    /// Member cities counted by UN region, largest first; cities of a country with no region come under "".
    package static func membersByRegion(of network: Network, on database: any Database) async throws -> [(String, Int)]
    {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT countries.region AS region, COUNT(*) AS members
            FROM memberships
            JOIN cities ON cities.id = memberships.city_id
            JOIN countries ON countries.iso2 = cities.country_code
            WHERE memberships.network_id = \(bind: network.id!)
            GROUP BY countries.region ORDER BY members DESC, region
            """
        ).all()
        return try rows.map {
            (try $0.decode(column: "region", as: String.self), try $0.decode(column: "members", as: Int.self))
        }
    }

    // MARK: partnerships

    package static func partnerships(cityID: Int?, page: PageParameters, on database: any Database) async throws
        -> (partnerships: [Partnership], metadata: ListPageMetadata)
    {
        let base = Partnership.query(on: database)
        if let cityID {
            base.group(.or) { $0.filter(\.$cityA.$id == cityID).filter(\.$cityB.$id == cityID) }
        }
        let total = try await base.count()
        let rows = try await base.sort(\.$id).with(\.$cityA) { $0.with(\.$country) }.with(\.$cityB) {
            $0.with(\.$country)
        }
        .range(page.offset..<(page.offset + page.per)).all()
        return (rows, ListPageMetadata(page, total: total))
    }

    // MARK: countries

    package static func country(_ code: String, on database: any Database) async throws -> Country {
        guard code.count == 2, let country = try await Country.find(code.uppercased(), on: database) else {
            throw Refusal(
                .notFound,
                Message("directory.error.no-country", "There is no country '{code}'.", ["code": .text(code)]))
        }
        return country
    }

    // MARK: search

    /// The folded search key of a query, or a 400 that says what is wrong with it.
    package static func searchKey(_ query: String) throws -> String {
        guard query.count <= DirectorySearchQuery.maximumLength else {
            throw BadRequest(
                Message(
                    "directory.error.query-too-long", "'{field}' is longer than {limit} characters.",
                    ["field": .text("q"), "limit": .count(DirectorySearchQuery.maximumLength)]))
        }
        return NameKey.fold(query)
    }

    /// Records whose names match `query`, each described in the request's language.
    package static func search(
        _ query: String, kinds: [DirectoryRecord.Kind], page: PageParameters, request: Request
    ) async throws -> (hits: [SearchHitDTO], metadata: ListPageMetadata) {
        let database = request.db
        let key = try searchKey(query)
        let result = try await DirectorySearch.search(
            DirectorySearchQuery(key: key, kinds: kinds, page: page), on: database as! any SQLDatabase)
        var cityIDs: [Int] = []
        var networkIDs: [Int] = []
        var personIDs: [Int] = []
        var countryCodes: [String] = []
        for record in result.records {
            switch record {
            case .city(let id): cityIDs.append(id)
            case .network(let id): networkIDs.append(id)
            case .person(let id): personIDs.append(id)
            case .country(let code): countryCodes.append(code)
            }
        }
        let cities = Dictionary(
            uniqueKeysWithValues: try await Self.cities(ids: cityIDs, on: database).map { ($0.id!, $0) })
        // Search is on the hot path: ask only for the kinds it found.
        var networks: [Int: Network] = [:]
        if !networkIDs.isEmpty {
            for network in try await Network.query(on: database).filter(\.$id ~~ networkIDs).all() {
                networks[network.id!] = network
            }
        }
        var people: [Int: Person] = [:]
        if !personIDs.isEmpty {
            for person in try await Person.query(on: database).filter(\.$id ~~ personIDs).with(\.$city)
                .with(\.$network).all()
            {
                people[person.id!] = person
            }
        }
        var countries: [String: Country] = [:]
        if !countryCodes.isEmpty {
            for country in try await Country.query(on: database).filter(\.$id ~~ countryCodes).all() {
                countries[country.id!] = country
            }
        }
        let hits = result.records.compactMap { record -> SearchHitDTO? in
            switch record {
            case .city(let id):
                guard let city = cities[id] else { return nil }
                let country = request.countryName(of: city)
                let description =
                    city.population > 0
                    ? request.text(
                        Message(
                            "directory.search.city-description", one: "{country} · {count} person",
                            other: "{country} · {count} people", count: city.population, ["country": .text(country)]))
                    : country
                return SearchHitDTO(
                    kind: "city", id: "\(id)", name: city.name, description: description,
                    url: DirectoryPath.city.href(id), api: "/api/v1/cities/\(id)")
            case .network(let id):
                guard let network = networks[id] else { return nil }
                let description =
                    network.founded.map {
                        Message(
                            "directory.search.network-founded", "City network founded in {year}", ["year": .year($0)])
                    } ?? Message("directory.search.network", "City network")
                return SearchHitDTO(
                    kind: "network", id: "\(id)", name: network.name, description: request.text(description),
                    url: DirectoryPath.network.href(network.slug), api: "/api/v1/networks/\(id)")
            case .person(let id):
                guard let person = people[id] else { return nil }
                let organisation = person.city?.name ?? person.network?.name
                return SearchHitDTO(
                    kind: "person", id: "\(id)", name: person.name,
                    description: organisation.map {
                        request.text(
                            Message(
                                "directory.search.person-description", "{role}, {organisation}",
                                ["role": .text(person.roleTitle), "organisation": .text($0)]))
                    } ?? person.roleTitle,
                    url: person.city.map { DirectoryPath.city.href($0.id!) } ?? person.network.map {
                        DirectoryPath.network.href($0.slug)
                    }
                        ?? DirectoryPath.home.href(),
                    api: person.city.map { "/api/v1/cities/\($0.id!)" } ?? person.network.map {
                        "/api/v1/networks/\($0.id!)"
                    } ?? "/api/v1")
            case .country(let code):
                guard let country = countries[code] else { return nil }
                return SearchHitDTO(
                    kind: "country", id: code, name: request.countryName(of: country),
                    description: request.text(
                        Message(
                            "directory.search.country-description", "Country · {region}",
                            ["region": .message(ReferenceName.region(country.region))])),
                    url: DirectoryPath.country.href(code), api: "/api/v1/countries/\(code)")
            }
        }
        return (hits, ListPageMetadata(page, total: result.total))
    }
}

extension Network {
    package func toDTO(memberCount: Int, bodyCount: Int) -> NetworkDTO {
        NetworkDTO(
            id: id!, slug: slug, name: name, acronym: acronym, founded: founded, scope: scope,
            region: region.isEmpty ? nil : region, themes: themes, secretariat: secretariatCity?.toSummaryDTO(),
            website: isWebAddress(website) ? website : nil, source: source, description: details,
            memberCount: memberCount, bodyCount: bodyCount, ended: ended,
            successor: successor.map { NetworkRefDTO(id: $0.id!, slug: $0.slug, name: $0.name) },
            membersKnown: membersAreKnown, memberListSource: memberListSource,
            memberListNote: memberListNote.isEmpty ? nil : memberListNote)
    }

    /// Only http(s) addresses become links: a `javascript:` address in a record must not run.
    private func isWebAddress(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }
}
