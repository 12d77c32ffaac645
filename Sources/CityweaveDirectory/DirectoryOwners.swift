import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Which organisations own the directory's records, for route policies:
/// a city owns its profile and its partnerships and requests, a network
/// its profile, members and the requests made to it.
extension OrganisationLocator {
    package static func city(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let id = try request.integerParameter(name)
            guard try await City.find(id, on: request.db) != nil else { throw DirectoryQueries.noCity(id) }
            return [.city(id)]
        }
    }

    package static func network(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let idOrSlug = request.parameters.get(name) ?? ""
            return [.network(try await DirectoryQueries.networkID(idOrSlug, on: request.db))]
        }
    }

    /// Either city of a partnership may change it.
    package static func partnership(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let partnership = try await DirectoryEdits.partnership(try request.integerParameter(name), on: request.db)
            return [.city(partnership.$cityA.id), .city(partnership.$cityB.id)]
        }
    }

    /// The network a membership request was made to decides it.
    package static func membershipRequest(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let membershipRequest = try await DirectoryEdits.membershipRequest(
                try request.integerParameter(name), on: request.db)
            return [.network(membershipRequest.$network.id)]
        }
    }

    /// The city a new record is for, named by the `city` field of the body or form.
    package static let cityInBody = OrganisationLocator { request in
        // The policy runs before the route has read the body: read it here.
        _ = try await request.body.collect(max: 1 << 20).get()
        guard let id = try? request.content.get(Int.self, at: "city"), id > 0 else {
            throw BadRequest(
                Message(
                    "directory.error.city-required", "'{field}' is required: the id of the city the record belongs to.",
                    ["field": .text("city")]))
        }
        guard try await City.find(id, on: request.db) != nil else {
            throw BadRequest.noSuchCity(id, field: "city")
        }
        return [.city(id)]
    }
}
