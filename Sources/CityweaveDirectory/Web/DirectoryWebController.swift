import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// The directory's pages, rendered on the server from `Resources/Views/Directory`.
package struct DirectoryWebController {
    package struct NetworkRow: Encodable {
        package var slug: String
        package var name: String
        package var acronym: String
        package var founded: String
        package var scope: String
        /// Member cities; empty when the member list is not published.
        package var members: String
        /// Regions and other bodies beside the cities.
        package var bodies: Int
        /// The year it closed; empty while it works.
        package var ended: String
    }

    package struct HomePage: Encodable {
        package var layout: Layout
        package var counts: [Count]
        package var largestNetworks: [NetworkRow]
        package var map: MapView

        package struct Count: Encodable {
            package var label: String
            package var value: String
            package var href: String?
        }
    }

    /// A figure of the home page and what it counts, in the reader's language.
    private func count(_ value: Int, _ noun: Message, href: String?, request: Request) -> HomePage.Count {
        HomePage.Count(label: request.text(noun), value: request.text(count: value), href: href)
    }

    /// The home page: what the directory holds, its largest networks, and a map of member cities.
    @Sendable
    package func home(_ request: Request) async throws -> View {
        let db = request.db
        let counts = try await DirectoryQueries.memberCounts(on: db)
        let bodies = try await DirectoryQueries.bodyCounts(on: db)
        let networks = try await Network.query(on: db).all()
        // Only networks whose member list is known have a size to rank.
        let largest = networks.filter(\.membersAreKnown)
            .sorted { (counts[$0.id!] ?? 0, $1.name) > (counts[$1.id!] ?? 0, $0.name) }.prefix(10)
        var map = request.worldMap(
            title: request.text(Message("directory.home.map-title", "Cities that belong to at least one network")))
        for city in try await citiesInNetworks(on: db) {
            map.addDot(
                at: GeoPoint(latitude: city.latitude, longitude: city.longitude), label: city.name,
                href: DirectoryPath.city.href(city.id), population: city.population)
        }
        let cities = try await City.query(on: db).count()
        let countries = try await Country.query(on: db).count()
        let memberships = counts.values.reduce(0, +)
        let partnerships = try await Partnership.query(on: db).count()
        let page = HomePage(
            layout: Layout(
                title: Message("directory.home.title", "Cityweave: the directory of city diplomacy"), request: request),
            counts: [
                count(
                    networks.count,
                    Message("directory.home.networks", one: "network", other: "networks", count: networks.count),
                    href: request.localized(DirectoryPath.networks.href()), request: request),
                count(
                    cities, Message("directory.home.cities", one: "city", other: "cities", count: cities),
                    href: request.localized(DirectoryPath.search.href()), request: request),
                count(
                    countries,
                    Message("directory.home.countries", one: "country", other: "countries", count: countries),
                    href: request.localized(DirectoryPath.countries.href()), request: request),
                count(
                    memberships,
                    Message("directory.home.memberships", one: "membership", other: "memberships", count: memberships),
                    href: nil, request: request),
                count(
                    partnerships,
                    Message(
                        "directory.home.partnerships", one: "partnership", other: "partnerships", count: partnerships),
                    href: nil, request: request),
            ],
            largestNetworks: largest.map {
                networkRow(
                    $0.toDTO(memberCount: counts[$0.id!] ?? 0, bodyCount: bodies[$0.id!] ?? 0), request: request)
            },
            map: map)
        return try await request.view.render("Directory/home", page)
    }

    private struct MappedCity: Decodable {
        var id: Int
        var name: String
        var latitude: Double
        var longitude: Double
        var population: Int
    }

    private func citiesInNetworks(on database: any Database) async throws -> [MappedCity] {
        try await (database as! any SQLDatabase).raw(
            """
            SELECT id, name, latitude, longitude, population FROM cities
            WHERE id IN (SELECT city_id FROM memberships) ORDER BY population DESC
            """
        ).all(decoding: MappedCity.self)
    }

    private func networkRow(_ network: NetworkDTO, request: Request) -> NetworkRow {
        NetworkRow(
            slug: network.slug, name: network.name, acronym: network.acronym,
            founded: network.founded.map(String.init) ?? "", scope: request.text(network.scope.message),
            members: network.membersKnown ? request.text(count: network.memberCount) : "",
            bodies: network.bodyCount, ended: network.ended.map(String.init) ?? "")
    }

    // MARK: search

    package struct SearchPage: Encodable {
        /// A result with what it is, in the reader's language.
        package struct Hit: Encodable {
            package var kind: String
            package var hit: SearchHitDTO
        }

        package var layout: Layout
        package var query: String
        package var hits: [Hit]
        package var pager: Pager?
        package var message: String?
    }

    /// Search by name across cities, networks, people and countries.
    @Sendable
    package func search(_ request: Request) async throws -> View {
        let query = (request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let title =
            query.isEmpty
            ? Message("directory.search.title", "Search")
            : Message("directory.search.title-with-query", "{query} – search", ["query": .text(query)])
        var page = SearchPage(
            layout: Layout(title: title, request: request), query: query, hits: [], pager: nil, message: nil)
        if query.isEmpty {
            page.message = request.text(
                Message(
                    "directory.search.prompt", "Type the name of a city, network, person or country, in any language."))
        } else {
            let (hits, metadata) = try await DirectoryQueries.search(
                query, kinds: DirectoryRecord.Kind.allCases, page: try PageParameters(from: request), request: request)
            page.hits = hits.map { hit in
                var hit = hit
                hit.url = request.localized(hit.url)
                return SearchPage.Hit(
                    kind: DirectoryRecord.Kind(rawValue: hit.kind).map { request.text($0.message) } ?? hit.kind,
                    hit: hit)
            }
            page.pager = Pager(metadata, request: request)
            if hits.isEmpty {
                page.message = request.text(
                    Message(
                        "directory.search.nothing", "Nothing in the directory is called “{query}”.",
                        ["query": .text(query)]))
            }
        }
        return try await request.view.render("Directory/search", page)
    }

    // MARK: city

    package struct CityPage: Encodable {
        package struct Fact: Encodable {
            package var label: String
            package var value: String
        }

        package struct Partner: Encodable {
            package var id: Int
            package var partnershipID: Int
            package var name: String
            package var country: String
            package var kind: String
            package var since: String
            /// What other modules link to the partnership (a trade mission between the two cities).
            package var links: [PartnershipLink]
        }

        package struct NetworkLink: Encodable {
            package var slug: String
            package var name: String
            package var role: String
            package var since: String
        }

        /// The forms shown to those who may change the city's records.
        package struct Editing: Encodable {
            package var cityID: Int
            package var kinds: [DirectoryEditWebController.Option]
            package var networks: [DirectoryEditWebController.Option]
        }

        package var layout: Layout
        package var notice: String?
        package var editing: Editing?
        package var name: String
        package var countryCode: String
        package var countryName: String
        package var verified: Bool
        package var facts: [Fact]
        package var profile: [Fact]
        package var networks: [NetworkLink]
        package var partners: [Partner]
        package var people: [PersonRow]
        package var map: MapView
        /// What feature modules add (practices, engagements, offers…).
        package var sections: [PageSection]
    }

    package struct PersonRow: Encodable {
        package var name: String
        package var role: String
    }

    /// A city: its facts, context profile, networks and partners on a map.
    @Sendable
    package func city(_ request: Request) async throws -> View {
        let db = request.db
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: db)
        let dto = try await DirectoryQueries.cityDTO(city, on: db)
        let (partnerships, _) = try await DirectoryQueries.partnerships(
            cityID: city.id!, page: PageParameters(page: 1, per: 500), on: db)
        let here = GeoPoint(latitude: city.latitude, longitude: city.longitude)
        var map = request.worldMap(
            title: request.text(
                Message("directory.city.map-title", "{city} and its partner cities", ["city": .text(city.name)])))
        var partners: [CityPage.Partner] = []
        let links = try await request.partnershipLinks(
            city: city.id!,
            partners: partnerships.map { ($0.cityA.id == city.id ? $0.cityB : $0.cityA).id! })
        for partnership in partnerships {
            let partner = partnership.cityA.id == city.id ? partnership.cityB : partnership.cityA
            let there = GeoPoint(latitude: partner.latitude, longitude: partner.longitude)
            map.addLine(from: here, to: there)
            map.addDot(
                at: there, label: partner.name, href: DirectoryPath.city.href(partner.id!),
                population: partner.population)
            partners.append(
                .init(
                    id: partner.id!, partnershipID: partnership.id!, name: partner.name,
                    country: request.countryName(of: partner), kind: request.text(partnership.kind.message),
                    since: partnership.since.map(String.init) ?? "", links: links[partner.id!] ?? []))
        }
        map.addDot(at: here, label: city.name, href: nil, population: city.population, highlighted: true)
        let profile = dto.contextProfile
        let people = try await Person.query(on: db).filter(\.$city.$id == city.id!).sort(\.$name).all()
        var editing: CityPage.Editing?
        if AccessPolicy.holds(.editor, in: [.city(city.id!)], user: request.actor?.user) {
            let memberOf = Set(dto.networks.map(\.networkId))
            let networks = try await Network.query(on: db).sort(\.$name).all().filter { !memberOf.contains($0.id!) }
            editing = .init(
                cityID: city.id!,
                kinds: PartnershipKind.allCases.map {
                    .init(value: $0.rawValue, label: request.text($0.message), selected: false)
                },
                networks: networks.map { .init(value: $0.slug, label: $0.name, selected: false) })
        }
        let text = { (message: Message) in request.text(message) }
        let notStated = text(Message("directory.city.profile.not-stated", "not stated"))
        let countryName = request.countryName(of: city)
        let page = CityPage(
            layout: Layout(
                title: Message(
                    "directory.city.title", "{city}, {country}",
                    ["city": .text(city.name), "country": .text(countryName)]), request: request),
            notice: request.notice(CityNotice.self),
            editing: editing, name: city.name,
            countryCode: city.country.id!, countryName: countryName, verified: city.verified,
            facts: [
                .init(label: text(Message("directory.city.fact.country", "Country")), value: countryName),
                .init(
                    label: text(Message("directory.city.fact.region", "Region")),
                    value: [profile.region, profile.subregion].filter { !$0.isEmpty }
                        .map { text(ReferenceName.region($0)) }.joined(separator: " · ")),
                .init(
                    label: text(Message("directory.city.fact.population", "Population")),
                    value: city.population > 0
                        ? request.text(count: city.population)
                        : text(Message("directory.city.fact.unknown", "unknown"))),
                .init(
                    label: text(Message("directory.city.fact.coordinates", "Coordinates")),
                    value: String(format: "%.4f, %.4f", city.latitude, city.longitude)),
                .init(
                    label: text(Message("directory.city.fact.income-group", "Income group of the country")),
                    value: text(
                        profile.incomeGroup.map(ReferenceName.incomeGroup)
                            ?? Message("directory.city.fact.not-classified", "not classified"))),
                .init(
                    label: text(Message("directory.city.fact.geonames", "GeoNames id")),
                    value: city.geonameid.map(String.init)
                        ?? text(Message("directory.city.fact.unverified", "none (unverified city)"))),
            ],
            profile: [
                .init(
                    label: text(Message("directory.city.profile.government", "Form of government")),
                    value: profile.formOfGovernment.map { text($0.message) } ?? notStated),
                .init(
                    label: text(Message("directory.city.profile.fiscal-autonomy", "Fiscal autonomy")),
                    value: profile.fiscalAutonomy.map { text($0.message) } ?? notStated),
                .init(
                    label: text(Message("directory.city.profile.budget-share", "Budget share for international work")),
                    value: profile.internationalBudgetShare.map {
                        ($0 / 100).formatted(.percent.precision(.fractionLength(0...2)).locale(request.language.locale))
                    } ?? notStated),
                .init(
                    label: text(Message("directory.city.profile.staff", "Staff for international work")),
                    value: profile.internationalStaff.map(String.init) ?? notStated),
                .init(
                    label: text(Message("directory.city.profile.languages", "Working languages")),
                    value: profile.workingLanguages.isEmpty
                        ? notStated : profile.workingLanguages.joined(separator: ", ")),
            ],
            networks: dto.networks.map {
                .init(
                    slug: $0.slug, name: $0.name, role: request.membershipRole($0.role),
                    since: $0.since.map(String.init) ?? "")
            },
            partners: partners.sorted { $0.name < $1.name },
            people: people.map { PersonRow(name: $0.name, role: $0.roleTitle) },
            map: map, sections: try await request.pageSections(for: city))
        return try await request.view.render("Directory/city", page)
    }

    // MARK: networks

    package struct NetworksPage: Encodable {
        package var layout: Layout
        package var columns: [SortableColumn]
        package var networks: [NetworkRow]
        package var pager: Pager
    }

    /// Every network, as a sortable table.
    @Sendable
    package func networks(_ request: Request) async throws -> View {
        let sort = try SortRequest<DirectoryQueries.NetworkSort>(from: request, default: .members, descending: true)
        let (networks, metadata) = try await DirectoryQueries.networks(
            page: try PageParameters(from: request, defaultPer: 50), sort: sort, on: request.db)
        let page = NetworksPage(
            layout: Layout(title: Message("directory.networks.title", "City networks"), request: request),
            columns: SortableColumn.columns(
                [
                    (.name, Message("directory.networks.column.network", "Network")),
                    (.founded, Message("directory.networks.column.founded", "Founded")),
                    (.members, Message("directory.networks.column.members", "Members")),
                ], current: sort, request: request),
            networks: networks.map { networkRow($0, request: request) },
            pager: Pager(metadata, request: request))
        return try await request.view.render("Directory/networks", page)
    }

    package struct NetworkPage: Encodable {
        package struct Member: Encodable {
            package var id: Int
            package var name: String
            package var country: String
            package var population: String
            package var role: String
            package var since: String
        }

        package struct RegionShare: Encodable {
            package var region: String
            package var members: Int
            package var percent: Int
        }

        /// A member the list names that is not one of the directory's cities.
        package struct ListedRow: Encodable {
            package var name: String
            package var country: String
            package var entity: String
            package var seat: String
            package var role: String
            package var since: String
            package var reason: String
        }

        package var layout: Layout
        package var canEdit: Bool
        package var network: NetworkDTO
        package var scope: String
        /// The part of the world the network works in, in the reader's language.
        package var region: String?
        package var secretariatID: Int?
        package var secretariat: String?
        package var themes: String
        package var columns: [SortableColumn]
        package var members: [Member]
        package var pager: Pager
        package var regions: [RegionShare]
        package var people: [PersonRow]
        package var map: MapView
        package var sections: [PageSection]
        /// Regions and intermunicipal bodies the list names.
        package var bodies: [ListedRow]
        /// Cities the list names that the directory could not place.
        package var unplaced: [ListedRow]
    }

    /// A network: its facts, members as a sortable table and on a map, members by region.
    @Sendable
    package func network(_ request: Request) async throws -> View {
        let db = request.db
        let network = try await DirectoryQueries.network(request.parameters.get("slug") ?? "", on: db)
        let sort = try SortRequest<DirectoryQueries.MemberSort>(from: request, default: .name, descending: false)
        let (members, metadata) = try await DirectoryQueries.members(
            of: network, page: try PageParameters(from: request, defaultPer: 25), sort: sort, on: db)
        let regions = try await DirectoryQueries.membersByRegion(of: network, on: db)
        let total = max(1, regions.reduce(0) { $0 + $1.1 })
        var map = request.worldMap(
            title: request.text(
                Message("directory.network.map-title", "Members of {network}", ["network": .text(network.name)])))
        let everyMember = try await Membership.query(on: db).filter(\.$network.$id == network.id!).with(\.$city).all()
        for member in everyMember {
            map.addDot(
                at: GeoPoint(latitude: member.city.latitude, longitude: member.city.longitude), label: member.city.name,
                href: DirectoryPath.city.href(member.city.id!), population: member.city.population)
        }
        let people = try await Person.query(on: db).filter(\.$network.$id == network.id!).sort(\.$name).all()
        let listed = try await ListedMember.query(on: db).filter(\.$network.$id == network.id!).sort(\.$name).all()
            .map { member in
                (
                    member.kind,
                    NetworkPage.ListedRow(
                        name: member.name, country: member.countryCode, entity: member.entity, seat: member.seat,
                        role: member.role, since: member.since.map(String.init) ?? "", reason: member.reason)
                )
            }
        let page = NetworkPage(
            layout: Layout(title: network.name, request: request),
            canEdit: AccessPolicy.holds(.editor, in: [.network(network.id!)], user: request.actor?.user),
            network: network.toDTO(memberCount: metadata.total, bodyCount: listed.count { $0.0 == .body }),
            scope: request.text(network.scope.message),
            region: network.region.isEmpty ? nil : request.text(ReferenceName.region(network.region)),
            secretariatID: network.secretariatCity?.id, secretariat: network.secretariatCity?.name,
            themes: network.themes.map { Theme(rawValue: $0).map { request.text($0.message) } ?? $0 }
                .joined(separator: ", "),
            columns: SortableColumn.columns(
                [
                    (.name, Message("directory.members.column.city", "City")),
                    (.country, Message("directory.members.column.country", "Country")),
                    (.population, Message("directory.members.column.population", "Population")),
                    (.since, Message("directory.members.column.since", "Member since")),
                ],
                current: sort, request: request),
            members: members.map {
                .init(
                    id: $0.city.id!, name: $0.city.name, country: request.countryName(of: $0.city),
                    population: $0.city.population > 0 ? request.text(count: $0.city.population) : "", role: $0.role,
                    since: $0.since.map(String.init) ?? "")
            },
            pager: Pager(metadata, request: request),
            regions: regions.map {
                .init(
                    region: request.text(
                        $0.0.isEmpty
                            ? Message("directory.network.region-unassigned", "Unassigned")
                            : ReferenceName.region($0.0)),
                    members: $0.1, percent: $0.1 * 100 / total)
            },
            people: people.map { PersonRow(name: $0.name, role: $0.roleTitle) },
            map: map, sections: try await request.pageSections(for: network),
            bodies: listed.filter { $0.0 == .body }.map(\.1),
            unplaced: listed.filter { $0.0 == .unplacedCity }.map(\.1))
        return try await request.view.render("Directory/network", page)
    }

    // MARK: countries

    package struct CountriesPage: Encodable {
        package struct Region: Encodable {
            package var name: String
            package var countries: [Row]
        }

        /// A country as the list shows it, in the reader's language.
        package struct Row: Encodable {
            package var code: String
            package var name: String
            package var subregion: String
            package var incomeGroup: String
            package var population: String
        }

        package var layout: Layout
        package var regions: [Region]
    }

    /// Whether `first` comes before `second` in the reader's alphabet.
    private static func precedes(_ first: String, _ second: String, in request: Request) -> Bool {
        first.compare(second, locale: request.language.locale) == .orderedAscending
    }

    /// Every country, grouped by UN region, in the reader's alphabetical order.
    @Sendable
    package func countries(_ request: Request) async throws -> View {
        let countries = try await Country.query(on: request.db).sort(\.$name).all()
        let grouped = Dictionary(grouping: countries, by: \.region)
        // Territories outside the UN regions come last.
        let regions = grouped.keys.map { ($0, request.text(ReferenceName.region($0))) }.sorted {
            $0.0.isEmpty != $1.0.isEmpty ? $1.0.isEmpty : Self.precedes($0.1, $1.1, in: request)
        }.map(\.0)
        let page = CountriesPage(
            layout: Layout(title: Message("directory.countries.title", "Countries"), request: request),
            regions: regions.map { region in
                .init(
                    name: request.text(
                        region.isEmpty
                            ? Message("directory.countries.other-territories", "Other territories")
                            : ReferenceName.region(region)),
                    countries: grouped[region]!.map { country in
                        .init(
                            code: country.id ?? "", name: request.countryName(of: country),
                            subregion: request.text(ReferenceName.region(country.subregion)),
                            incomeGroup: request.text(ReferenceName.incomeGroup(country.incomeGroup)),
                            population: request.text(count: country.population))
                    }.sorted { Self.precedes($0.name, $1.name, in: request) })
            })
        return try await request.view.render("Directory/countries", page)
    }

    package struct CountryPage: Encodable {
        package struct CityRow: Encodable {
            package var id: Int
            package var name: String
            package var population: String
            package var networks: String
        }

        package var layout: Layout
        package var country: CountryDTO
        /// The country's name, region, subregion and income group in the reader's language.
        package var name: String
        package var region: String
        package var subregion: String
        package var incomeGroup: String?
        package var population: String
        package var capitalID: Int?
        package var capital: String?
        package var largestCities: [CityRow]
        package var memberCities: [CityRow]
        package var map: MapView
    }

    /// A country: its facts, its largest cities and its cities in networks.
    @Sendable
    package func country(_ request: Request) async throws -> View {
        let db = request.db
        let country = try await DirectoryQueries.country(request.parameters.get("code") ?? "", on: db)
        let largest = try await City.query(on: db).filter(\.$country.$id == country.id!).sort(
            \.$population, .descending
        )
        .limit(20).all()
        let members = try await Membership.query(on: db).join(City.self, on: \Membership.$city.$id == \City.$id)
            .filter(City.self, \.$country.$id == country.id!).with(\.$city).with(\.$network).all()
        var byCity: [Int: (city: City, networks: [String])] = [:]
        for membership in members {
            byCity[membership.city.id!, default: (membership.city, [])].networks.append(membership.network.acronym)
        }
        let name = request.countryName(of: country)
        var map = request.worldMap(
            title: request.text(
                Message("directory.country.map-title", "Cities of {country}", ["country": .text(name)])))
        for city in largest {
            map.addDot(
                at: GeoPoint(latitude: city.latitude, longitude: city.longitude), label: city.name,
                href: DirectoryPath.city.href(city.id!), population: city.population,
                highlighted: byCity[city.id!] != nil)
        }
        var capital: City?
        if let capitalID = country.capitalCityID { capital = try await City.find(capitalID, on: db) }
        let page = CountryPage(
            layout: Layout(title: name, request: request), country: country.toDTO(), name: name,
            region: request.text(ReferenceName.region(country.region)),
            subregion: request.text(ReferenceName.region(country.subregion)),
            incomeGroup: country.incomeGroup.isEmpty
                ? nil : request.text(ReferenceName.incomeGroup(country.incomeGroup)),
            population: request.text(count: country.population), capitalID: capital?.id, capital: capital?.name,
            largestCities: largest.map {
                .init(
                    id: $0.id!, name: $0.name, population: request.text(count: $0.population),
                    networks: (byCity[$0.id!]?.networks ?? []).sorted().joined(separator: ", "))
            },
            memberCities: byCity.values.sorted { $0.city.population > $1.city.population }.map {
                .init(
                    id: $0.city.id!, name: $0.city.name, population: request.text(count: $0.city.population),
                    networks: $0.networks.sorted().joined(separator: ", "))
            },
            map: map)
        return try await request.view.render("Directory/country", page)
    }
}

/// What a city's page says after a change.
package enum CityNotice: String, PageNotice {
    case requested

    package var message: Message {
        switch self {
        case .requested:
            Message("directory.notice.requested", "The request has been sent; the network's editors will answer it.")
        }
    }
}
