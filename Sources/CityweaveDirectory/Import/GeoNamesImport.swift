import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Foundation
import SQLKit

/// Loads GeoNames cities: creates the new ones, updates the ones whose
/// facts or names changed, and leaves the rest alone, so loading the same
/// file twice creates nothing.
package enum GeoNamesImport {
    /// Parses a GeoNames `citiesNNN.txt` file; lines that cannot be read are
    /// reported by number. Throws when no line at all is a GeoNames city.
    package static func parse(text: String, summary: inout ImportSummary) throws -> [(line: Int, city: GeoNamesCity)] {
        var cities: [(Int, GeoNamesCity)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            summary.rowsRead += 1
            do {
                cities.append((lineNumber, try GeoNamesCity(geoNamesLine: line)))
            } catch {
                summary.skip(line: lineNumber, "\(error)")
            }
        }
        if cities.isEmpty, summary.rowsRead > 0 {
            throw ImportError.unusableFile(
                "no line is a GeoNames city (19 tab-separated fields); first problem: \(summary.problems.first?.reason ?? "")"
            )
        }
        return cities
    }

    /// Writes the cities into the directory. Call inside a transaction.
    package static func load(
        _ cities: [(line: Int, city: GeoNamesCity)], on database: any Database, summary: inout ImportSummary,
        progress: ProgressReporter? = nil
    ) async throws {
        let sql = database as! any SQLDatabase
        let countries = Set(try await Country.query(on: database).all().compactMap(\.id))
        let existing = try await ExistingCities.load(on: sql)

        var inserts: [GeoNamesCity] = []
        var updates: [(id: Int, city: GeoNamesCity)] = []
        var seen = Set<Int>()
        for (line, city) in cities {
            guard countries.contains(city.countryCode) else {
                summary.skip(line: line, "unknown country code '\(city.countryCode)'")
                continue
            }
            guard seen.insert(city.geonameid).inserted else {
                summary.skip(line: line, "geonameid \(city.geonameid) appears twice in the file")
                continue
            }
            if let current = existing.byGeonameid[city.geonameid] {
                if current.matches(city) {
                    summary.unchanged += 1
                } else {
                    updates.append((current.id, city))
                }
            } else {
                inserts.append(city)
            }
        }
        let work = inserts.count + updates.count
        var done = 0
        for chunk in inserts.chunked(into: 500) {
            try await NewCity.insert(chunk.map(NewCity.init), on: sql)
            done += chunk.count
            progress?.update(done / 2)
        }
        let ids = inserts.isEmpty ? [:] : try await cityIDsByGeonameid(on: sql)
        var entries: [DirectoryNames.Entry] = []
        for city in inserts {
            guard let id = ids[city.geonameid] else { continue }
            entries.append(nameEntry(id: id, city: city))
        }
        done = 0
        for chunk in entries.chunked(into: 2000) {
            try await DirectoryNames.insert(chunk, on: sql)
            done += chunk.count
            progress?.update((inserts.count + done) / 2)
        }
        for (id, city) in updates {
            try await sql.update(City.schema)
                .set("name", to: city.name).set("country_code", to: city.countryCode)
                .set("admin1_code", to: city.admin1Code).set("latitude", to: city.location.latitude)
                .set("longitude", to: city.location.longitude).set("population", to: city.population)
                .set("verified", to: true)
                .where("id", .equal, id)
                .run()
            try await DirectoryNames.replace(nameEntry(id: id, city: city), on: sql)
        }
        progress?.update(work)
        summary.created += inserts.count
        summary.updated += updates.count
    }

    package static func nameEntry(id: Int, city: GeoNamesCity) -> DirectoryNames.Entry {
        DirectoryNames.Entry(
            record: .city(id), countryCode: city.countryCode, names: [city.name] + city.distinctAlternateNames,
            weight: city.population)
    }

    /// The directory's id of every city that has a GeoNames id.
    package static func cityIDsByGeonameid(on sql: any SQLDatabase) async throws -> [Int: Int] {
        var ids: [Int: Int] = [:]
        for row in try await sql.select().columns("id", "geonameid").from(City.schema)
            .where("geonameid", .isNot, SQLLiteral.null).all()
        {
            ids[try row.decode(column: "geonameid", as: Int.self)] = try row.decode(column: "id", as: Int.self)
        }
        return ids
    }
}

/// The cities already in the directory, as far as an import needs to know them.
package struct ExistingCities {
    package struct Facts {
        package var id: Int
        package var name: String
        package var countryCode: String
        package var admin1Code: String
        package var latitude: Double
        package var longitude: Double
        package var population: Int
        package var names: Set<String>

        package func matches(_ city: GeoNamesCity) -> Bool {
            name == city.name && countryCode == city.countryCode && admin1Code == city.admin1Code
                && latitude == city.location.latitude && longitude == city.location.longitude
                && population == city.population
                && names == Set([city.name] + city.distinctAlternateNames)
        }
    }

    package var byGeonameid: [Int: Facts] = [:]

    package static func load(on sql: any SQLDatabase) async throws -> ExistingCities {
        struct CityRow: Decodable {
            var id: Int
            var geonameid: Int?
            var name: String
            var countryCode: String
            var admin1Code: String
            var latitude: Double
            var longitude: Double
            var population: Int
        }
        struct NameRow: Decodable {
            var cityId: Int
            var name: String
        }
        let cities = try await sql.select()
            .columns("id", "geonameid", "name", "country_code", "admin1_code", "latitude", "longitude", "population")
            .from(City.schema)
            .all(decoding: CityRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var result = ExistingCities()
        guard !cities.isEmpty else { return result }
        var names: [Int: Set<String>] = [:]
        for row in try await sql.select().columns("city_id", "name").from(DirectoryName.schema)
            .where("kind", .equal, "city").all(decoding: NameRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        {
            names[row.cityId, default: []].insert(row.name)
        }
        for row in cities {
            guard let geonameid = row.geonameid else { continue }
            result.byGeonameid[geonameid] = Facts(
                id: row.id, name: row.name, countryCode: row.countryCode, admin1Code: row.admin1Code,
                latitude: row.latitude, longitude: row.longitude, population: row.population,
                names: names[row.id] ?? [])
        }
        return result
    }
}

extension Array {
    package func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
