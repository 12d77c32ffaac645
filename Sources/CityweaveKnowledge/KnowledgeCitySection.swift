import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The knowledge module's part of a city's page: its practices (drafts
/// too, for its own people), the practices it adapts, the best few
/// practices of cities like it, and a link to its tracked measures.
package enum KnowledgeCitySection {
    package struct Context: Encodable {
        package var cityID: Int
        package var cityName: String
        package var practices: [PracticeListItem]
        package var mayEdit: Bool
        package var transfers: [Adaptation]
        package var recommendations: [PracticeListItem]
        package var measureCount: Int
    }

    package struct Adaptation: Encodable {
        package var practiceID: Int
        package var title: String
        package var stage: String
    }

    package static let provider = PageSectionProvider.on(City.self) { request, city in
        let db = request.db
        let cityID = try city.requireID()
        let practices = try await KnowledgeQueries.practices(
            ofCity: cityID, includeDrafts: KnowledgeQueries.maySeeDrafts(of: cityID, request: request), on: db)
        let transfers = try await PracticeTransfer.query(on: db).filter(\.$city.$id == cityID).with(\.$practice)
            .all()
        let context = Context(
            cityID: cityID, cityName: city.name,
            practices: practices.map {
                PracticeListItem(KnowledgeQueries.summary($0, request: request), request: request)
            },
            mayEdit: AccessPolicy.holds(.editor, in: [.city(cityID)], user: request.actor?.user),
            transfers: transfers.filter { $0.practice.isPublished }.map {
                Adaptation(practiceID: $0.$practice.id, title: $0.practice.title, stage: request.text($0.stage.message))
            },
            recommendations: try await Recommendations.practices(
                for: city, limit: 5, from: request.application.publishedPractices, request: request
            )
            .map { PracticeListItem($0, request: request) },
            measureCount: try await TrackedMeasure.query(on: db).filter(\.$city.$id == cityID).count())
        return PageSection(
            id: "practices", title: request.text(Message("knowledge.city-section.title", "Practices")),
            html: try await request.renderedSection("Knowledge/city-section", context))
    }
}
