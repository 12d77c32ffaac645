import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The directory: countries, cities, networks, memberships, partnerships and people.
package enum DirectoryModule: CityweaveModule {
    package static let migrations: [any Migration] = DirectoryMigrations.all

    /// Membership requests name the users who made and decided them.
    package static let laterMigrations: [any Migration] = DirectoryMigrations.afterAccounts

    package static let navigation = [
        NavigationEntry(
            label: Message("nav.directory", "Directory"), href: DirectoryPath.home.href(), position: 10,
            alsoCurrentUnder: ["/cities"]),
        NavigationEntry(label: Message("nav.networks", "Networks"), href: DirectoryPath.networks.href(), position: 20),
        NavigationEntry(
            label: Message("nav.countries", "Countries"), href: DirectoryPath.countries.href(), position: 30),
        NavigationEntry(label: Message("nav.search", "Search"), href: DirectoryPath.search.href(), position: 90),
    ]

    package static let openAPI: [any OpenAPIModule.Type] = [DirectoryOpenAPI.self, DirectoryEditsOpenAPI.self]

    package static let paths: [any SitePath.Type] = [DirectoryPath.self]

    package static func routes() -> [any RouteCollection] { [DirectoryRoutes()] }

    package static func prepare(_ app: Application) {
        app.networkMembers = NetworkMembers()
        app.organisations = DirectoryOrganisations()
    }

    package static let importCommands: [String: any AnyAsyncCommand] = [
        "geonames": ImportGeoNamesCommand(), "partnerships": ImportPartnershipsCommand(),
        "memberships": ImportMembershipsCommand(),
    ]

    package static let databaseMiddleware: [any AnyModelMiddleware] = [NetworkSearchNames(), PersonSearchNames()]

    package static let guardedTables = ["memberships", "partnerships", "membership_requests"]
}
