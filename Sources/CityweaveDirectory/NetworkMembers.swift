import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Every network with its members and the members' context profiles, held
/// in memory for the modules that weigh networks for a city (the portfolio
/// advisor): reading them takes a tenth of a second at the scale of the
/// real landscape, and they change far less often than they are read. Read
/// again when `network_members_generation` moves (see
/// ``CreateNetworkMembersGeneration``).
package final class NetworkMembers: Sendable {
    package struct Entry: Sendable {
        package var id: Int
        package var slug: String
        package var name: String
        package var scope: NetworkScope
        package var region: String
        package var themes: [Theme]
        /// The year it closed: a closed network takes no new members.
        package var ended: Int?
        /// False when its member list is not published.
        package var membersAreKnown: Bool
    }

    package struct Member: Sendable {
        package var cityID: Int
        /// The last year of the membership, when it ended.
        package var until: Int?
    }

    package struct Snapshot: Sendable {
        /// In the order of their ids.
        package var networks: [Entry]
        package var members: [Int: [Member]]
        /// Every member city's profile.
        package var profiles: [Int: CityProfile]

        /// The members of `network` in `year`, ascending.
        package func members(of network: Int, in year: Int) -> [Int] {
            (members[network] ?? []).compactMap { member in
                member.until.map { $0 >= year } ?? true ? member.cityID : nil
            }
        }
    }

    private let cache = GenerationCache<Snapshot>(read: NetworkMembers.read)

    /// The networks and members as they are now.
    package func current(on database: any Database) async throws -> Snapshot {
        let generation = try await CreateNetworkMembersGeneration.counter.current(on: database as! any SQLDatabase)
        return try await cache.snapshot(atGeneration: generation, on: database)
    }

    @Sendable private static func read(on database: any Database) async throws -> (generation: Int, snapshot: Snapshot)
    {
        try await database.readConsistently { sql in
            let generation = try await CreateNetworkMembersGeneration.counter.current(on: sql)
            let networks = try await sql.raw(
                "SELECT id, slug, name, scope, region, themes, ended, member_list_source FROM networks ORDER BY id"
            )
            .all().map { row in
                Entry(
                    id: try row.decode(column: "id", as: Int.self),
                    slug: try row.decode(column: "slug", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    scope: try row.decode(column: "scope", as: NetworkScope.self),
                    region: try row.decode(column: "region", as: String.self),
                    themes: try row.decode(column: "themes", as: [String].self).compactMap(Theme.init(rawValue:)),
                    ended: try row.decode(column: "ended", as: Int?.self),
                    membersAreKnown: try row.decode(column: "member_list_source", as: String?.self) != nil)
            }
            var members: [Int: [Member]] = [:]
            for row in try await sql.raw("SELECT network_id, city_id, until FROM memberships ORDER BY city_id").all() {
                members[try row.decode(column: "network_id", as: Int.self), default: []].append(
                    Member(
                        cityID: try row.decode(column: "city_id", as: Int.self),
                        until: try row.decode(column: "until", as: Int?.self)))
            }
            let profiles = try await CityProfiles.read(where: "c.id IN (SELECT city_id FROM memberships)", on: sql)
            return (generation, Snapshot(networks: networks, members: members, profiles: profiles))
        }
    }
}

extension Application {
    private struct NetworkMembersKey: StorageKey {
        typealias Value = NetworkMembers
    }

    /// Set up by `configure`.
    package var networkMembers: NetworkMembers {
        get { storage[NetworkMembersKey.self]! }
        set { storage[NetworkMembersKey.self] = newValue }
    }
}
