import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Mutual aid: offers and requests of help, their matching, commitments and the ledger.
package enum AidModule: CityweaveModule {
    package static let migrations: [any Migration] = AidMigrations.all

    package static let navigation = [
        NavigationEntry(label: Message("nav.aid", "Mutual aid"), href: AidPath.overview.href(), position: 60)
    ]

    package static let openAPI: [any OpenAPIModule.Type] = [AidOpenAPI.self]

    package static let paths: [any SitePath.Type] = [AidPath.self]

    package static func routes() -> [any RouteCollection] { [AidRoutes()] }

    package static let pageSections = [AidCitySection.provider]

    package static let demoContent: DemoContentLoader? = DemoAid.loadIfEmpty

    package static let commands: [String: any AnyAsyncCommand] = ["aid": AidCommandGroup()]

    package static let guardedTables = ["aid_resources", "aid_posts", "aid_matching_runs", "aid_allocations"]
}
