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
        routes.get(KnowledgePath.practices, use: pages.search)
        routes.get(KnowledgePath.practice, use: pages.practice)
        routes.get(KnowledgePath.measures, use: pages.measures)
        routes.get(KnowledgePath.cityMeasures, use: pages.timeline)
        routes.get(KnowledgePath.recommended, use: pages.recommended)

        let forms = PracticeFormWebController()
        routes.on(.GET, KnowledgePath.newPractice, policy: .editor(of: .city(parameter: "id")), use: forms.new)
        routes.on(.POST, KnowledgePath.practices, policy: .editor(of: .cityInBody), use: forms.create)
        routes.on(.GET, KnowledgePath.practiceEdit, policy: practiceEditor, use: forms.edit)
        routes.on(.POST, KnowledgePath.practiceEdit, policy: practiceEditor, use: forms.update)
        routes.on(.GET, KnowledgePath.practiceTranslate, policy: practiceEditor, use: forms.translate)
        routes.on(.POST, KnowledgePath.practicePublish, policy: practiceEditor, use: forms.publish)
        routes.on(.POST, KnowledgePath.practiceWithdraw, policy: practiceEditor, use: forms.withdraw)
        routes.on(.POST, KnowledgePath.practiceDelete, policy: practiceEditor, use: forms.delete)
        routes.on(
            .POST, KnowledgePath.review, policy: .editor(of: .network(parameter: "network")),
            use: forms.review)
        routes.on(.POST, KnowledgePath.transfers, policy: .editor(of: .cityInBody), use: forms.declareTransfer)
        routes.on(
            .POST, KnowledgePath.transferSteps, policy: .editor(of: .transfer(parameter: "transferID")),
            use: forms.advanceTransfer)
        routes.on(
            .POST, KnowledgePath.transferEvidence, policy: practiceEditor,
            use: forms.citeTransfer)

        let feeds = PracticeFeedController()
        routes.get(KnowledgePath.feed, use: feeds.all)
        routes.get(KnowledgePath.themeFeed, use: feeds.theme)
    }
}
