import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

/// The landscape's part of a network's page: the networks most like it, and
/// whom it reaches against the world's cities of the same sizes.
package enum LandscapeNetworkSection {
    package struct SimilarRow: Encodable {
        package var id: Int
        package var name: String
        package var shared: String
        package var overlap: String
        package var themes: String
        package var redundancy: String
    }

    package struct Context: Encodable {
        package var networkName: String
        package var year: Int
        package var similar: [SimilarRow]
        package var tables: [ShareBarTable]
    }

    package static let provider = PageSectionProvider.on(Network.self) { request, network in
        guard let analysis = await request.landscapeForPageSection() else { return nil }
        let id = try network.requireID()
        let similar = analysis.overlap.similar(to: id, limit: LandscapeAPIController.similarLimit).map { pair in
            let other = pair.first == id ? pair.second : pair.first
            return SimilarRow(
                id: other, name: analysis.name(ofNetwork: other), shared: request.text(count: pair.sharedMembers),
                overlap: request.text(value: .percent(pair.overlapCoefficient)),
                themes: request.text(value: .percent(pair.themeSimilarity)),
                redundancy: request.text(value: .fixed(pair.redundancy, digits: 2)))
        }
        let coverage = analysis.index.position(ofNetwork: id).map { analysis.coverage[$0] }
        let tables =
            coverage.map {
                [
                    ShareBarTable(
                        title: request.text(Message("landscape.network-section.by-region", "Members by region")),
                        bars: ShareBar.coverage($0.byRegion, request: request)),
                    ShareBarTable(
                        title: request.text(ShareBarTable.byIncomeGroup),
                        bars: ShareBar.coverage(
                            ShareBar.byIncome($0.byIncomeGroup, group: \.group), request: request)),
                ]
            } ?? []
        let context = Context(networkName: network.name, year: analysis.year, similar: similar, tables: tables)
        return PageSection(
            id: "landscape",
            title: request.text(Message("landscape.network-section.title", "In the landscape of networks")),
            html: try await request.renderedSection("Landscape/network-section", context))
    }
}
