import CityweaveShared

/// The directory's pages and the forms that change it.
package enum DirectoryPath: String, SitePath {
    case home = "/"
    case search = "/search"
    case city = "/cities/:id"
    case networks = "/networks"
    case network = "/networks/:slug"
    case countries = "/countries"
    case country = "/countries/:code"
    case cityEdit = "/cities/:id/edit"
    case cityPartnerships = "/cities/:id/partnerships"
    case cityMembershipRequests = "/cities/:id/membership-requests"
    case partnershipDelete = "/partnerships/:id/delete"
    case networkEdit = "/networks/:slug/edit"
    case networkManage = "/networks/:slug/manage"
    case networkMembers = "/networks/:slug/members"
    case networkMemberRemove = "/networks/:slug/members/:cityID/remove"
    case membershipRequestAccept = "/membership-requests/:id/accept"
    case membershipRequestDecline = "/membership-requests/:id/decline"
}
