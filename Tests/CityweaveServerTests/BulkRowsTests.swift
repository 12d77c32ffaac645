import Fluent
import Foundation
import PostgresNIO
import SQLKit
import Testing
import VaporTesting

@testable import CityweaveCore
@testable import CityweaveDirectory
@testable import CityweaveServer

/// Rows written in bulk (a first start's 170,000 cities and their names)
/// read back as they were written, on SQLite and on PostgreSQL's `COPY`.
extension CityweaveServerTests {
    @Suite struct BulkRowsTests {
        @Test func everyCharacterAndEveryKindOfValueReadsBackAsWritten() async throws {
            try await withCityweave { app in
                let awkward = "Tab\there, a new\nline, a \\ and a return\r, 東京, Saint-Étienne, \\N"
                let cities = [
                    NewCity(
                        geonameid: nil, name: awkward, countryCode: "JP", admin1Code: "",
                        location: .init(
                            latitude: 35.6895, longitude: 139.69171), population: 0, verified: false),
                    NewCity(
                        geonameid: nil, name: "Bulk Tokyo", countryCode: "JP", admin1Code: "40",
                        location: .init(latitude: -0.000_01, longitude: 1e-7), population: 8_336_599, verified: true),
                ]
                // On PostgreSQL the rows go through COPY, which needs the driver's own connection.
                #expect((app.db is any PostgresDatabase) == (TestEnvironment.postgresURL != nil))
                try await NewCity.insert(cities, on: app.db as! any SQLDatabase)
                let read = try await City.query(on: app.db).filter(\.$name ~~ [awkward, "Bulk Tokyo"])
                    .sort(\.$population).all()
                #expect(read.map(\.name) == [awkward, "Bulk Tokyo"])
                #expect(read.map(\.admin1Code) == ["", "40"] && read.map(\.population) == [0, 8_336_599])
                #expect(read.map(\.verified) == [false, true])
                #expect(read[1].latitude == -0.000_01 && read[1].longitude == 1e-7 && read[0].latitude == 35.6895)
                #expect(read.allSatisfy { $0.workingLanguages.isEmpty && $0.createdAt != nil })
            }
        }
    }
}
