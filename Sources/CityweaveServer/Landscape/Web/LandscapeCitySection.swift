import CityweaveCore
import Foundation
import Vapor

/// The landscape's part of a city's page: its neighbourhood in the graph of
/// cities (partners and the cities it meets in networks, ranked by networks
/// shared) and its place in it. Betweenness is shown once computed; the
/// page never waits for it.
enum LandscapeCitySection {
    static let partnerLimit = 15
    static let peerLimit = 10

    struct NeighbourRow: Encodable {
        var id: Int
        var name: String
        var country: String
        var sharedNetworks: Int
        var isPartner: Bool
    }

    struct Figures: Encodable {
        var degree: String
        var weightedDegree: String
        var betweenness: String
        var componentSize: String
    }

    struct Context: Encodable {
        var cityID: Int
        var cityName: String
        var year: Int
        var partners: [NeighbourRow]
        var morePartners: Int
        var peers: [NeighbourRow]
        var figures: Figures?
    }

    static let provider = PageSectionProvider.on(City.self) { request, city in
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
            figures: computed.flatMap { figures($0, cityID: id) })
        return PageSection(
            id: "landscape", title: "Among cities",
            html: try await request.renderedSection("Landscape/city-section", context))
    }

    private static func figures(_ computed: CityGraphMetrics.Computed, cityID: Int) -> Figures? {
        guard let position = computed.index.position(ofCity: cityID) else { return nil }
        let metrics = computed.metrics[position]
        return Figures(
            degree: NumberText.count(metrics.degree), weightedDegree: NumberText.count(metrics.weightedDegree),
            betweenness: NumberText.short(metrics.betweenness),
            componentSize: NumberText.count(computed.componentSizes[metrics.component]))
    }
}
