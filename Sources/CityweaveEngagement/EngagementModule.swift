import CityweaveShared
import Fluent
import Vapor

/// Engagement: a city's strategy, its engagements and their value, and the portfolio advisor.
package enum EngagementModule: CityweaveModule {
    package static let migrations: [any Migration] = EngagementMigrations.all

    package static let openAPI: [any OpenAPIModule.Type] = [EngagementOpenAPI.self]

    package static let paths: [any SitePath.Type] = [EngagementPath.self]

    package static func routes() -> [any RouteCollection] { [EngagementRoutes()] }

    package static let pageSections = [EngagementCitySection.provider]

    package static let demoContent: DemoContentLoader? = DemoEngagements.loadIfEmpty

    package static let guardedTables = [
        "city_strategies", "engagements", "engagement_value_entries", "portfolio_plans", "staff_profiles",
    ]
}
