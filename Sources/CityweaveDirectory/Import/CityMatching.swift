import CityweaveAccounts
import CityweaveCore
import Fluent
import Foundation
import SQLKit

/// What imports need to find the cities a file names: every city with its
/// names, the countries, and the names of US states.
package struct CityMatching {
    package var matcher: CityMatcher
    package var countries: CountryResolver
    /// Where the reference folder is, for the names of US states.
    package static func load(on database: any Database, referenceFolder: String) async throws -> CityMatching {
        let sql = database as! any SQLDatabase
        // One row per city with its names joined by the database: decoding
        // 170,000 rows instead of 790,000 halves the time a large import waits.
        let joinedKeys: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "string_agg(n.key, chr(31) ORDER BY n.id)" : "group_concat(n.key, char(31) ORDER BY n.id)"
        let rows = try await sql.raw(
            """
            SELECT c.id, c.country_code, c.admin1_code, c.latitude, c.longitude, c.population, \(joinedKeys) AS keys
            FROM \(ident: City.schema) c
            LEFT JOIN \(ident: DirectoryName.schema) n ON n.city_id = c.id AND n.kind = 'city'
            GROUP BY c.id ORDER BY c.id
            """
        ).all()
        let cities = try rows.map { row in
            MatchableCity(
                id: try row.decode(column: "id", as: Int.self),
                countryCode: try row.decode(column: "country_code", as: String.self),
                admin1Code: try row.decode(column: "admin1_code", as: String.self),
                location: GeoPoint(
                    latitude: try row.decode(column: "latitude", as: Double.self),
                    longitude: try row.decode(column: "longitude", as: Double.self)),
                population: try row.decode(column: "population", as: Int.self),
                keys: try row.decode(column: "keys", as: String?.self)?.split(separator: "\u{1F}").map(String.init)
                    ?? [])
        }
        let countries = try await Country.query(on: database).all().map {
            CountryName(iso2: $0.id!, iso3: $0.iso3, name: $0.name)
        }
        return CityMatching(cities: cities, countries: countries, referenceFolder: referenceFolder)
    }

    /// The cities a caller holds already, or else those of the database.
    package static func given(_ matching: CityMatching?, orLoadFrom database: any Database, referenceFolder: String)
        async throws -> CityMatching
    {
        if let matching { return matching }
        return try await load(on: database, referenceFolder: referenceFolder)
    }

    /// From cities already in memory, as the first start has them: the same as reading them back.
    package init(cities: [MatchableCity], countries: [CountryName], referenceFolder: String) {
        matcher = CityMatcher(cities: cities, admin1Names: Self.usStates(referenceFolder: referenceFolder))
        self.countries = CountryResolver(countries: countries)
    }

    /// "US.OR" → "Oregon", from the reference folder's `admin1-us.tsv`.
    private static func usStates(referenceFolder: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: referenceFolder + "admin1-us.tsv", encoding: .utf8) else {
            return [:]
        }
        var names: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { names["US.\(fields[0])"] = String(fields[1]) }
        }
        return names
    }

    /// Adds a city that is in no reference list, at the coordinates a file
    /// gives, marked unverified; returns its id.
    package static func createUnverified(
        name: String, countryCode: String, location: GeoPoint, on sql: any SQLDatabase
    ) async throws -> Int {
        let id = try await NewCity(
            geonameid: nil, name: name, countryCode: countryCode, admin1Code: "", location: location, population: 0,
            verified: false
        ).insert(on: sql)
        try await DirectoryNames.insert(
            [DirectoryNames.Entry(record: .city(id), countryCode: countryCode, names: [name], weight: 0)], on: sql)
        return id
    }
}
