import Testing

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct ConfigurationTests {
        @Test(arguments: [
            ("", CityweaveConfiguration.DatabaseLocation.sqlite(path: "cityweave.sqlite")),
            ("sqlite:///var/lib/cityweave.sqlite", .sqlite(path: "/var/lib/cityweave.sqlite")),
            ("sqlite://data/city.sqlite", .sqlite(path: "data/city.sqlite")),
            ("sqlite::memory:", .sqlite(path: nil)),
            ("postgres://u:p@db:5432/cityweave", .postgres(url: "postgres://u:p@db:5432/cityweave")),
        ])
        func readsTheDatabaseURL(url: String, location: CityweaveConfiguration.DatabaseLocation) throws {
            #expect(try CityweaveConfiguration.parseDatabaseURL(url) == location)
        }

        @Test func refusesADatabaseURLItCannotUse() {
            #expect(throws: ConfigurationError.self) { try CityweaveConfiguration.parseDatabaseURL("mysql://db/x") }
        }

        @Test(arguments: [
            (["cityweave"], true), (["cityweave", "serve"], true), (["cityweave", "--port", "9000"], true),
            (["cityweave", "import", "geonames", "f.txt"], true), (["cityweave", "--help"], false),
            (["cityweave", "import", "--help"], false), (["cityweave", "routes"], false),
            (["cityweave", "migrate"], false),
        ])
        func onlyServingAndImportingLoadTheReferenceDirectory(arguments: [String], prepares: Bool) {
            #expect(CityweaveConfiguration.preparesDatabase(forArguments: arguments) == prepares)
        }
    }
}
