import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Foundation
import Vapor

/// The landscape's part of a city's page: its neighbourhood in the graph of
/// cities (partners and the cities it meets in networks, ranked by networks
/// shared) and its place in it. Betweenness is shown once computed; the
/// page never waits for it.
package enum LandscapeCitySection {
    package static let partnerLimit = 15
    package static let peerLimit = 10

    package struct NeighbourRow: Encodable {
        package var id: Int
        package var name: String
        package var country: String
        package var sharedNetworks: Int
        package var isPartner: Bool
    }

    package struct Figures: Encodable {
        package var degree: String
        package var weightedDegree: String
        package var betweenness: String
        package var componentSize: String
    }

    package struct Context: Encodable {
        package var cityID: Int
        package var cityName: String
        package var year: Int
        package var partners: [NeighbourRow]
        package var morePartners: Int
        package var peers: [NeighbourRow]
        package var figures: Figures?
    }

    package static let provider = PageSectionProvider.on(City.self) { request, city in
        guard let analysis = await request.landscapeForPageSection() else { return nil }
        let id = try city.requireID()
        guard let neighbourhood = CityNeighbourhood(analysis.index, cityID: id, peerLimit: peerLimit),
            !neighbourhood.partners.isEmpty || !neighbourhood.peers.isEmpty
        else { return nil }
        let row = { (neighbour: CityNeighbourhood.Neighbour) in
            NeighbourRow(
                id: neighbour.city.id, name: neighbour.city.name, country: neighbour.city.countryCode,
                sharedNetworks: neighbour.sharedNetworks, isPartner: neighbour.isPartner)
        }
        let computed = request.application.cityGraphMetrics.metricsIfComputed(
            for: analysis, threadPool: request.application.threadPool)
        let context = Context(
            cityID: id, cityName: city.name, year: analysis.year,
            partners: neighbourhood.partners.prefix(partnerLimit).map(row),
            morePartners: max(0, neighbourhood.partners.count - partnerLimit), peers: neighbourhood.peers.map(row),
            figures: computed.flatMap { figures($0, cityID: id, request: request) })
        return PageSection(
            id: "landscape", title: request.text(Message("landscape.city-section.title", "Among cities")),
            html: try await request.renderedSection("Landscape/city-section", context))
    }

    private static func figures(_ computed: CityGraphMetrics.Computed, cityID: Int, request: Request) -> Figures? {
        guard let position = computed.index.position(ofCity: cityID) else { return nil }
        let metrics = computed.metrics[position]
        return Figures(
            degree: request.text(count: metrics.degree), weightedDegree: request.text(count: metrics.weightedDegree),
            betweenness: request.text(value: .decimal(metrics.betweenness)),
            componentSize: request.text(count: computed.componentSizes[metrics.component]))
    }
}
