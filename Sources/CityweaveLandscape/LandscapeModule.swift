import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The landscape: overlap and redundancy of networks, who is left out, the graph of cities, exports.
package enum LandscapeModule: CityweaveModule {
    package static let migrations: [any Migration] = LandscapeMigrations.all

    package static let navigation = [
        NavigationEntry(
            label: Message("nav.landscape", "Landscape"), href: LandscapePath.landscape.href(), position: 70)
    ]

    package static let openAPI: [any OpenAPIModule.Type] = [LandscapeOpenAPI.self]

    package static let paths: [any SitePath.Type] = [LandscapePath.self]

    package static func routes() -> [any RouteCollection] { [LandscapeRoutes()] }

    package static func prepare(_ app: Application) {
        app.landscapeDirectory = LandscapeDirectory()
        app.cityGraphMetrics = CityGraphMetrics()
        app.landscapeVisitorBudget = LandscapeVisitorBudget()
    }

    package static let pageSections = [LandscapeCitySection.provider, LandscapeNetworkSection.provider]

    package static let commands: [String: any AnyAsyncCommand] = ["landscape": LandscapeCommandGroup()]

    package static let lifecycleHandlers: [any LifecycleHandler] = [LandscapeWarmUp()]
}
