import CityweaveCore
import Fluent
import SQLKit
import Vapor

/// Every network with its members and the members' context profiles, held
/// in memory for the modules that weigh networks for a city (the portfolio
/// advisor): reading them takes a tenth of a second at the scale of the
/// real landscape, and they change far less often than they are read. Read
/// again when `network_members_generation` moves (see
/// ``CreateNetworkMembersGeneration``).
final class NetworkMembers: Sendable {
    struct Entry: Sendable {
        var id: Int
        var slug: String
        var name: String
        var scope: NetworkScope
        var region: String
        var themes: [Theme]
    }

    struct Member: Sendable {
        var cityID: Int
        /// The last year of the membership, when it ended.
        var until: Int?
    }

    struct Snapshot: Sendable {
        /// In the order of their ids.
        var networks: [Entry]
        var members: [Int: [Member]]
        /// Every member city's profile.
        var profiles: [Int: CityProfile]

        /// The members of `network` in `year`, ascending.
        func members(of network: Int, in year: Int) -> [Int] {
            (members[network] ?? []).compactMap { member in
                member.until.map { $0 >= year } ?? true ? member.cityID : nil
            }
        }
    }

    private let cache = GenerationCache<Snapshot>(read: NetworkMembers.read)

    /// The networks and members as they are now.
    func current(on database: any Database) async throws -> Snapshot {
        let generation = try await CreateNetworkMembersGeneration.counter.current(on: database as! any SQLDatabase)
        return try await cache.snapshot(atGeneration: generation, on: database)
    }

    @Sendable private static func read(on database: any Database) async throws -> (generation: Int, snapshot: Snapshot)
    {
        try await database.readConsistently { sql in
            let generation = try await CreateNetworkMembersGeneration.counter.current(on: sql)
            let networks = try await sql.raw("SELECT id, slug, name, scope, region, themes FROM networks ORDER BY id")
                .all().map { row in
                    Entry(
                        id: try row.decode(column: "id", as: Int.self),
                        slug: try row.decode(column: "slug", as: String.self),
                        name: try row.decode(column: "name", as: String.self),
                        scope: try row.decode(column: "scope", as: NetworkScope.self),
                        region: try row.decode(column: "region", as: String.self),
                        themes: try row.decode(column: "themes", as: [String].self).compactMap(Theme.init(rawValue:)))
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
    var networkMembers: NetworkMembers {
        get { storage[NetworkMembersKey.self]! }
        set { storage[NetworkMembersKey.self] = newValue }
    }
}
