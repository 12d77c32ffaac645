import Fluent

/// The accounts module's migrations, in the order they landed.
enum AccountsMigrations {
    static let all: [any Migration] = [
        CreateUser(), CreateUserSession(), CreateAPIToken(), CreateInvitation(), CreateSignInFailure(),
        CreateAuditEntry(),
    ]
}
