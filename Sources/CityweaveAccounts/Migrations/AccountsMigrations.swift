import Fluent

/// The accounts module's migrations, in the order they landed.
package enum AccountsMigrations {
    package static let all: [any Migration] = [
        CreateUser(), CreateUserSession(), CreateAPIToken(), CreateInvitation(), CreateSignInFailure(),
        CreateAuditEntry(), AddUserLanguage(), AddUserSignatory(),
    ]
}
