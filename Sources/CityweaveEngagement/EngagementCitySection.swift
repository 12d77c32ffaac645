import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The engagement module's part of a city's page, for the city's own
/// people only: a link to the portfolio and what needs an owner.
package enum EngagementCitySection {
    package struct Context: Encodable {
        package var cityID: Int
        package var cityName: String
        package var engagementCount: Int
        package var needsOwner: [EngagementDTO]
        package var hasStrategy: Bool
    }

    package static let provider = PageSectionProvider.on(City.self) { request, city in
        let cityID = try city.requireID()
        guard AccessPolicy.holds(.viewer, in: [.city(cityID)], user: request.actor?.user) else { return nil }
        let engagements = try await EngagementQueries.engagements(of: cityID, on: request.db)
        let context = Context(
            cityID: cityID, cityName: city.name, engagementCount: engagements.filter(\.drawsOnCapacity).count,
            needsOwner: engagements.filter(\.needsOwner),
            hasStrategy: try await EngagementQueries.latestStrategy(of: cityID, on: request.db) != nil)
        return PageSection(
            id: "portfolio",
            title: request.text(
                Message(
                    "engagement.city-section.title", "Engagement portfolio (private to {city})",
                    ["city": .text(city.name)])),
            html: try await request.renderedSection("Engagement/city-section", context))
    }
}
