import CityweaveCore
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
        routes.on(.GET, AccountsPath.login, policy: .anyone, use: account.loginForm)
        routes.on(.POST, AccountsPath.login, policy: .anyone, use: account.login)
        routes.on(.GET, AccountsPath.logout, policy: .anyone, use: account.logoutForm)
        routes.on(.POST, AccountsPath.logout, policy: .signedIn, use: account.logout)
        routes.on(.GET, AccountsPath.account, policy: .signedIn, use: account.account)
        routes.on(.POST, AccountsPath.accountPassword, policy: .signedIn, use: account.changePassword)
        routes.on(.POST, AccountsPath.sessionEnd, policy: .signedIn, use: account.endSession)
        routes.on(.POST, AccountsPath.tokens, policy: .signedIn, use: account.createToken)
        routes.on(.POST, AccountsPath.tokenRevoke, policy: .signedIn, use: account.revokeToken)
        routes.on(.GET, AccountsPath.invitation, policy: .anyone, use: account.invitation)
        routes.on(.POST, AccountsPath.invitation, policy: .anyone, use: account.acceptInvitation)

        let admin = AdminWebController()
        let ownAdmin = AccessPolicy.admin(of: .ownOrganisation)
        let personAdmin = AccessPolicy.admin(of: .user(parameter: "userID"))
        routes.on(.GET, AccountsPath.people, policy: ownAdmin, use: admin.people)
        routes.on(.POST, AccountsPath.invitations, policy: ownAdmin, use: admin.invite)
        routes.on(.POST, AccountsPath.person, policy: personAdmin, use: admin.updatePerson)
        routes.on(.POST, AccountsPath.personDeactivate, policy: personAdmin, use: admin.deactivate)
        routes.on(.POST, AccountsPath.personReactivate, policy: personAdmin, use: admin.reactivate)
        routes.on(.POST, AccountsPath.personSignatory, policy: personAdmin, use: admin.designateSignatory)
        routes.on(.GET, AccountsPath.audit, policy: ownAdmin, use: admin.audit)
    }
}

extension OrganisationLocator {
    /// The organisation of the user a route is about; none for a platform
    /// administrator, whom only platform administrators manage.
    package static func user(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            guard let id = request.parameters.get(name).flatMap(UUID.init(uuidString:)),
                let user = try await User.find(id, on: request.db)
            else { throw Refusal(.notFound, Message("accounts.person.unknown", "There is no such person.")) }
            return user.organisation.map { [$0] } ?? []
        }
    }
}
