import CityweaveDirectory
import CityweaveShared
import Vapor

/// Every address of the landscape module. All of it is public and reads only.
package struct LandscapeRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let json = LandscapeAPIController()
        api.get("landscape", "overlap", use: json.overlap)
        api.get("landscape", "clusters", use: json.clusters)
        api.get("landscape", "inclusion", use: json.inclusion)
        api.get("landscape", "cities", ":id", use: json.city)
        api.get("networks", ":id", "similar", use: json.similar)
        api.get("networks", ":id", "coverage", use: json.coverage)
        let export = LandscapeExportController()
        api.get("landscape", "export.graphml", use: export.graphML)
        api.get("landscape", "cities.csv", use: export.cityMetricsCSV)
        api.get("landscape", "overlap.csv", use: export.overlapCSV)
        api.get("landscape", "matrix.csv", use: export.matrixCSV)
        routes.get(LandscapePath.landscape, use: LandscapeWebController().landscape)
    }
}
