import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

/// The landscape as files: the graph of cities as GraphML (Gephi, networkx),
/// and the overlap of networks and the cities' metrics as CSV. Each is built
/// off the event loops from the year's analysis.
package struct LandscapeExportController {
    package enum Edges: String, CaseIterable {
        /// Partnerships and shared networks.
        case all
        case partnerships
    }

    /// `GET /api/v1/landscape/export.graphml?year=&edges=&network=&country=`; a graph above
    /// ``CityGraphExport/defaultEdgeLimit`` is a 400 that says how large it is and how to narrow it.
    @Sendable
    package func graphML(_ request: Request) async throws -> Response {
        let year = try LandscapeYear.read(request)
        let edges = try Self.edges(request)
        let selection = try await CitySelection(from: request)
        let computed = try await request.application.cityGraphMetrics.metrics(year: year, request: request)
        let text = try await request.application.threadPool.runIfActive {
            let index = computed.index
            do throws(CityGraphExport.TooManyEdges) {
                return try CityGraphExport.graphML(
                    index, metrics: computed.metrics, includeSharedNetworks: edges == .all,
                    included: selection.included(in: index))
            } catch {
                throw BadRequest(
                    Message(
                        "landscape.export.too-many-edges",
                        one:
                            "The graph of cities asked for has {count} edge, more than the limit of {limit}. Ask for edges=partnerships, or narrow it with network= or country=.",
                        other:
                            "The graph of cities asked for has {count} edges, more than the limit of {limit}. Ask for edges=partnerships, or narrow it with network= or country=.",
                        count: error.edges, ["limit": .count(error.limit)]))
            }
        }
        return Response.download(
            text, name: "cityweave-cities-\(year).graphml", contentType: "application/graphml+xml; charset=utf-8")
    }

    /// `GET /api/v1/landscape/cities.csv?year=&network=&country=`: the selected cities' metrics.
    @Sendable
    package func cityMetricsCSV(_ request: Request) async throws -> Response {
        let year = try LandscapeYear.read(request)
        let selection = try await CitySelection(from: request)
        let computed = try await request.application.cityGraphMetrics.metrics(year: year, request: request)
        let csv = try await request.application.threadPool.runIfActive {
            try LandscapeCSV.cityMetrics(
                computed.index, metrics: computed.metrics, included: selection.included(in: computed.index))
        }
        return .csvDownload(csv, name: "cityweave-city-metrics-\(year).csv")
    }

    /// `GET /api/v1/landscape/overlap.csv?year=`: every pair of networks sharing members, most redundant first.
    @Sendable
    package func overlapCSV(_ request: Request) async throws -> Response {
        let analysis = try await request.landscapeAnalysis()
        let csv = try await request.application.threadPool.runIfActive {
            try LandscapeCSV.overlapPairs(analysis.pairs, names: analysis.networkNames)
        }
        return .csvDownload(csv, name: "cityweave-network-overlap-\(analysis.year).csv")
    }

    /// `GET /api/v1/landscape/matrix.csv?year=`: the square matrix of redundancy, in the heatmap's order.
    @Sendable
    package func matrixCSV(_ request: Request) async throws -> Response {
        let analysis = try await request.landscapeAnalysis()
        let csv = try await request.application.threadPool.runIfActive {
            try LandscapeCSV.redundancyMatrix(
                analysis.overlap, order: analysis.clusters.heatmapOrder, names: analysis.networkNames)
        }
        return .csvDownload(csv, name: "cityweave-network-redundancy-\(analysis.year).csv")
    }

    private static func edges(_ request: Request) throws -> Edges {
        guard let text = try request.filterQuery("edges") else { return .all }
        guard let edges = Edges(rawValue: text) else {
            throw BadRequest(
                Message(
                    "landscape.export.edges.invalid", "'{field}' must be all or partnerships; got '{value}'.",
                    ["field": .text("edges"), "value": .text(text)]))
        }
        return edges
    }
}
