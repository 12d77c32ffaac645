import CityweaveShared

/// The accounts' pages: signing in and out, one's account, invitations and the administration of people.
package enum AccountsPath: String, SitePath {
    case login = "/login"
    case logout = "/logout"
    case account = "/account"
    case accountPassword = "/account/password"
    case sessionEnd = "/account/sessions/:id/end"
    case tokens = "/account/tokens"
    case tokenRevoke = "/account/tokens/:id/revoke"
    case invitation = "/invitations/:token"
    case people = "/admin/people"
    case invitations = "/admin/invitations"
    case person = "/admin/people/:userID"
    case personDeactivate = "/admin/people/:userID/deactivate"
    case personReactivate = "/admin/people/:userID/reactivate"
    case personSignatory = "/admin/people/:userID/signatory"
    case audit = "/admin/audit"
}
