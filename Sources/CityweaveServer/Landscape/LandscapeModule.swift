import Fluent
import Vapor

/// The landscape: overlap and redundancy of networks, who is left out, the graph of cities, exports.
enum LandscapeModule: CityweaveModule {
    static let migrations: [any Migration] = LandscapeMigrations.all

    static let navigation = [NavigationEntry(label: "Landscape", href: "/landscape", position: 70)]

    static let openAPI: [any OpenAPIModule.Type] = [LandscapeOpenAPI.self]

    static func routes() -> [any RouteCollection] { [LandscapeRoutes()] }

    static func prepare(_ app: Application) {
        app.landscapeDirectory = LandscapeDirectory()
        app.cityGraphMetrics = CityGraphMetrics()
        app.landscapeVisitorBudget = LandscapeVisitorBudget()
    }

    static let pageSections = [LandscapeCitySection.provider, LandscapeNetworkSection.provider]

    static let commands: [String: any AnyAsyncCommand] = ["landscape": LandscapeCommandGroup()]

    static let lifecycleHandlers: [any LifecycleHandler] = [LandscapeWarmUp()]
}
