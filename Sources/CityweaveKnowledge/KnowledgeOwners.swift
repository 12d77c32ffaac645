import CityweaveAccounts
import CityweaveDirectory
import Vapor

/// Which organisations own the knowledge module's records, for route
/// policies: a city owns its practices and its side of a transfer.
extension OrganisationLocator {
    /// The city that recorded a practice. Someone outside that city learns
    /// nothing of a draft, not even whose it is: a 404, as if it did not exist.
    package static func practice(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let practice = try await KnowledgeQueries.visiblePractice(
                try request.integerParameter(name), request: request)
            return [.city(practice.$city.id)]
        }
    }

    /// The city that adapts a practice moves its transfer along.
    package static func transfer(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let transfer = try await TransferEdits.transfer(try request.integerParameter(name), on: request.db)
            return [.city(transfer.$city.id)]
        }
    }
}
