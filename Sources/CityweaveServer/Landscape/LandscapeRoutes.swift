import Vapor

/// Every address of the landscape module. All of it is public and reads only.
struct LandscapeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let json = LandscapeAPIController()
        api.get("landscape", "overlap", use: json.overlap)
        api.get("landscape", "clusters", use: json.clusters)
        api.get("landscape", "inclusion", use: json.inclusion)
        api.get("landscape", "cities", ":id", use: json.city)
        api.get("networks", ":id", "similar", use: json.similar)
    }
}
