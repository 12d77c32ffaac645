import Fluent
import Vapor

/// Knowledge: practices recorded for transfer, their reviews, search and transfers, and measure trackers.
enum KnowledgeModule: CityweaveModule {
    static let migrations: [any Migration] = KnowledgeMigrations.all

    static let navigation = [
        NavigationEntry(label: "Practices", href: "/practices", position: 40),
        NavigationEntry(label: "Measures", href: "/measures", position: 50),
    ]

    static let openAPI: [any OpenAPIModule.Type] = [KnowledgeOpenAPI.self]

    static func routes() -> [any RouteCollection] { [KnowledgeRoutes()] }

    static func prepare(_ app: Application) {
        let publishedPractices = PublishedPractices()
        app.publishedPractices = publishedPractices
        app.publishedWorkCounters.append { try await publishedPractices.countsByCity(on: $0) }
    }

    static let pageSections = [KnowledgeCitySection.provider]

    static let demoContent: DemoContentLoader? = DemoPractices.loadIfEmpty

    static let importCommands: [String: any AnyAsyncCommand] = ["oxcgrt": ImportOxCGRTCommand()]

    static let guardedTables = ["practices", "practice_reviews", "practice_transfers", "practice_transfer_steps"]
}
