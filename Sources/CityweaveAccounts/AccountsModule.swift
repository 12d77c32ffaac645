import CityweaveShared
import Fluent
import Leaf
import Vapor

/// Accounts: people who sign in, their sessions, tokens, roles, invitations and the audit log.
package enum AccountsModule: CityweaveModule {
    package static let migrations: [any Migration] = AccountsMigrations.all

    package static let openAPI: [any OpenAPIModule.Type] = [AccountsOpenAPI.self]

    package static let paths: [any SitePath.Type] = [AccountsPath.self]

    package static func routes() -> [any RouteCollection] { [AccountsRoutes()] }

    package static func prepare(_ app: Application) {
        app.leaf.tags["csrfField"] = CSRFFieldTag()
        app.signedInAccount = { request in
            guard let actor = request.actor, actor.session != nil else { return nil }
            return Layout.Account(
                name: actor.user.name, isAdmin: actor.user.isPlatformAdmin || actor.user.role == .admin)
        }
    }

    package static let commands: [String: any AnyAsyncCommand] = [
        "users": UsersCommandGroup(), "tokens": TokensCommandGroup(),
    ]

    package static let guardedTables = ["users", "user_sessions", "api_tokens", "invitations"]
}
