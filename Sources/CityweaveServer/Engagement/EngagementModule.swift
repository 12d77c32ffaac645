import Fluent
import Vapor

/// Engagement: a city's strategy, its engagements and their value, and the portfolio advisor.
enum EngagementModule: CityweaveModule {
    static let migrations: [any Migration] = EngagementMigrations.all

    static let openAPI: [any OpenAPIModule.Type] = [EngagementOpenAPI.self]

    static func routes() -> [any RouteCollection] { [EngagementRoutes()] }

    static let pageSections = [EngagementCitySection.provider]

    static let demoContent: DemoContentLoader? = DemoEngagements.loadIfEmpty

    static let guardedTables = [
        "city_strategies", "engagements", "engagement_value_entries", "portfolio_plans", "staff_profiles",
    ]
}
