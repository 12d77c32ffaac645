import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Foundation
import SQLKit

/// Loads a CSV of members into networks: one network named by the command,
/// or one per row (the reference directory's member lists). Rows naming a
/// region or an intermunicipal body, and cities the matcher cannot place,
/// are kept apart as ``ListedMember``s, never attributed to a seat town.
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
        package var until: String? = nil
        package var role: String? = nil
        /// A note saying when a member is not a city ("entity type: Region (not a city); seat: Graz").
        package var entity: String? = nil
        /// Each row's network slug, when the file covers several networks.
        package var network: String? = nil
        /// Each row's source, when rows come from several.
        package var source: String? = nil

        /// The columns of Cityweave's member lists (`network,city,country,member_since,member_until,role,source_url,source_note`).
        package static let memberList = Columns(
            since: "member_since", until: "member_until", role: "role", entity: "source_note")
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

    /// The one network of the file; nil when `columns.network` names each row's.
    package var networkSlug: String?
    package var columns = Columns()
    package var filter: RowFilter?
    /// Recorded on every row without a source of its own, and as the member
    /// list's source of a network that had none.
    package var source: String
    package var createMissing = false
    /// Whether a network without a member list takes this file as its list.
    /// Off for lists known to be partial, such as a few members named in the news.
    package var recordsListSource = true
    /// The cities to match against, when the caller holds them already (the first start).
    package var cityMatching: CityMatching?
    /// The directory's id of each GeoNames id, when the caller holds them already.
    package var cityIDsByGeonameid: [Int: Int]?

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
        let untilColumn = try table.optionalColumn(columns.until)
        let roleColumn = try table.optionalColumn(columns.role)
        let entityColumn = try table.optionalColumn(columns.entity)
        let networkColumn = try table.optionalColumn(columns.network)
        let sourceColumn = try table.optionalColumn(columns.source)
        let filterColumn = try table.optionalColumn(filter?.column)
        if (latitudeColumn == nil) != (longitudeColumn == nil) {
            throw ImportError.unusableFile("name both a latitude and a longitude column, or neither")
        }
        guard (networkSlug == nil) != (networkColumn == nil) else {
            throw ImportError.unusableFile("name the network, or a column of network slugs, but not both")
        }
        let summary = try await database.transaction { database -> ImportSummary in
            var summary = ImportSummary()
            let sql = database as! any SQLDatabase
            let networks = try await Network.query(on: database).all()
            let networkIDs = Dictionary(uniqueKeysWithValues: networks.map { ($0.slug, $0.id!) })
            if let networkSlug, networkIDs[networkSlug] == nil {
                throw ImportError.unusableFile(
                    "there is no network '\(networkSlug)'; the networks are: \(networkIDs.keys.sorted().joined(separator: ", "))"
                )
            }
            // Read the directory's names only when a row needs them: a file of GeoNames ids does not.
            var resolvedCities: ResolvedCities?
            func countryCode(_ written: String) async throws -> String {
                try await loadCities()
                return resolvedCities!.matching.countries.resolve(written) ?? ""
            }
            func loadCities() async throws {
                guard resolvedCities == nil else { return }
                let matching = try await CityMatching.given(
                    cityMatching, orLoadFrom: database, referenceFolder: referenceFolder)
                resolvedCities = ResolvedCities(matching: matching, createMissing: createMissing, sql: sql)
            }
            var byGeonameid = cityIDsByGeonameid ?? [:]
            if columns.geonameid != nil, cityIDsByGeonameid == nil {
                byGeonameid = try await GeoNamesImport.cityIDsByGeonameid(on: sql)
            }
            var lists = MemberLists(sql: sql)
            for (index, row) in table.rows.enumerated() {
                progress?.update(index + 1)
                if let filterColumn, let filter,
                    row.fields[filterColumn].trimmingCharacters(in: .whitespaces) != filter.value
                {
                    continue
                }
                summary.rowsRead += 1
                let slug = networkColumn.map { row.fields[$0] } ?? networkSlug!
                guard let networkID = networkIDs[slug] else {
                    summary.skip(line: row.line, "there is no network '\(slug)'")
                    continue
                }
                var years: [Int?] = []
                for (column, name) in [(sinceColumn, columns.since), (untilColumn, columns.until)] {
                    guard let column, !row.fields[column].isEmpty else {
                        years.append(nil)
                        continue
                    }
                    guard let year = Self.parseYear(row.fields[column]) else {
                        summary.skip(line: row.line, "'\(name!)' value '\(row.fields[column])' is not a year")
                        break
                    }
                    years.append(year)
                }
                guard years.count == 2 else { continue }
                if let since = years[0], let until = years[1], until < since {
                    summary.skip(line: row.line, "'\(columns.until!)' \(until) is before '\(columns.since!)' \(since)")
                    continue
                }
                var member = MemberLists.Row(
                    network: networkID,
                    role: roleColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap {
                        $0.isEmpty ? nil : $0
                    } ?? "member",
                    since: years[0], until: years[1],
                    source: sourceColumn.map { row.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? source)
                let name = row.fields[cityColumn].trimmingCharacters(in: .whitespaces)
                let country = row.fields[countryColumn].trimmingCharacters(in: .whitespaces)
                if let entityColumn, let body = MemberEntity(note: row.fields[entityColumn]) {
                    // A region's membership is its own, not its capital's.
                    lists.add(
                        body: member, name: name,
                        countryCode: try await countryCode(country), entity: body)
                    summary.alsoCreated["regions and other bodies", default: 0] += 1
                    continue
                }
                if let geonameidColumn, let geonameid = Int(row.fields[geonameidColumn]) {
                    guard let id = byGeonameid[geonameid] else {
                        summary.unmatched(line: row.line, "no city has geonameid \(geonameid)")
                        continue
                    }
                    member.city = id
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
                    try await loadCities()
                    switch try await resolvedCities!.city(for: side, row: fields) {
                    case .success(let id): member.city = id
                    case .failure(let problem):
                        if problem.isMatchFailure {
                            summary.unmatched(line: row.line, problem.message)
                            lists.add(
                                unplaced: member, name: name,
                                countryCode: try await countryCode(country),
                                reason: problem.message)
                        } else {
                            summary.skip(line: row.line, problem.message)
                        }
                        continue
                    }
                }
                try await lists.add(member, summary: &summary)
            }
            try await lists.save(summary: &summary)
            if recordsListSource { try await MemberLists.recordSource(of: lists.networks, on: sql) }
            try await NetworkNames.refreshWeights(on: sql)
            if let created = resolvedCities?.createdCities, created > 0 {
                summary.alsoCreated["unverified cities"] = created
            }
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
}
