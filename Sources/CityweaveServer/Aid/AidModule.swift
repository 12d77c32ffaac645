import Fluent
import Vapor

/// Mutual aid: offers and requests of help, their matching, commitments and the ledger.
enum AidModule: CityweaveModule {
    static let migrations: [any Migration] = AidMigrations.all

    static let navigation = [NavigationEntry(label: "Mutual aid", href: "/aid", position: 60)]

    static let openAPI: [any OpenAPIModule.Type] = [AidOpenAPI.self]

    static func routes() -> [any RouteCollection] { [AidRoutes()] }

    static let pageSections = [AidCitySection.provider]

    static let demoContent: DemoContentLoader? = DemoAid.loadIfEmpty

    static let commands: [String: any AnyAsyncCommand] = ["aid": AidCommandGroup()]

    static let guardedTables = ["aid_resources", "aid_posts", "aid_matching_runs", "aid_allocations"]
}
