import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Vapor

/// Every address of the knowledge module: the JSON API under `/api/v1`,
/// the pages, and the Atom feeds.
package struct KnowledgeRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let json = KnowledgeAPIController()
        let practiceEditor = AccessPolicy.editor(of: .practice(parameter: "id"))
        api.get("themes", use: json.themes)
        api.get("practices", use: json.search)
        api.on(.POST, "practices", policy: .editor(of: .cityInBody), use: json.create)
        api.get("practices", ":id", use: json.practice)
        api.on(.PATCH, "practices", ":id", policy: practiceEditor, use: json.update)
        api.on(.DELETE, "practices", ":id", policy: practiceEditor, use: json.delete)
        api.on(.PUT, "practices", ":id", "publication", policy: practiceEditor, use: json.publication)
        api.on(
            .PUT, "practices", ":id", "reviews", ":network", policy: .editor(of: .network(parameter: "network")),
            use: json.review)
        api.on(
            .DELETE, "practices", ":id", "reviews", ":network", policy: .editor(of: .network(parameter: "network")),
            use: json.removeReview)
        api.get("practices", ":id", "similar-cities", use: json.similarCities)
        api.get("practices", ":id", "transfers", use: json.transfers)
        api.on(.POST, "practices", ":id", "transfers", policy: .editor(of: .cityInBody), use: json.declareTransfer)
        api.on(
            .PATCH, "practices", ":id", "transfers", ":transferID",
            policy: .editor(of: .transfer(parameter: "transferID")), use: json.advanceTransfer)
        api.on(
            .PUT, "practices", ":id", "transfers", ":transferID", "evidence", policy: practiceEditor,
            use: json.citeTransfer)
        api.get("cities", ":id", "recommended-practices", use: json.recommendedPractices)
        api.get("measures", use: json.measures)

        let pages = PracticeWebController()
        routes.get("practices", use: pages.search)
        routes.get("practices", ":id", use: pages.practice)
        routes.get("measures", use: pages.measures)
        routes.get("measures", "cities", ":id", use: pages.timeline)
        routes.get("cities", ":id", "recommended-practices", use: pages.recommended)

        let forms = PracticeFormWebController()
        routes.on(
            .GET, "cities", ":id", "practices", "new", policy: .editor(of: .city(parameter: "id")), use: forms.new)
        routes.on(.POST, "practices", policy: .editor(of: .cityInBody), use: forms.create)
        routes.on(.GET, "practices", ":id", "edit", policy: practiceEditor, use: forms.edit)
        routes.on(.POST, "practices", ":id", "edit", policy: practiceEditor, use: forms.update)
        routes.on(.GET, "practices", ":id", "translate", policy: practiceEditor, use: forms.translate)
        routes.on(.POST, "practices", ":id", "publish", policy: practiceEditor, use: forms.publish)
        routes.on(.POST, "practices", ":id", "withdraw", policy: practiceEditor, use: forms.withdraw)
        routes.on(.POST, "practices", ":id", "delete", policy: practiceEditor, use: forms.delete)
        routes.on(
            .POST, "practices", ":id", "reviews", ":network", policy: .editor(of: .network(parameter: "network")),
            use: forms.review)
        routes.on(.POST, "practices", ":id", "transfers", policy: .editor(of: .cityInBody), use: forms.declareTransfer)
        routes.on(
            .POST, "practices", ":id", "transfers", ":transferID", "steps",
            policy: .editor(of: .transfer(parameter: "transferID")), use: forms.advanceTransfer)
        routes.on(
            .POST, "practices", ":id", "transfers", ":transferID", "evidence", policy: practiceEditor,
            use: forms.citeTransfer)

        let feeds = PracticeFeedController()
        routes.get("feeds", "practices.atom", use: feeds.all)
        routes.get("feeds", "practices", ":theme", use: feeds.theme)
    }
}
