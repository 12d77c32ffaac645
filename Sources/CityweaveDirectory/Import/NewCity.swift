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

    /// The city's values, in the order of ``columns``.
    private func row(at time: Date) -> [BulkValue] {
        [
            .time(time), .time(time), .integer(geonameid), .text(name), .text(countryCode), .text(admin1Code),
            .number(location.latitude), .number(location.longitude), .integer(population), .boolean(verified),
            .noStrings,
        ]
    }

    /// Inserts many cities at once.
    package static func insert(_ cities: [NewCity], on sql: any SQLDatabase) async throws {
        let now = Date()
        try await BulkRows.insert(cities.map { $0.row(at: now) }, into: City.schema, columns: columns, on: sql)
    }

    /// Inserts one city and returns its id.
    package func insert(on sql: any SQLDatabase) async throws -> Int {
        struct Inserted: Decodable { var id: Int }
        let row = try await sql.insert(into: City.schema).columns(Self.columns).values(
            row(at: Date()).map { $0.expression(on: sql) }
        )
        .returning("id").first(decoding: Inserted.self)
        return row!.id
    }
}
