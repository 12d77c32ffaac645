import Vapor

/// Which organisations own the knowledge module's records, for route
/// policies: a city owns its practices and its side of a transfer.
extension OrganisationLocator {
    /// The city that recorded a practice. Someone outside that city learns
    /// nothing of a draft, not even whose it is: a 404, as if it did not exist.
    static func practice(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let practice = try await KnowledgeQueries.visiblePractice(
                try request.integerParameter(name), request: request)
            return [.city(practice.$city.id)]
        }
    }

    /// The city that adapts a practice moves its transfer along.
    static func transfer(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let transfer = try await TransferEdits.transfer(try request.integerParameter(name), on: request.db)
            return [.city(transfer.$city.id)]
        }
    }

    /// The city a new record is for, named by the `city` field of the body or form.
    static let cityInBody = OrganisationLocator { request in
        // The policy runs before the route has read the body: read it here.
        _ = try await request.body.collect(max: 1 << 20).get()
        guard let id = try? request.content.get(Int.self, at: "city"), id > 0 else {
            throw BadRequest("'city' is required: the id of the city the record belongs to.")
        }
        guard try await City.find(id, on: request.db) != nil else {
            throw BadRequest("'city': there is no city \(id).")
        }
        return [.city(id)]
    }
}
