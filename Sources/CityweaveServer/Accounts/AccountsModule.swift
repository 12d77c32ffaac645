import Fluent
import Vapor

/// Accounts: people who sign in, their sessions, tokens, roles, invitations and the audit log.
enum AccountsModule: CityweaveModule {
    /// The directory's membership requests name the users who made and decided them: those of its
    /// migrations run once the users' table exists.
    static let migrations: [any Migration] = AccountsMigrations.all + DirectoryMigrations.afterAccounts

    static let openAPI: [any OpenAPIModule.Type] = [AccountsOpenAPI.self]

    static func routes() -> [any RouteCollection] { [AccountsRoutes()] }

    static let commands: [String: any AnyAsyncCommand] = ["users": UsersCommandGroup(), "tokens": TokensCommandGroup()]

    static let guardedTables = ["users", "user_sessions", "api_tokens", "invitations"]
}
