import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

/// The landscape's JSON API: overlap between networks, clusters of
/// redundancy and who is left out, all of the directory as it is or in a
/// year. Everything is public and read-only.
package struct LandscapeAPIController {
    /// Pairs of networks that share members, most redundant first.
    @Sendable
    package func overlap(_ request: Request) async throws -> Paged<OverlapPairDTO> {
        let analysis = try await request.landscapeAnalysis()
        let page = try PageParameters(from: request, defaultPer: 50)
        return Paged(
            items: analysis.pairs.dropFirst(page.offset).prefix(page.per).map {
                OverlapPairDTO($0, names: analysis.networkNames)
            },
            metadata: ListPageMetadata(page, total: analysis.pairs.count))
    }

    @Sendable
    package func clusters(_ request: Request) async throws -> ClustersDTO {
        let analysis = try await request.landscapeAnalysis()
        return ClustersDTO(
            year: analysis.year, threshold: analysis.clusters.threshold,
            clusters: analysis.clusters.clusters.map {
                $0.map { LandscapeNetworkDTO(id: $0, name: analysis.name(ofNetwork: $0)) }
            })
    }

    @Sendable
    package func inclusion(_ request: Request) async throws -> InclusionDTO {
        let analysis = try await request.landscapeAnalysis()
        return InclusionDTO(
            year: analysis.year, inclusion: analysis.inclusion,
            largestCitiesInNoNetwork: analysis.largestCitiesInNoNetwork.map {
                .init(id: $0.id, name: $0.name, countryCode: $0.countryCode, population: $0.population)
            })
    }

    /// The networks most like one network, most redundant first.
    @Sendable
    package func similar(_ request: Request) async throws -> [OverlapPairDTO] {
        let id = try await DirectoryQueries.networkID(request.parameters.get("id") ?? "", on: request.db)
        let analysis = try await request.landscapeAnalysis()
        return analysis.overlap.similar(to: id, limit: Self.similarLimit).map {
            OverlapPairDTO($0, names: analysis.networkNames)
        }
    }

    package static let similarLimit = 10
    /// The most peers a city's answer lists (its partners are all listed).
    package static let peerLimit = 20

    @Sendable
    package func coverage(_ request: Request) async throws -> NetworkCoverageDTO {
        let id = try await DirectoryQueries.networkID(request.parameters.get("id") ?? "", on: request.db)
        let analysis = try await request.landscapeAnalysis()
        guard let position = analysis.index.position(ofNetwork: id) else {
            throw Refusal(
                .notFound,
                Message("landscape.network.unknown", "There is no network '{id}'.", ["id": .text(String(id))]))
        }
        return NetworkCoverageDTO(year: analysis.year, coverage: analysis.coverage[position])
    }
}

extension LandscapeAPIController {
    /// A city's degrees, betweenness and component in the year's graph, with its partners and its
    /// peers (cities that share networks with it) ranked.
    @Sendable
    package func city(_ request: Request) async throws -> LandscapeCityDTO {
        let id = try request.integerParameter("id")
        let year = try LandscapeYear.read(request)
        let computed = try await request.application.cityGraphMetrics.metrics(year: year, request: request)
        guard let position = computed.index.position(ofCity: id),
            let neighbourhood = CityNeighbourhood(computed.index, cityID: id, peerLimit: Self.peerLimit)
        else {
            throw Refusal(
                .notFound, Message("landscape.city.unknown", "There is no city {id}.", ["id": .text(String(id))]))
        }
        let metrics = computed.metrics[position]
        return LandscapeCityDTO(
            year: year, metrics: metrics,
            componentSize: computed.componentSizes[metrics.component],
            neighbourhood: neighbourhood)
    }
}

/// The `year` a landscape is asked for, from 1900 to this year; this year
/// when left out, so that memberships that ended do not count.
package enum LandscapeYear {
    package static func read(_ request: Request) throws -> Int {
        let thisYear = DirectoryEdits.thisYear
        guard let text = try request.filterQuery("year") else { return thisYear }
        guard let year = Int(text), (1900...thisYear).contains(year) else {
            throw BadRequest(
                Message(
                    "landscape.year.invalid", "'{field}' must be a year from {first} to {last}; got '{value}'.",
                    ["field": .text("year"), "first": .year(1900), "last": .year(thisYear), "value": .text(text)]))
        }
        return year
    }
}
