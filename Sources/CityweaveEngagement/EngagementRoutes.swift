import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Vapor

/// Every address of the engagement module: the JSON API under `/api/v1`
/// and the pages. All of it is the city's own: its people read it, its
/// editors change it.
package struct EngagementRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let cityViewer = AccessPolicy.viewer(of: .city(parameter: "id"))
        let cityEditor = AccessPolicy.editor(of: .city(parameter: "id"))
        let engagementViewer = AccessPolicy.viewer(of: .engagement(parameter: "id"))
        let engagementEditor = AccessPolicy.editor(of: .engagement(parameter: "id"))

        let api = routes.grouped("api", "v1")
        let json = EngagementAPIController()
        api.on(.GET, "cities", ":id", "strategy", policy: cityViewer, use: json.strategy)
        api.on(.PUT, "cities", ":id", "strategy", policy: cityEditor, use: json.saveStrategy)
        api.on(.GET, "cities", ":id", "engagements", policy: cityViewer, use: json.engagements)
        api.on(.POST, "cities", ":id", "engagements", policy: cityEditor, use: json.createEngagement)
        api.on(.GET, "engagements", ":id", policy: engagementViewer, use: json.engagement)
        api.on(.PATCH, "engagements", ":id", policy: engagementEditor, use: json.updateEngagement)
        api.on(.GET, "engagements", ":id", "value-log", policy: engagementViewer, use: json.valueLog)
        api.on(.POST, "engagements", ":id", "value-log", policy: engagementEditor, use: json.recordValue)
        // A what-if changes nothing: every person of the city may ask, with a read token too.
        api.on(
            .POST, "cities", ":id", "portfolio", "advice", policy: .viewerQuestion(of: .city(parameter: "id")),
            use: json.advice)
        api.on(.GET, "cities", ":id", "portfolio", "plans", policy: cityViewer, use: json.plans)
        api.on(.POST, "cities", ":id", "portfolio", "plans", policy: cityEditor, use: json.savePlan)
        api.on(.GET, "cities", ":id", "people", ":userID", policy: cityViewer, use: json.person)
        api.on(.PUT, "cities", ":id", "people", ":userID", "profile", policy: cityEditor, use: json.saveProfile)

        let portfolio = PortfolioWebController()
        routes.on(.GET, EngagementPath.portfolio, policy: cityViewer, use: portfolio.portfolio)
        routes.on(.GET, EngagementPath.portfolioReport, policy: cityViewer, use: portfolio.report)
        routes.on(.GET, EngagementPath.engagementsCSV, policy: cityViewer, use: portfolio.engagementsCSV)
        routes.on(.GET, EngagementPath.valueLogCSV, policy: cityViewer, use: portfolio.valueLogCSV)
        routes.on(.POST, EngagementPath.plans, policy: cityEditor, use: portfolio.savePlan)
        routes.on(.GET, EngagementPath.plan, policy: cityViewer, use: portfolio.plan)

        let pages = EngagementWebController()
        routes.on(.GET, EngagementPath.strategyEdit, policy: cityEditor, use: pages.editStrategy)
        routes.on(.POST, EngagementPath.strategy, policy: cityEditor, use: pages.saveStrategy)
        routes.on(.GET, EngagementPath.newEngagement, policy: cityEditor, use: pages.newEngagement)
        routes.on(.POST, EngagementPath.engagements, policy: cityEditor, use: pages.createEngagement)
        routes.on(.GET, EngagementPath.engagement, policy: engagementViewer, use: pages.engagement)
        routes.on(.GET, EngagementPath.engagementEdit, policy: engagementEditor, use: pages.editEngagement)
        routes.on(.POST, EngagementPath.engagementEdit, policy: engagementEditor, use: pages.updateEngagement)
        routes.on(.POST, EngagementPath.valueLog, policy: engagementEditor, use: pages.recordValue)
        routes.on(.GET, EngagementPath.person, policy: cityViewer, use: pages.person)
        routes.on(.POST, EngagementPath.personProfile, policy: cityEditor, use: pages.saveProfile)
    }
}
