import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// Every address of the directory: the JSON API under `/api/v1` and the pages.
package struct DirectoryRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let directoryAPI = DirectoryAPIController()
        api.get("cities", use: directoryAPI.cities)
        api.get("cities", ":id", use: directoryAPI.city)
        api.get("networks", use: directoryAPI.networks)
        api.get("networks", ":id", use: directoryAPI.network)
        api.get("networks", ":id", "members", use: directoryAPI.members)
        api.get("partnerships", use: directoryAPI.partnerships)
        api.get("countries", use: directoryAPI.countries)
        api.get("countries", ":code", use: directoryAPI.country)
        api.get("search", use: directoryAPI.search)

        let edits = DirectoryEditsAPIController()
        let cityEditor = AccessPolicy.editor(of: .city(parameter: "id"))
        let networkEditor = AccessPolicy.editor(of: .network(parameter: "id"))
        api.on(.PATCH, "cities", ":id", policy: cityEditor, use: edits.updateCity)
        api.on(.POST, "cities", ":id", "partnerships", policy: cityEditor, use: edits.addPartnership)
        api.on(.POST, "cities", ":id", "membership-requests", policy: cityEditor, use: edits.requestMembership)
        api.on(
            .DELETE, "partnerships", ":id", policy: .editor(of: .partnership(parameter: "id")),
            use: edits.removePartnership)
        api.on(.PATCH, "networks", ":id", policy: networkEditor, use: edits.updateNetwork)
        api.on(.POST, "networks", ":id", "members", policy: networkEditor, use: edits.addMember)
        api.on(.DELETE, "networks", ":id", "members", ":cityId", policy: networkEditor, use: edits.removeMember)
        api.on(.GET, "networks", ":id", "membership-requests", policy: networkEditor, use: edits.membershipRequests)
        api.on(
            .POST, "membership-requests", ":id", "decision", policy: .editor(of: .membershipRequest(parameter: "id")),
            use: edits.decide)

        let pages = DirectoryWebController()
        routes.get(DirectoryPath.home, use: pages.home)
        routes.get(DirectoryPath.search, use: pages.search)
        routes.get(DirectoryPath.city, use: pages.city)
        routes.get(DirectoryPath.networks, use: pages.networks)
        routes.get(DirectoryPath.network, use: pages.network)
        routes.get(DirectoryPath.countries, use: pages.countries)
        routes.get(DirectoryPath.country, use: pages.country)

        let forms = DirectoryEditWebController()
        let cityPageEditor = AccessPolicy.editor(of: .city(parameter: "id"))
        let networkPageEditor = AccessPolicy.editor(of: .network(parameter: "slug"))
        let requestEditor = AccessPolicy.editor(of: .membershipRequest(parameter: "id"))
        routes.on(.GET, DirectoryPath.cityEdit, policy: cityPageEditor, use: forms.editCity)
        routes.on(.POST, DirectoryPath.cityEdit, policy: cityPageEditor, use: forms.updateCity)
        routes.on(.POST, DirectoryPath.cityPartnerships, policy: cityPageEditor, use: forms.addPartnership)
        routes.on(.POST, DirectoryPath.cityMembershipRequests, policy: cityPageEditor, use: forms.requestMembership)
        routes.on(
            .POST, DirectoryPath.partnershipDelete, policy: .editor(of: .partnership(parameter: "id")),
            use: forms.removePartnership)
        routes.on(.GET, DirectoryPath.networkEdit, policy: networkPageEditor, use: forms.editNetwork)
        routes.on(.POST, DirectoryPath.networkEdit, policy: networkPageEditor, use: forms.updateNetwork)
        routes.on(.GET, DirectoryPath.networkManage, policy: networkPageEditor, use: forms.manageNetwork)
        routes.on(.POST, DirectoryPath.networkMembers, policy: networkPageEditor, use: forms.addMember)
        routes.on(
            .POST, DirectoryPath.networkMemberRemove, policy: networkPageEditor,
            use: forms.removeMember)
        routes.on(.POST, DirectoryPath.membershipRequestAccept, policy: requestEditor, use: forms.accept)
        routes.on(.POST, DirectoryPath.membershipRequestDecline, policy: requestEditor, use: forms.decline)
    }
}

extension Request {
    /// A whole-number path parameter, or a 400 naming it.
    package func integerParameter(_ name: String) throws -> Int {
        let text = parameters.get(name) ?? ""
        guard let value = Int(text), value > 0 else { throw Self.notPositiveWholeNumber(name, text) }
        return value
    }

    /// An optional whole-number query parameter, or a 400 naming it.
    package func integerQuery(_ name: String) throws -> Int? {
        guard let text = query[String.self, at: name] else { return nil }
        guard let value = Int(text), value > 0 else { throw Self.notPositiveWholeNumber(name, text) }
        return value
    }

    /// The 400 for a parameter that is not a positive whole number.
    private static func notPositiveWholeNumber(_ name: String, _ text: String) -> BadRequest {
        BadRequest(
            Message(
                "directory.error.positive-whole-number", "'{field}' must be a positive whole number; got '{given}'.",
                ["field": .text(name), "given": .text(text)]))
    }

    /// An optional ISO 3166-1 alpha-2 country code in the query, upper-cased.
    package func countryQuery(_ name: String = "country") throws -> String? {
        guard let text = query[String.self, at: name] else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw BadRequest(
                Message(
                    "directory.error.country-code",
                    "'{field}' must be a two-letter ISO 3166-1 code such as FR; got '{given}'.",
                    ["field": .text(name), "given": .text(text)]))
        }
        return text.uppercased()
    }
}
