import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The directory's JSON API (`/api/v1`), described in `/api/openapi.json`.
package struct DirectoryAPIController {
    /// Cities, largest first, or those whose name matches `q` in any script;
    /// `country` narrows to one country.
    @Sendable
    package func cities(_ request: Request) async throws -> Paged<CitySummaryDTO> {
        let page = try PageParameters(from: request)
        let sort = try SortRequest<DirectoryQueries.CitySort>(from: request, default: .population, descending: true)
        let (cities, metadata) = try await DirectoryQueries.cities(
            query: request.query[String.self, at: "q"], countryCode: try request.countryQuery(), page: page, sort: sort,
            on: request.db)
        return Paged(items: cities.map { $0.toSummaryDTO() }, metadata: metadata)
    }

    /// One city with its country, context profile and networks.
    @Sendable
    package func city(_ request: Request) async throws -> CityDTO {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        return try await DirectoryQueries.cityDTO(city, on: request.db)
    }

    /// Networks, largest first by default.
    @Sendable
    package func networks(_ request: Request) async throws -> Paged<NetworkDTO> {
        let page = try PageParameters(from: request)
        let sort = try SortRequest<DirectoryQueries.NetworkSort>(from: request, default: .members, descending: true)
        let (networks, metadata) = try await DirectoryQueries.networks(page: page, sort: sort, on: request.db)
        return Paged(items: networks, metadata: metadata)
    }

    /// One network, by id or slug.
    @Sendable
    package func network(_ request: Request) async throws -> NetworkDTO {
        let network = try await DirectoryQueries.network(request.parameters.get("id") ?? "", on: request.db)
        return try await DirectoryQueries.dto(of: network, on: request.db)
    }

    /// A network's member cities, sortable by name, country, population or since.
    @Sendable
    package func members(_ request: Request) async throws -> Paged<MemberDTO> {
        let network = try await DirectoryQueries.network(request.parameters.get("id") ?? "", on: request.db)
        let page = try PageParameters(from: request)
        let sort = try SortRequest<DirectoryQueries.MemberSort>(from: request, default: .name, descending: false)
        let (members, metadata) = try await DirectoryQueries.members(
            of: network, page: page, sort: sort, on: request.db)
        return Paged(
            items: members.map {
                MemberDTO(
                    city: $0.city.toSummaryDTO(), countryName: request.countryName(of: $0.city), role: $0.role,
                    since: $0.since)
            }, metadata: metadata)
    }

    /// Partnerships, all or those of one city (`city`).
    @Sendable
    package func partnerships(_ request: Request) async throws -> Paged<PartnershipDTO> {
        let page = try PageParameters(from: request)
        let cityID = try request.integerQuery("city")
        if let cityID { _ = try await DirectoryQueries.city(cityID, on: request.db) }
        let (partnerships, metadata) = try await DirectoryQueries.partnerships(
            cityID: cityID, page: page, on: request.db)
        return Paged(
            items: partnerships.map {
                PartnershipDTO(
                    id: $0.id!, kind: $0.kind, since: $0.since, source: $0.source,
                    cities: [$0.cityA.toSummaryDTO(), $0.cityB.toSummaryDTO()])
            }, metadata: metadata)
    }

    /// Countries by name; `region` narrows to one UN region.
    @Sendable
    package func countries(_ request: Request) async throws -> Paged<CountryDTO> {
        let page = try PageParameters(from: request, defaultPer: 100)
        let query = Country.query(on: request.db)
        if let region = try request.filterQuery("region") {
            query.filter(\.$region == region)
        }
        let total = try await query.count()
        let countries = try await query.sort(\.$name).range(page.offset..<(page.offset + page.per)).all()
        return Paged(items: countries.map { $0.toDTO() }, metadata: ListPageMetadata(page, total: total))
    }

    /// One country by its ISO 3166-1 alpha-2 code.
    @Sendable
    package func country(_ request: Request) async throws -> CountryDTO {
        try await DirectoryQueries.country(request.parameters.get("code") ?? "", on: request.db).toDTO()
    }

    /// Cities, networks, people and countries whose names match `q`, in any
    /// script and without regard to accents; `kind` narrows to one kind.
    @Sendable
    package func search(_ request: Request) async throws -> Paged<SearchHitDTO> {
        let page = try PageParameters(from: request)
        guard let query = request.query[String.self, at: "q"], !query.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw BadRequest(
                Message(
                    "directory.error.search-query-required", "'{field}' is required: the name to look for.",
                    ["field": .text("q")]))
        }
        let kinds =
            try request.query[String.self, at: "kind"].map {
                [try FieldChoice.parse(DirectoryRecord.Kind.self, $0, field: "kind")]
            } ?? DirectoryRecord.Kind.allCases
        let (hits, metadata) = try await DirectoryQueries.search(query, kinds: kinds, page: page, request: request)
        return Paged(items: hits, metadata: metadata)
    }
}
