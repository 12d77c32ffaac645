import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Knowledge: practices recorded for transfer, their reviews, search and transfers, and measure trackers.
package enum KnowledgeModule: CityweaveModule {
    package static let migrations: [any Migration] = KnowledgeMigrations.all

    package static let navigation = [
        NavigationEntry(
            label: Message("nav.practices", "Practices"), href: KnowledgePath.practices.href(), position: 40),
        NavigationEntry(label: Message("nav.measures", "Measures"), href: KnowledgePath.measures.href(), position: 50),
    ]

    package static let openAPI: [any OpenAPIModule.Type] = [KnowledgeOpenAPI.self]

    package static let paths: [any SitePath.Type] = [KnowledgePath.self]

    package static func routes() -> [any RouteCollection] { [KnowledgeRoutes()] }

    package static func prepare(_ app: Application) {
        let publishedPractices = PublishedPractices()
        app.publishedPractices = publishedPractices
        app.publishedWorkCounters.append { try await publishedPractices.countsByCity(on: $0) }
    }

    package static let pageSections = [KnowledgeCitySection.provider]

    package static let demoContent: DemoContentLoader? = { app in
        try await DemoPractices.loadIfEmpty(app)
        try await DemoMeasures.loadIfEmpty(app)
    }

    package static let importCommands: [String: any AnyAsyncCommand] = ["oxcgrt": ImportOxCGRTCommand()]

    package static let guardedTables = [
        "practices", "practice_reviews", "practice_transfers", "practice_transfer_steps",
    ]
}
