import CityweaveCore
import Foundation
import SQLKit

/// What one import adds to the networks' member lists, written at the end
/// in batches: new memberships, changes to known ones, and the members kept
/// apart (bodies, unplaced cities), which replace those the same source
/// gave the same network before, so loading a list twice changes nothing.
struct MemberLists {
    struct Row {
        var network: Int
        var city = 0
        var role: String
        var since: Int?
        var until: Int?
        var source: String
    }

    private struct Known {
        var id: Int?
        var role: String
        var since: Int?
        var until: Int?
    }

    let sql: any SQLDatabase
    /// Every network a row named, with the source of its first row.
    private(set) var networks: [Int: String] = [:]
    private var known: [Int: [Int: Known]] = [:]
    private var newMemberships: [Row] = []
    private var apart: [[BulkValue]] = []
    /// The lists whose members kept apart this import replaces.
    private var apartLists: Set<ListSource> = []

    private struct ListSource: Hashable {
        var network: Int
        var source: String
    }

    init(sql: any SQLDatabase) { self.sql = sql }

    /// A city's membership: new, changed, or as it was.
    mutating func add(_ row: Row, summary: inout ImportSummary) async throws {
        noteNetwork(row)
        if known[row.network] == nil { known[row.network] = try await memberships(of: row.network) }
        guard let current = known[row.network]![row.city] else {
            known[row.network]![row.city] = Known(role: row.role, since: row.since, until: row.until)
            newMemberships.append(row)
            summary.created += 1
            return
        }
        guard let id = current.id else {
            // The list names the city twice (a renewed adhesion, a second phase): the first row stands.
            summary.ignored["repeated rows of one member", default: 0] += 1
            return
        }
        let merged = Known(
            id: id, role: row.role, since: row.since ?? current.since, until: row.until ?? current.until)
        guard merged.role != current.role || merged.since != current.since || merged.until != current.until else {
            summary.unchanged += 1
            return
        }
        try await sql.update(Membership.schema).set("role", to: merged.role).set("since", to: merged.since)
            .set("until", to: merged.until).where("id", .equal, id).run()
        known[row.network]![row.city] = merged
        summary.updated += 1
    }

    /// A region, province or intermunicipal body.
    mutating func add(body row: Row, name: String, countryCode: String, entity: MemberEntity) {
        keepApart(row, name: name, countryCode: countryCode, kind: .body, entity: entity.kind, seat: entity.seat)
    }

    /// A city the matcher could not place, with the reason.
    mutating func add(unplaced row: Row, name: String, countryCode: String, reason: String) {
        keepApart(row, name: name, countryCode: countryCode, kind: .unplacedCity, reason: reason)
    }

    /// Writes the new memberships and the members kept apart.
    func save(summary: inout ImportSummary) async throws {
        let now = Date()
        try await BulkRows.insert(
            newMemberships.map {
                [
                    .time(now), .integer($0.network), .integer($0.city), .text($0.role), .integer($0.since),
                    .integer($0.until), .text($0.source),
                ]
            }, into: Membership.schema,
            columns: ["created_at", "network_id", "city_id", "role", "since", "until", "source"], on: sql)
        for list in apartLists {
            try await sql.delete(from: ListedMember.schema).where("network_id", .equal, list.network)
                .where("source", .equal, list.source).run()
        }
        try await BulkRows.insert(
            apart, into: ListedMember.schema,
            columns: [
                "network_id", "name", "country_code", "kind", "entity", "seat", "role", "since", "until", "source",
                "reason",
            ], on: sql)
    }

    /// Gives every network this import filled, and had no member list, the source of its rows.
    static func recordSource(of networks: [Int: String], on sql: any SQLDatabase) async throws {
        for (network, source) in networks {
            try await sql.update(Network.schema).set("member_list_source", to: source).where("id", .equal, network)
                .where("member_list_source", .is, SQLLiteral.null).run()
        }
    }

    private mutating func noteNetwork(_ row: Row) {
        if networks[row.network] == nil { networks[row.network] = row.source }
    }

    private mutating func keepApart(
        _ row: Row, name: String, countryCode: String, kind: ListedMember.Kind, entity: String = "", seat: String = "",
        reason: String = ""
    ) {
        noteNetwork(row)
        apartLists.insert(ListSource(network: row.network, source: row.source))
        apart.append([
            .integer(row.network), .text(name), .text(countryCode), .text(kind.rawValue), .text(entity), .text(seat),
            .text(row.role), .integer(row.since), .integer(row.until), .text(row.source), .text(reason),
        ])
    }

    private func memberships(of network: Int) async throws -> [Int: Known] {
        var map: [Int: Known] = [:]
        for row in try await sql.select().columns("id", "city_id", "role", "since", "until").from(Membership.schema)
            .where("network_id", .equal, network).all()
        {
            map[try row.decode(column: "city_id", as: Int.self)] = Known(
                id: try row.decode(column: "id", as: Int.self), role: try row.decode(column: "role", as: String.self),
                since: try row.decode(column: "since", as: Int?.self),
                until: try row.decode(column: "until", as: Int?.self))
        }
        return map
    }
}
