import Vapor

/// Every address of the directory: the JSON API under `/api/v1` and the pages.
struct DirectoryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
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

        let pages = DirectoryWebController()
        routes.get(use: pages.home)
        routes.get("search", use: pages.search)
        routes.get("cities", ":id", use: pages.city)
        routes.get("networks", use: pages.networks)
        routes.get("networks", ":slug", use: pages.network)
        routes.get("countries", use: pages.countries)
        routes.get("countries", ":code", use: pages.country)
    }
}

extension Request {
    /// A whole-number path parameter, or a 400 naming it.
    func integerParameter(_ name: String) throws -> Int {
        let text = parameters.get(name) ?? ""
        guard let value = Int(text), value > 0 else {
            throw BadRequest("'\(name)' must be a positive whole number; got '\(text)'.")
        }
        return value
    }

    /// An optional whole-number query parameter, or a 400 naming it.
    func integerQuery(_ name: String) throws -> Int? {
        guard let text = query[String.self, at: name] else { return nil }
        guard let value = Int(text), value > 0 else {
            throw BadRequest("'\(name)' must be a positive whole number; got '\(text)'.")
        }
        return value
    }

    /// An optional ISO 3166-1 alpha-2 country code in the query, upper-cased.
    func countryQuery(_ name: String = "country") throws -> String? {
        guard let text = query[String.self, at: name] else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw BadRequest("'\(name)' must be a two-letter ISO 3166-1 code such as FR; got '\(text)'.")
        }
        return text.uppercased()
    }
}
