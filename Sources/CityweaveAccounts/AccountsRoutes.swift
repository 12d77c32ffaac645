import CityweaveShared
import Vapor

/// Every address of the accounts module: `/api/v1/me`, `/api/v1/tokens`, and
/// the pages for signing in, the account, invitations and administration.
package struct AccountsRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let accountsAPI = AccountsAPIController()
        api.on(.GET, "me", policy: .signedIn, use: accountsAPI.me)
        api.on(.GET, "tokens", policy: .signedIn, use: accountsAPI.tokens)
        api.on(.POST, "tokens", policy: .signedIn, use: accountsAPI.createToken)
        api.on(.DELETE, "tokens", ":id", policy: .signedIn, use: accountsAPI.revokeToken)

        let account = AccountWebController()
        routes.on(.GET, "login", policy: .anyone, use: account.loginForm)
        routes.on(.POST, "login", policy: .anyone, use: account.login)
        routes.on(.GET, "logout", policy: .anyone, use: account.logoutForm)
        routes.on(.POST, "logout", policy: .signedIn, use: account.logout)
        routes.on(.GET, "account", policy: .signedIn, use: account.account)
        routes.on(.POST, "account", "password", policy: .signedIn, use: account.changePassword)
        routes.on(.POST, "account", "sessions", ":id", "end", policy: .signedIn, use: account.endSession)
        routes.on(.POST, "account", "tokens", policy: .signedIn, use: account.createToken)
        routes.on(.POST, "account", "tokens", ":id", "revoke", policy: .signedIn, use: account.revokeToken)
        routes.on(.GET, "invitations", ":token", policy: .anyone, use: account.invitation)
        routes.on(.POST, "invitations", ":token", policy: .anyone, use: account.acceptInvitation)

        let admin = AdminWebController()
        let ownAdmin = AccessPolicy.admin(of: .ownOrganisation)
        let personAdmin = AccessPolicy.admin(of: .user(parameter: "userID"))
        routes.on(.GET, "admin", "people", policy: ownAdmin, use: admin.people)
        routes.on(.POST, "admin", "invitations", policy: ownAdmin, use: admin.invite)
        routes.on(.POST, "admin", "people", ":userID", policy: personAdmin, use: admin.updatePerson)
        routes.on(.POST, "admin", "people", ":userID", "deactivate", policy: personAdmin, use: admin.deactivate)
        routes.on(.POST, "admin", "people", ":userID", "reactivate", policy: personAdmin, use: admin.reactivate)
        routes.on(.GET, "admin", "audit", policy: ownAdmin, use: admin.audit)
    }
}

extension OrganisationLocator {
    /// The organisation of the user a route is about; none for a platform
    /// administrator, whom only platform administrators manage.
    package static func user(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            guard let id = request.parameters.get(name).flatMap(UUID.init(uuidString:)),
                let user = try await User.find(id, on: request.db)
            else { throw Abort(.notFound, reason: "There is no such person.") }
            return user.organisation.map { [$0] } ?? []
        }
    }
}
