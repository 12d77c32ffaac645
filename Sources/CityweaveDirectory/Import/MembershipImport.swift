import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Foundation
import SQLKit

/// Loads a CSV of member cities into one network.
package struct MembershipImport {
    /// Which columns hold what. Only the city and its country are required.
    package struct Columns: Sendable {
        package var city = "city"
        package var country = "country"
        package var state: String? = nil
        package var geonameid: String? = nil
        package var latitude: String? = nil
        package var longitude: String? = nil
        /// One column holding "(latitude, longitude)", as CDP's files do.
        package var location: String? = nil
        package var since: String? = nil
        package var role: String? = nil
    }

    /// Only rows whose column has this value ("C40=C40").
    package struct RowFilter: Sendable {
        package var column: String
        package var value: String

        package init?(_ text: String) {
            guard let equals = text.firstIndex(of: "=") else { return nil }
            column = String(text[..<equals])
            value = String(text[text.index(after: equals)...])
        }
    }

    package var networkSlug: String
    package var columns = Columns()
    package var filter: RowFilter?
    package var source: String
    package var createMissing = false

    package func run(
        text: String, on database: any Database, referenceFolder: String, progress: ProgressReporter? = nil
    )
        async throws -> ImportSummary
    {
        let table = try CSVTable(text: text)
        let cityColumn = try table.column(columns.city)
        let countryColumn = try table.column(columns.country)
        let stateColumn = try table.optionalColumn(columns.state)
        let geonameidColumn = try table.optionalColumn(columns.geonameid)
        let latitudeColumn = try table.optionalColumn(columns.latitude)
        let longitudeColumn = try table.optionalColumn(columns.longitude)
        let locationColumn = try table.optionalColumn(columns.location)
        let sinceColumn = try table.optionalColumn(columns.since)
        let roleColumn = try table.optionalColumn(columns.role)
        let filterColumn = try table.optionalColumn(filter?.column)
        if (latitudeColumn == nil) != (longitudeColumn == nil) {
            throw ImportError.unusableFile("name both a latitude and a longitude column, or neither")
        }
        let summary = try await database.transaction { database -> ImportSummary in
            var summary = ImportSummary()
            let sql = database as! any SQLDatabase
            guard let network = try await Network.query(on: database).filter(\.$slug == networkSlug).first(),
                let networkID = network.id
            else {
                let slugs = try await Network.query(on: database).sort(\.$slug).all().map(\.slug)
                throw ImportError.unusableFile(
                    "there is no network '\(networkSlug)'; the networks are: \(slugs.joined(separator: ", "))")
            }
            let matching = try await CityMatching.load(on: database, referenceFolder: referenceFolder)
            var resolved = ResolvedCities(matching: matching, createMissing: createMissing, sql: sql)
            let byGeonameid = columns.geonameid == nil ? [:] : try await GeoNamesImport.cityIDsByGeonameid(on: sql)
            var existing = try await existingMemberships(network: networkID, on: sql)
            for (index, row) in table.rows.enumerated() {
                progress?.update(index + 1)
                if let filterColumn, let filter,
                    row.fields[filterColumn].trimmingCharacters(in: .whitespaces) != filter.value
                {
                    continue
                }
                summary.rowsRead += 1
                var since: Int?
                if let sinceColumn, !row.fields[sinceColumn].isEmpty {
                    guard let year = Self.parseYear(row.fields[sinceColumn]) else {
                        summary.skip(
                            line: row.line, "'\(columns.since!)' value '\(row.fields[sinceColumn])' is not a year")
                        continue
                    }
                    since = year
                }
                let role =
                    roleColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap {
                        $0.isEmpty ? nil : $0
                    } ?? "member"
                let cityID: Int
                if let geonameidColumn, let geonameid = Int(row.fields[geonameidColumn]) {
                    guard let id = byGeonameid[geonameid] else {
                        summary.unmatched(line: row.line, "no city has geonameid \(geonameid)")
                        continue
                    }
                    cityID = id
                } else {
                    var side = Side(
                        city: cityColumn, country: countryColumn, admin1: stateColumn, latitude: latitudeColumn,
                        longitude: longitudeColumn, cityColumn: columns.city, countryColumn: columns.country)
                    var fields = row
                    if let locationColumn, !row.fields[locationColumn].isEmpty {
                        guard let (latitude, longitude) = Self.parseLocation(row.fields[locationColumn]) else {
                            summary.skip(
                                line: row.line,
                                "'\(columns.location!)' value '\(row.fields[locationColumn])' is not (latitude, longitude)"
                            )
                            continue
                        }
                        side.latitude = fields.fields.count
                        side.longitude = fields.fields.count + 1
                        fields.fields += [latitude, longitude]
                    }
                    switch try await resolved.city(for: side, row: fields) {
                    case .success(let id): cityID = id
                    case .failure(let problem):
                        if problem.isMatchFailure {
                            summary.unmatched(line: row.line, problem.message)
                        } else {
                            summary.skip(line: row.line, problem.message)
                        }
                        continue
                    }
                }
                if let current = existing[cityID] {
                    if current.role == role, current.since == since || since == nil {
                        summary.unchanged += 1
                    } else {
                        try await sql.update(Membership.schema).set("role", to: role).set(
                            "since", to: since ?? current.since
                        )
                        .where("id", .equal, current.id).run()
                        existing[cityID] = (current.id, role, since ?? current.since)
                        summary.updated += 1
                    }
                    continue
                }
                struct Inserted: Decodable { var id: Int }
                let inserted = try await sql.insert(into: Membership.schema)
                    .columns("created_at", "network_id", "city_id", "role", "since", "source")
                    .values(
                        SQLBind(Date()), SQLBind(networkID), SQLBind(cityID), SQLBind(role), SQLBind(since),
                        SQLBind(source)
                    )
                    .returning("id").first(decoding: Inserted.self)
                existing[cityID] = (inserted!.id, role, since)
                summary.created += 1
            }
            try await NetworkNames.refreshWeights(on: sql)
            if resolved.createdCities > 0 { summary.alsoCreated["unverified cities"] = resolved.createdCities }
            return summary
        }
        progress?.finish()
        return summary
    }

    /// A year written alone ("2009") or as the start of an ISO date ("2009-05-01").
    package static func parseYear(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let yearPart = trimmed.prefix(4)
        let rest = trimmed.dropFirst(4)
        guard yearPart.count == 4, let year = Int(yearPart), (1800...2100).contains(year) else { return nil }
        guard rest.isEmpty || (rest.first == "-" && rest.dropFirst().allSatisfy { $0.isNumber || $0 == "-" }) else {
            return nil
        }
        return year
    }

    /// Reads "(40.46, -3.75)" into its two numbers as written.
    package static func parseLocation(_ text: String) -> (String, String)? {
        let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "() \t"))
        let parts = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, Double(parts[0]) != nil, Double(parts[1]) != nil else { return nil }
        return (parts[0], parts[1])
    }

    private func existingMemberships(network: Int, on sql: any SQLDatabase) async throws
        -> [Int: (id: Int, role: String, since: Int?)]
    {
        var map: [Int: (id: Int, role: String, since: Int?)] = [:]
        for row in try await sql.select().columns("id", "city_id", "role", "since").from(Membership.schema)
            .where("network_id", .equal, network).all()
        {
            map[try row.decode(column: "city_id", as: Int.self)] = (
                try row.decode(column: "id", as: Int.self), try row.decode(column: "role", as: String.self),
                try row.decode(column: "since", as: Int?.self)
            )
        }
        return map
    }
}
