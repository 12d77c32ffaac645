import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct DirectoryImportTests {
        /// Two Portlands in GeoNames' own format, and a line that is not one.
        static let geoNamesFile = """
            5746545\tPortland\tPortland\tPDX,Portland i Oregon,Портленд\t45.52345\t-122.67621\tP\tPPLA2\tUS\t\tOR\t051\t\t\t652503\t15\t50\tAmerica/Los_Angeles\t2019-09-05
            4975802\tPortland\tPortland\tPWM,Portland (Maine)\t43.66147\t-70.25533\tP\tPPLA2\tUS\t\tME\t005\t\t\t66215\t9\t15\tAmerica/New_York\t2019-09-05
            this line is not a GeoNames city
            9999999\tAtlantis\tAtlantis\t\t10.0\t10.0\tP\tPPL\tZZ\t\t01\t\t\t\t5000\t\t1\tEtc/UTC\t2019-01-01
            """

        private func loadPortlands(_ app: Application) async throws -> ImportSummary {
            var summary = ImportSummary()
            let cities = try GeoNamesImport.parse(text: Self.geoNamesFile, summary: &summary)
            return try await app.db.transaction { [summary] database in
                var result = summary
                try await GeoNamesImport.load(cities, on: database, summary: &result)
                return result
            }
        }

        @Test func geoNamesImportCreatesReportsBadLinesAndIsIdempotent() async throws {
            try await withCityweave { app in
                let first = try await loadPortlands(app)
                #expect(first.rowsRead == 4)
                #expect(first.created == 2)
                #expect(first.problems.map(\.line) == [3, 4])
                #expect(first.problems[1].reason.contains("unknown country code 'ZZ'"))
                let second = try await loadPortlands(app)
                #expect(second.created == 0)
                #expect(second.unchanged == 2)
                // The alternate names are searchable.
                try await app.testing().test(.GET, "api/v1/cities?q=%D0%9F%D0%BE%D1%80%D1%82%D0%BB%D0%B5%D0%BD%D0%B4") {
                    res async throws in
                    #expect(try res.content.decode(Paged<CitySummaryDTO>.self).items.first?.admin1Code == "OR")
                }
            }
        }

        @Test func geoNamesFileWithNoCityIsRefused() async throws {
            var summary = ImportSummary()
            #expect(throws: ImportError.self) {
                try GeoNamesImport.parse(text: "city,country\nParis,France\n", summary: &summary)
            }
        }

        @Test func membershipsTellNamesakesApartByStateAndNameBadRows() async throws {
            try await withCityweave { app in
                _ = try await loadPortlands(app)
                let file = """
                    city,country,state,since
                    Portland,United States,Oregon,2009
                    Portland,US,ME,
                    Atlantis,Nowhere Land,,
                    Paris,FRA,,1990s
                    Paris,FRA,,
                    """
                let importer = MembershipImport(
                    networkSlug: "c40",
                    columns: .init(city: "city", country: "country", state: "state", since: "since"),
                    filter: nil, source: "test")
                let summary = try await importer.run(
                    text: file, on: app.db, referenceFolder: TestEnvironment.packageRoot + "Resources/Reference/")
                #expect(summary.rowsRead == 5)
                #expect(summary.problems.map(\.line) == [4, 5])
                #expect(summary.problems[0].reason.contains("unknown country 'Nowhere Land'"))
                #expect(summary.problems[1].reason.contains("not a year"))
                let members = try await Membership.query(on: app.db).join(
                    Network.self, on: \Membership.$network.$id == \Network.$id
                )
                .filter(Network.self, \.$slug == "c40").with(\.$city).all()
                let portlands = members.filter { $0.city.name == "Portland" }.map {
                    "\($0.city.admin1Code) \($0.since ?? 0)"
                }
                #expect(Set(portlands) == ["OR 2009", "ME 0"])
                let again = try await importer.run(
                    text: file, on: app.db, referenceFolder: TestEnvironment.packageRoot + "Resources/Reference/")
                #expect(again.created == 0)
            }
        }

        @Test func aGeoNamesIdColumnDecidesBeforeTheName() async throws {
            try await withCityweave { app in
                // 1850147 is Tokyo: the name column is wrong on purpose.
                let file = "city,country,geonameid,role\nSomewhere,JP,1850147,observer\nNowhere,JP,1,\n"
                let importer = MembershipImport(
                    networkSlug: "metropolis",
                    columns: .init(city: "city", country: "country", geonameid: "geonameid", role: "role"),
                    filter: nil, source: "test")
                let summary = try await importer.run(
                    text: file, on: app.db, referenceFolder: TestEnvironment.packageRoot + "Resources/Reference/")
                #expect(summary.created + summary.updated + summary.unchanged == 1)
                #expect(summary.problems.map(\.line) == [3])
                #expect(summary.problems.first?.reason == "no city has geonameid 1")
                let tokyo = try await app.cityID("Tokyo", "JP")
                let membership = try await Membership.query(on: app.db).filter(\.$city.$id == tokyo)
                    .join(Network.self, on: \Membership.$network.$id == \Network.$id)
                    .filter(Network.self, \.$slug == "metropolis").first()
                #expect(membership?.role == "observer")
            }
        }

        @Test func aWrongColumnOrAnUnknownNetworkChangesNothing() async throws {
            try await withCityweave { app in
                let before = try await app.count("memberships")
                let wrongColumn = MembershipImport(
                    networkSlug: "c40", columns: .init(city: "town"), filter: nil, source: "t")
                await #expect {
                    _ = try await wrongColumn.run(text: "city,country\nLima,Peru\n", on: app.db, referenceFolder: "")
                } throws: { "\($0)".contains("there is no column 'town'; the columns are: city, country") }
                let unknownNetwork = MembershipImport(networkSlug: "nowhere", filter: nil, source: "t")
                await #expect {
                    _ = try await unknownNetwork.run(text: "city,country\nLima,Peru\n", on: app.db, referenceFolder: "")
                } throws: { "\($0)".contains("there is no network 'nowhere'") }
                #expect(try await app.count("memberships") == before)
            }
        }

        static let pairs = """
            city1,country1,lat1,lng1,city2,country2,lat2,lng2
            Yokohama,Japan,35.44,139.64,Shanghai,China,31.22,121.46
            Milano,Italy,45.46,9.19,Wuhan,China,30.58,114.27
            Lagos,Nigeria,6.45,3.39,Atlantis,Nowhere,0,0
            Madrid,Spain,140.0,-3.7,Chongqing,China,29.56,106.55
            Springfield,United States,39.8,-89.64,Kyiv,Ukraine,50.45,30.52
            Berlin,Germany,52.52,13.4,Berlin,Germany,52.52,13.4
            """

        @Test func partnershipsMatchAndNameEveryRowTheyCannotUse() async throws {
            try await withCityweave { app in
                let importer = PartnershipImport(source: "test")
                let folder = TestEnvironment.packageRoot + "Resources/Reference/"
                let before = try await app.count("partnerships")
                let summary = try await importer.run(text: Self.pairs, on: app.db, referenceFolder: folder)
                #expect(summary.rowsRead == 6)
                // Yokohama–Shanghai is in the reference data already; Milano is Milan by an alternate name.
                #expect(summary.created + summary.unchanged == 2)
                #expect(summary.problems.map(\.line) == [4, 5, 6, 7])
                #expect(summary.problems[0].reason.contains("unknown country 'Nowhere'"))
                #expect(summary.problems[1].reason.contains("out of range"))
                #expect(summary.problems[2].kind == .unmatched)
                #expect(summary.problems[3].reason.contains("same city"))
                #expect(try await app.count("partnerships") == before + summary.created)
                let again = try await importer.run(text: Self.pairs, on: app.db, referenceFolder: folder)
                #expect(again.created == 0)
            }
        }

        @Test func createMissingAddsUnverifiedCitiesOnce() async throws {
            try await withCityweave { app in
                let importer = PartnershipImport(source: "test", createMissing: true)
                let folder = TestEnvironment.packageRoot + "Resources/Reference/"
                let file =
                    "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nSpringfield,United States,39.8,-89.64,Kyiv,Ukraine,50.45,30.52\n"
                let first = try await importer.run(text: file, on: app.db, referenceFolder: folder)
                #expect(first.created == 1)
                #expect(first.alsoCreated["unverified cities"] == 1)
                let springfield = try #require(
                    try await City.query(on: app.db).filter(\.$name == "Springfield").first())
                #expect(springfield.verified == false)
                let second = try await importer.run(text: file, on: app.db, referenceFolder: folder)
                #expect(second.created == 0)
                #expect(second.alsoCreated["unverified cities"] == nil)
            }
        }

        @Test func aMalformedFileChangesNothing() async throws {
            try await withCityweave { app in
                let before = try await app.count("partnerships")
                let broken = "city1,country1,city2,country2\nLima,Peru,Quito,Ecuador\nLima,Peru,\"Quito,Ecuador\n"
                await #expect {
                    _ = try await PartnershipImport(
                        columns: .init(latitude1: nil, longitude1: nil, latitude2: nil, longitude2: nil), source: "t"
                    )
                    .run(text: broken, on: app.db, referenceFolder: "")
                } throws: { "\($0)".contains("line 3") }
                #expect(try await app.count("partnerships") == before)
            }
        }

        @Test func theImportCommandPrintsASummaryAndWritesTheReport() async throws {
            try await withCityweave { app in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let input = folder.appendingPathComponent("pairs.csv").path
                let report = folder.appendingPathComponent("report.csv").path
                try Self.pairs.write(toFile: input, atomically: true, encoding: .utf8)
                var context = CommandContext(
                    console: app.console,
                    input: CommandInput(arguments: ["cityweave", "partnerships", input, "--report", report]))
                context.application = app
                try await ImportCommandGroup(commands: DirectoryModule.importCommands).run(using: &context)
                let written = try String(contentsOfFile: report, encoding: .utf8)
                #expect(written.hasPrefix("line,kind,reason\n"))
                #expect(written.contains("4,skipped,"))
            }
        }

        @Test(.enabled(if: TestEnvironment.hasSharedData, "../shared/data is not here"))
        func theC40RowsOfTheCDPFileLoadAsTheyAre() async throws {
            try await withCityweave(cities: .minimumPopulation(100_000)) { app in
                let text = try String(
                    contentsOfFile: TestEnvironment.sharedData + "cdp-2017-cities.csv", encoding: .utf8)
                let importer = MembershipImport(
                    networkSlug: "c40", columns: .init(city: "City", country: "Country", location: "City Location"),
                    filter: .init("C40=C40"), source: "CDP 2017")
                let summary = try await importer.run(
                    text: text, on: app.db, referenceFolder: TestEnvironment.packageRoot + "Resources/Reference/")
                #expect(summary.rowsRead == 56)
                #expect(summary.unmatchedCount + summary.skippedCount <= 2, "\(summary.problems)")
            }
        }

        @Test(.enabled(if: TestEnvironment.hasSharedData, "../shared/data is not here"))
        func ninetyPercentOfTheTwinTownPairsMatchTheGeoNamesCities() async throws {
            try await withCityweave(cities: .all) { app in
                let text = try String(
                    contentsOfFile: TestEnvironment.sharedData + "twin-cities-wikipedia.csv", encoding: .utf8)
                let folder = TestEnvironment.packageRoot + "Resources/Reference/"
                // One reading of the 170,391 cities for both loads: the first creates no city, so the second sees the same.
                var importer = PartnershipImport(source: "Wikipedia twin towns")
                importer.cityMatching = try await CityMatching.load(on: app.db, referenceFolder: folder)
                let summary = try await importer.run(text: text, on: app.db, referenceFolder: folder)
                #expect(summary.rowsRead == 25_917)
                #expect(summary.matchedShare >= 0.90, "only \(summary.matchedShare) matched")
                // Loading the same rows again creates nothing; a sample of them proves it at a tenth of the time.
                let sample = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(2_501)
                    .joined(separator: "\n")
                let again = try await importer.run(text: sample, on: app.db, referenceFolder: folder)
                #expect(again.rowsRead == 2_500)
                #expect(again.created == 0)
                #expect(again.unchanged > 2_000, "\(again.unchanged) of the sample were found again")
            }
        }
    }
}
