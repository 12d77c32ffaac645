import Fluent
import Vapor

/// Accounts: people who sign in, their sessions, tokens, roles, invitations and the audit log.
enum AccountsModule: CityweaveModule {
    static let migrations: [any Migration] = AccountsMigrations.all

    static let openAPI: [any OpenAPIModule.Type] = [AccountsOpenAPI.self]

    static func routes() -> [any RouteCollection] { [AccountsRoutes()] }

    static func prepare(_ app: Application) {
        app.signedInAccount = { request in
            guard let actor = request.actor, actor.session != nil else { return nil }
            return Layout.Account(
                name: actor.user.name, csrfToken: request.csrfToken,
                isAdmin: actor.user.isPlatformAdmin || actor.user.role == .admin)
        }
    }

    static let commands: [String: any AnyAsyncCommand] = ["users": UsersCommandGroup(), "tokens": TokensCommandGroup()]

    static let guardedTables = ["users", "user_sessions", "api_tokens", "invitations"]
}
