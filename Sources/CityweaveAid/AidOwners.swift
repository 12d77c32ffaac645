import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

/// Which organisations own the aid module's records, for route policies:
/// a city its offers and requests, both cities an allocation, a network
/// the matching runs over its members.
extension OrganisationLocator {
    package static func aidPost(_ kind: AidPostKind, parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let post = try await AidQueries.post(try request.integerParameter(name), kind: kind, on: request.db)
            return [.city(post.$city.id)]
        }
    }

    /// Either city of an allocation; the handler then works out which side acts.
    package static func allocation(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let allocation = try await AllocationEdits.allocation(try request.integerParameter(name), on: request.db)
            let cities = try await AllocationEdits.cities(of: allocation, on: request.db)
            return [.city(cities.offerer), .city(cities.requester)]
        }
    }

    /// A run over a network's members is for that network's coordinators
    /// (its editors); a run over every city is for platform administrators.
    package static let matchingScope = OrganisationLocator { request in
        _ = try await request.body.collect(max: 1 << 16).get()
        guard let network = try? request.content.get(Int.self, at: "network") else {
            if request.actor?.user.isPlatformAdmin == true { return [] }
            throw Refusal(
                .forbidden,
                Message(
                    "aid.error.run-over-every-city",
                    "Only platform administrators may run the matching over every city; a network's coordinators name their '{field}'.",
                    ["field": .text("network")]))
        }
        guard try await Network.find(network, on: request.db) != nil else {
            throw BadRequest(MatchingRuns.noSuchNetwork(network))
        }
        return [.network(network)]
    }
}
