import CityweaveAccounts
import CityweaveCore
import Foundation
import SQLKit

/// A city row written with SQL rather than through Fluent, so that a first
/// start can load 170,000 of them in a few hundred statements.
package struct NewCity: Sendable {
    package var geonameid: Int?
    package var name: String
    package var countryCode: String
    package var admin1Code: String
    package var location: GeoPoint
    package var population: Int
    /// False for cities an import adds at a file's coordinates.
    package var verified: Bool

    package init(_ city: GeoNamesCity) {
        self.init(
            geonameid: city.geonameid, name: city.name, countryCode: city.countryCode, admin1Code: city.admin1Code,
            location: city.location, population: city.population, verified: true)
    }

    package init(
        geonameid: Int?, name: String, countryCode: String, admin1Code: String, location: GeoPoint, population: Int,
        verified: Bool
    ) {
        self.geonameid = geonameid
        self.name = name
        self.countryCode = countryCode
        self.admin1Code = admin1Code
        self.location = location
        self.population = population
        self.verified = verified
    }

    private static let columns = [
        "created_at", "updated_at", "geonameid", "name", "country_code", "admin1_code", "latitude", "longitude",
        "population", "verified", "working_languages",
    ]

    private func values(at time: Date, on sql: any SQLDatabase) -> [any SQLExpression] {
        // Fluent stores a string array as JSON text in SQLite and as text[] in
        // PostgreSQL; written by hand, the empty list must take the same form.
        let noLanguages: any Encodable & Sendable = sql.dialect.name == "postgresql" ? [String]() : "[]"
        return [
            SQLBind(time), SQLBind(time), SQLBind(geonameid), SQLBind(name), SQLBind(countryCode),
            SQLBind(admin1Code), SQLBind(location.latitude), SQLBind(location.longitude), SQLBind(population),
            SQLBind(verified), SQLBind(noLanguages),
        ]
    }

    /// Inserts many cities at once.
    package static func insert(_ cities: [NewCity], on sql: any SQLDatabase) async throws {
        let now = Date()
        let rows = cities.map { city -> [BulkValue] in
            [
                .time(now), .time(now), .integer(city.geonameid), .text(city.name), .text(city.countryCode),
                .text(city.admin1Code), .number(city.location.latitude), .number(city.location.longitude),
                .integer(city.population), .boolean(city.verified), .noStrings,
            ]
        }
        try await BulkRows.insert(rows, into: City.schema, columns: columns, on: sql)
    }

    /// Inserts one city and returns its id.
    package func insert(on sql: any SQLDatabase) async throws -> Int {
        struct Inserted: Decodable { var id: Int }
        let row = try await sql.insert(into: City.schema).columns(Self.columns).values(values(at: Date(), on: sql))
            .returning("id").first(decoding: Inserted.self)
        return row!.id
    }
}
