import Fluent
import Vapor

/// The directory: countries, cities, networks, memberships, partnerships and people.
enum DirectoryModule: CityweaveModule {
    static let migrations: [any Migration] = DirectoryMigrations.all

    /// Membership requests name the users who made and decided them.
    static let laterMigrations: [any Migration] = DirectoryMigrations.afterAccounts

    static let navigation = [
        NavigationEntry(label: "Directory", href: "/", position: 10, alsoCurrentUnder: ["/cities"]),
        NavigationEntry(label: "Networks", href: "/networks", position: 20),
        NavigationEntry(label: "Countries", href: "/countries", position: 30),
        NavigationEntry(label: "Search", href: "/search", position: 90),
    ]

    static let openAPI: [any OpenAPIModule.Type] = [DirectoryOpenAPI.self, DirectoryEditsOpenAPI.self]

    static func routes() -> [any RouteCollection] { [DirectoryRoutes()] }

    static func prepare(_ app: Application) {
        app.networkMembers = NetworkMembers()
        app.organisations = DirectoryOrganisations()
    }

    static let importCommands: [String: any AnyAsyncCommand] = [
        "geonames": ImportGeoNamesCommand(), "partnerships": ImportPartnershipsCommand(),
        "memberships": ImportMembershipsCommand(),
    ]

    static let databaseMiddleware: [any AnyModelMiddleware] = [NetworkSearchNames(), PersonSearchNames()]

    static let guardedTables = ["memberships", "partnerships", "membership_requests"]
}
