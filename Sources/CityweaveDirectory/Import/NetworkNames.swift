import CityweaveAccounts
import SQLKit

/// How networks appear in search: by name, acronym and slug, ranked by size.
package enum NetworkNames {
    package static func entry(for network: Network, memberCount: Int) -> DirectoryNames.Entry {
        DirectoryNames.Entry(
            record: .network(network.id!), countryCode: nil, names: [network.name, network.acronym, network.slug],
            weight: DirectoryNames.networkWeight + memberCount)
    }

    /// Sets each network's search weight from its member count, after memberships change.
    /// Network names are found through the `network_id` index, not by scanning every city's names.
    package static func refreshWeights(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE directory_names SET weight = \(literal: DirectoryNames.networkWeight)
                + (SELECT COUNT(*) FROM memberships WHERE memberships.network_id = directory_names.network_id)
            WHERE network_id IS NOT NULL
            """
        ).run()
    }
}
