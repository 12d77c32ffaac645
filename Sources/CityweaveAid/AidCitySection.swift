import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

/// The aid module's part of a city's page: its open offers and requests,
/// and a link to what it gave and received.
package enum AidCitySection {
    package struct Context: Encodable {
        package var cityID: Int
        package var cityName: String
        package var rows: [AidPostRow]
    }

    package static let provider = PageSectionProvider.on(City.self) { request, city in
        var filter = AidQueries.PostFilter(status: .open)
        filter.city = try city.requireID()
        var rows: [AidPostRow] = []
        for kind in AidPostKind.allCases {
            rows += try await AidQueries.currentPosts(kind, filter, on: request.db)
                .map { AidPostRow($0, request: request) }
        }
        let context = Context(cityID: filter.city!, cityName: city.name, rows: rows)
        return PageSection(
            id: "aid", title: request.text(Message("aid.city-section.title", "Mutual aid")),
            html: try await request.renderedSection("Aid/city-section", context))
    }
}
