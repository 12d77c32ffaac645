import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// Which organisations own the events module's records, for route policies.
extension OrganisationLocator {
    /// The organisations holding the event in the path; a draft is a 404 to everyone outside its organisers.
    static func eventHosts(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let event = try await EventQueries.visibleEvent(try request.integerParameter(name), request: request)
            return try await EventQueries.hosts(of: event.requireID(), on: request.db)
        }
    }

    /// The organisations a new event names as its organisers: `organisers` in a JSON body, `organiser` on a form.
    static let eventOrganisersInBody = OrganisationLocator { request in
        if request.headers.contentType == .json {
            return (try? request.content.get([Organisation].self, at: "organisers")) ?? []
        }
        return [try? request.content.get(String.self, at: "organiser")].compactMap {
            $0.flatMap(Organisation.init(reference:))
        }
    }

    /// The organisation named in the path, asked to co-organise an event the person may see.
    static func askedOrganiser(event: String, organisation: String) -> OrganisationLocator {
        OrganisationLocator { request in
            _ = try await EventQueries.visibleEvent(try request.integerParameter(event), request: request)
            return [try request.organisationParameter(organisation)]
        }
    }
}
