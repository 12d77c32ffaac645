import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Vapor

/// Every address of the aid module: the JSON API under `/api/v1/aid` and
/// the pages under `/aid`. Offers, requests, runs and the ledger are public
/// (contact details need an account); a city's editors post and answer for
/// their city; network coordinators and platform administrators run the matching.
package struct AidRoutes: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let allocationCities = AccessPolicy.editor(of: .allocation(parameter: "id"))
        let offerEditor = AccessPolicy.editor(of: .aidPost(.offer, parameter: "id"))
        let requestEditor = AccessPolicy.editor(of: .aidPost(.request, parameter: "id"))
        let runner = AccessPolicy.editor(of: .matchingScope)

        let api = routes.grouped("api", "v1", "aid")
        let json = AidAPIController()
        api.get("resources", use: json.resources)
        api.on(.POST, "resources", policy: .platformAdmin, use: json.createResource)
        api.get("offers", use: json.offers)
        api.on(.POST, "offers", policy: .editor(of: .cityInBody), use: json.createOffer)
        api.get("offers", ":id", use: json.offer)
        api.on(.POST, "offers", ":id", "withdraw", policy: offerEditor, use: json.withdrawOffer)
        api.get("requests", use: json.requests)
        api.on(.POST, "requests", policy: .editor(of: .cityInBody), use: json.createRequest)
        api.get("requests", ":id", use: json.request)
        api.on(.POST, "requests", ":id", "withdraw", policy: requestEditor, use: json.withdrawRequest)
        api.on(.POST, "matching-runs", policy: runner, use: json.createRun)
        api.get("matching-runs", ":id", use: json.run)
        api.get("allocations", ":id", use: json.allocation)
        api.on(.POST, "allocations", ":id", "accept", policy: allocationCities, use: json.accept)
        api.on(.POST, "allocations", ":id", "decline", policy: allocationCities, use: json.decline)
        api.on(.POST, "allocations", ":id", "ship", policy: allocationCities, use: json.ship)
        api.on(.POST, "allocations", ":id", "receive", policy: allocationCities, use: json.receive)
        api.get("ledger", use: json.ledger)

        let pages = AidWebController()
        routes.get(AidPath.overview, use: pages.overview)
        routes.get(AidPath.resource, use: pages.resource)
        routes.on(.GET, AidPath.newOffer, policy: .signedIn, use: pages.newOffer)
        routes.on(.GET, AidPath.newRequest, policy: .signedIn, use: pages.newRequest)
        routes.on(.POST, AidPath.offers, policy: .editor(of: .cityInBody), use: pages.createOffer)
        routes.on(.POST, AidPath.requests, policy: .editor(of: .cityInBody), use: pages.createRequest)
        routes.get(AidPath.offer, use: pages.offer)
        routes.get(AidPath.request, use: pages.request)
        routes.on(.POST, AidPath.offerWithdraw, policy: offerEditor, use: pages.withdrawOffer)
        routes.on(.POST, AidPath.requestWithdraw, policy: requestEditor, use: pages.withdrawRequest)
        routes.on(.POST, AidPath.runs, policy: runner, use: pages.createRun)
        routes.get(AidPath.run, use: pages.run)
        routes.on(.POST, AidPath.allocationStep, policy: allocationCities, use: pages.step)
        routes.get(AidPath.ledger, use: pages.ledger)
        routes.get(AidPath.ledgerCSV, use: pages.ledgerCSV)
    }
}
