import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// Which organisations own the voice module's records, for route policies.
extension OrganisationLocator {
    /// The leads of the statement in the path; a draft is a 404 to everyone outside them.
    static func statementLeads(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            let statement = try await VoiceQueries.visibleStatement(
                try request.integerParameter(name), request: request)
            return try await VoiceQueries.leads(of: statement.requireID(), on: request.db)
        }
    }

    /// The organisations a new statement names as its leads: `leads` in a JSON body, `lead` on a form.
    static let statementLeadsInBody = OrganisationLocator { request in
        if request.headers.contentType == .json {
            return (try? request.content.get([Organisation].self, at: "leads")) ?? []
        }
        return [try? request.content.get(String.self, at: "lead")].compactMap {
            $0.flatMap(Organisation.init(reference:))
        }
    }

    /// The organisation an endorsement is given for, named in the path (`city:12`, `network:3`), on a
    /// statement the person may see.
    static func endorsingOrganisation(statement: String, organisation: String) -> OrganisationLocator {
        OrganisationLocator { request in
            _ = try await VoiceQueries.visibleStatement(try request.integerParameter(statement), request: request)
            return [try request.organisationParameter(organisation)]
        }
    }

    /// The organiser of the survey in the path; a draft is a 404 to everyone outside it.
    static func surveyOrganiser(parameter name: String) -> OrganisationLocator {
        OrganisationLocator { request in
            [try await VoiceQueries.visibleSurvey(try request.integerParameter(name), request: request).organiser]
        }
    }

    /// The organiser a new survey names: `organiser` in a JSON body or on a form (`city:12`).
    static let surveyOrganiserInBody = OrganisationLocator { request in
        if request.headers.contentType == .json {
            return [try? request.content.get(Organisation.self, at: "organiser")].compactMap { $0 }
        }
        return [try? request.content.get(String.self, at: "organiser")].compactMap {
            $0.flatMap(Organisation.init(reference:))
        }
    }

    /// The city in the path answering the survey in the path.
    static func respondingCity(survey: String, city: String) -> OrganisationLocator {
        OrganisationLocator { request in
            _ = try await VoiceQueries.visibleSurvey(try request.integerParameter(survey), request: request)
            return [.city(try request.integerParameter(city))]
        }
    }
}
