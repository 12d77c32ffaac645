import CityweaveAccounts
import CityweaveDirectory
import Vapor

/// Which organisation owns the engagement module's records, for route
/// policies: a city owns its engagements. Someone outside that city learns
/// nothing of them, not even whose they are: a 404, as if they did not exist.
extension OrganisationLocator {
    package static func engagement(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let engagement = try await EngagementQueries.visibleEngagement(
                try request.integerParameter(name), request: request)
            return [.city(engagement.$city.id)]
        }
    }
}
