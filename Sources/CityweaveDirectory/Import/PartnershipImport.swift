import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Foundation
import SQLKit

/// Loads a CSV of city pairs (such as the twin towns of Wikipedia) as partnerships.
package struct PartnershipImport {
    /// Which columns hold what; the defaults fit `city1,country1,lat1,lng1,city2,country2,lat2,lng2`.
    package struct Columns: Sendable {
        package var city1 = "city1"
        package var country1 = "country1"
        package var latitude1: String? = "lat1"
        package var longitude1: String? = "lng1"
        package var city2 = "city2"
        package var country2 = "country2"
        package var latitude2: String? = "lat2"
        package var longitude2: String? = "lng2"
        package var kind: String? = nil
        package var since: String? = nil
    }

    package var columns = Columns()
    package var defaultKind = PartnershipKind.sisterCity
    /// Recorded on every partnership: where the pairs come from.
    package var source: String
    /// Add cities that match nothing as unverified cities at the file's coordinates.
    package var createMissing = false
    /// The cities to match against, when the caller holds them already.
    package var cityMatching: CityMatching?

    /// Reads and writes in one transaction: a file that cannot be used changes nothing.
    package func run(
        text: String, on database: any Database, referenceFolder: String, progress: ProgressReporter? = nil
    )
        async throws -> ImportSummary
    {
        let table = try CSVTable(text: text)
        let sides = try [
            Side(
                table: table, city: columns.city1, country: columns.country1, latitude: columns.latitude1,
                longitude: columns.longitude1),
            Side(
                table: table, city: columns.city2, country: columns.country2, latitude: columns.latitude2,
                longitude: columns.longitude2),
        ]
        let kindColumn = try table.optionalColumn(columns.kind)
        let sinceColumn = try table.optionalColumn(columns.since)
        let summary = try await database.transaction { database -> ImportSummary in
            var summary = ImportSummary()
            let sql = database as! any SQLDatabase
            let matching = try await CityMatching.given(
                cityMatching, orLoadFrom: database, referenceFolder: referenceFolder)
            var resolved = ResolvedCities(matching: matching, createMissing: createMissing, sql: sql)
            var rows: [(line: Int, row: PartnershipRow)] = []
            for (index, row) in table.rows.enumerated() {
                summary.rowsRead += 1
                progress?.update(index + 1)
                var kind = defaultKind
                if let kindColumn, !row.fields[kindColumn].isEmpty {
                    guard let chosen = PartnershipKind(rawValue: row.fields[kindColumn]) else {
                        summary.skip(
                            line: row.line,
                            "kind '\(row.fields[kindColumn])' is not one of \(PartnershipKind.allCases.map(\.rawValue).joined(separator: ", "))"
                        )
                        continue
                    }
                    kind = chosen
                }
                var since: Int?
                if let sinceColumn, !row.fields[sinceColumn].isEmpty {
                    guard let year = Int(row.fields[sinceColumn]), (1000...2100).contains(year) else {
                        summary.skip(line: row.line, "since '\(row.fields[sinceColumn])' is not a year")
                        continue
                    }
                    since = year
                }
                var ids: [Int] = []
                for side in sides {
                    switch try await resolved.city(for: side, row: row) {
                    case .success(let id): ids.append(id)
                    case .failure(let problem):
                        if problem.isMatchFailure {
                            summary.unmatched(line: row.line, problem.message)
                        } else {
                            summary.skip(line: row.line, problem.message)
                        }
                    }
                }
                guard ids.count == 2 else { continue }
                guard ids[0] != ids[1] else {
                    summary.skip(line: row.line, "both cities are the same city")
                    continue
                }
                rows.append(
                    (row.line, PartnershipRow(cityA: ids[0], cityB: ids[1], kind: kind, since: since, source: source)))
            }
            let created = try await PartnershipRow.insertNew(rows.map(\.row), on: sql)
            summary.created = created
            summary.unchanged = rows.count - created
            if resolved.createdCities > 0 { summary.alsoCreated["unverified cities"] = resolved.createdCities }
            return summary
        }
        progress?.finish()
        return summary
    }
}

/// One side of a pair: the columns that name a city.
package struct Side {
    package var city: Int
    package var country: Int
    package var admin1: Int?
    package var latitude: Int?
    package var longitude: Int?
    package var cityColumn: String
    package var countryColumn: String
}

extension Side {
    package init(
        table: CSVTable, city: String, country: String, admin1: String? = nil, latitude: String?, longitude: String?
    )
        throws
    {
        self.city = try table.column(city)
        self.country = try table.column(country)
        self.admin1 = try table.optionalColumn(admin1)
        self.latitude = try table.optionalColumn(latitude)
        self.longitude = try table.optionalColumn(longitude)
        cityColumn = city
        countryColumn = country
    }
}

/// Why a row's city could not be had.
package struct CityProblem: Error {
    package var message: String
    /// True when the row was readable but no city fitted it.
    package var isMatchFailure: Bool
}

/// Matches the cities of rows, remembering each answer: a file names the
/// same city many times.
package struct ResolvedCities {
    package let matching: CityMatching
    package let createMissing: Bool
    package let sql: any SQLDatabase
    private var answers: [CityReference: Result<Int, CityProblem>] = [:]
    private(set) var createdCities = 0

    package init(matching: CityMatching, createMissing: Bool, sql: any SQLDatabase) {
        self.matching = matching
        self.createMissing = createMissing
        self.sql = sql
    }

    package mutating func city(for side: Side, row: CSVTable.Row) async throws -> Result<Int, CityProblem> {
        let name = row.fields[side.city].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            return .failure(CityProblem(message: "'\(side.cityColumn)' is empty", isMatchFailure: false))
        }
        let writtenCountry = row.fields[side.country].trimmingCharacters(in: .whitespaces)
        let countryCode = writtenCountry.isEmpty ? nil : matching.countries.resolve(writtenCountry)
        if !writtenCountry.isEmpty, countryCode == nil {
            return .failure(
                CityProblem(
                    message: "unknown country '\(writtenCountry)' in '\(side.countryColumn)'", isMatchFailure: false))
        }
        var location: GeoPoint?
        if let latitudeColumn = side.latitude, let longitudeColumn = side.longitude {
            let (latText, lngText) = (row.fields[latitudeColumn], row.fields[longitudeColumn])
            if !latText.isEmpty || !lngText.isEmpty {
                guard let lat = Double(latText), let lng = Double(lngText) else {
                    return .failure(
                        CityProblem(
                            message: "coordinates '\(latText)', '\(lngText)' of \(name) are not numbers",
                            isMatchFailure: false))
                }
                let point = GeoPoint(latitude: lat, longitude: lng)
                guard point.isValid else {
                    return .failure(
                        CityProblem(
                            message: "coordinates \(lat), \(lng) of \(name) are out of range", isMatchFailure: false))
                }
                location = point
            }
        }
        let admin1 = side.admin1.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let reference = CityReference(name: name, countryCode: countryCode, admin1: admin1, location: location)
        if let known = answers[reference] { return known }
        let answer: Result<Int, CityProblem>
        switch matching.matcher.match(reference) {
        case .matched(let id, _, _):
            answer = .success(id)
        case .unmatched(let reason):
            if createMissing, let countryCode, let location {
                // The same unknown city may appear with other coordinates: reuse it by name and country.
                let byName = CityReference(name: name, countryCode: countryCode)
                if case .success(let id)? = answers[byName] {
                    answer = .success(id)
                } else {
                    let id = try await CityMatching.createUnverified(
                        name: name, countryCode: countryCode, location: location, on: sql)
                    createdCities += 1
                    answer = .success(id)
                    answers[byName] = answer
                }
            } else {
                answer = .failure(
                    CityProblem(
                        message: "\(name) (\(writtenCountry.isEmpty ? "no country" : writtenCountry)): \(reason)",
                        isMatchFailure: true))
            }
        }
        answers[reference] = answer
        return answer
    }
}
