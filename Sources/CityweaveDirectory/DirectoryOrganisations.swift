import CityweaveAccounts
import Fluent
import Vapor

/// The directory's cities and networks as the organisations people belong to.
package struct DirectoryOrganisations: OrganisationDirectory {
    package init() {}

    package func name(of organisation: Organisation, on database: any Database) async throws -> String? {
        switch organisation.kind {
        case .city: try await City.find(organisation.id, on: database)?.name
        case .network: try await Network.find(organisation.id, on: database)?.name
        }
    }

    package func city(named name: String, inCountry code: String, on database: any Database) async throws
        -> Organisation?
    {
        let city = try await City.query(on: database).filter(\.$name == name).filter(\.$country.$id == code)
            .sort(\.$population, .descending).first()
        return city?.id.map(Organisation.city)
    }

    package func network(_ idOrSlug: String, on database: any Database) async throws -> Organisation? {
        try await DirectoryQueries.networkQuery(idOrSlug, on: database).first()?.id.map(Organisation.network)
    }
}
