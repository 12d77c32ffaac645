import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Where the accounts find the organisations their people belong to. The
/// directory provides it when it is registered, so that the accounts, which
/// the directory stands on, name none of the directory's types.
package protocol OrganisationDirectory: Sendable {
    /// The organisation's name, or nil if the directory has no such city or network.
    func name(of organisation: Organisation, on database: any Database) async throws -> String?
    /// The most populous city of this name in the country with this ISO code.
    func city(named name: String, inCountry code: String, on database: any Database) async throws -> Organisation?
    /// The network with this id or slug.
    func network(_ idOrSlug: String, on database: any Database) async throws -> Organisation?
}

extension Application {
    private struct OrganisationDirectoryKey: StorageKey {
        typealias Value = any OrganisationDirectory
    }

    /// The directory's organisations, as the accounts see them.
    package var organisations: any OrganisationDirectory {
        get {
            guard let directory = storage[OrganisationDirectoryKey.self] else {
                fatalError("No module provides the organisations; register the directory.")
            }
            return directory
        }
        set { storage[OrganisationDirectoryKey.self] = newValue }
    }
}

extension Request {
    /// The organisation's name, for pages and messages.
    package func name(of organisation: Organisation) async throws -> String {
        if let name = try await application.organisations.name(of: organisation, on: db) { return name }
        return text(organisation.unnamed)
    }

    /// The name of the organisation, if there is one.
    package func name(of organisation: Organisation?) async throws -> String? {
        guard let organisation else { return nil }
        return try await name(of: organisation) as String
    }
}
