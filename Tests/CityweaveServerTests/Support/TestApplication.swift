import CityweaveCore
import Fluent
import Foundation
import SQLKit
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

/// Every server test runs inside this suite. Each has a database of its own (see `TestDatabases`), so
/// they run side by side.
@Suite struct CityweaveServerTests {}

enum TestEnvironment {
    /// The package's root folder, where `Resources/` is.
    static let packageRoot =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/"

    /// The real files of `../shared/data`, when the folder is there.
    static let sharedData =
        URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
        .appendingPathComponent("shared/data").path + "/"

    static var hasSharedData: Bool {
        FileManager.default.fileExists(atPath: sharedData + "twin-cities-wikipedia.csv")
    }

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["CITYWEAVE_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    /// The metrics system can be set up once per process: the first test does it.
    static let metrics: Void = bootstrapMetrics()

    /// The cities most tests load: the world's 500 or so largest.
    static let largeCities = ReferenceCitySelection.minimumPopulation(1_000_000)
}

/// Runs `test` against a fresh Cityweave, booted as serving boots it: migrated, with the reference
/// directory loaded (only the cities `cities` selects), on a SQLite file of its own or on a PostgreSQL
/// database of its own on the server of `CITYWEAVE_TEST_POSTGRES_URL`.
func withCityweave(
    cities: ReferenceCitySelection = TestEnvironment.largeCities, loadReference: Bool = true,
    configure adjust: (inout CityweaveConfiguration) -> Void = { _ in },
    _ test: (Application) async throws -> Void
) async throws {
    TestEnvironment.metrics
    var configuration = CityweaveConfiguration(
        database: .sqlite(path: nil), prepareDatabaseOnBoot: false, referenceCities: cities,
        workingDirectory: TestEnvironment.packageRoot, createsDemoAccounts: false,
        // The lowest cost Bcrypt allows: tests sign in hundreds of times.
        bcryptCost: 4)
    adjust(&configuration)
    try await TestDatabases.shared.withDatabase(cities: loadReference ? cities : nil) { location in
        configuration.database = location
        let app = try await Application.make(.testing)
        // Migrations and requests log at info: keep the test output to what went wrong.
        app.logger.logLevel = .notice
        do {
            try await configure(app, with: configuration)
            // What serving does first: SQLite's WAL and busy timeout on every connection.
            try await app.asyncBoot()
            try await test(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

extension Application {
    /// `message` as a page in `language` shows it, escaped as templates escape: page tests assert a
    /// message by its key, so that they hold in every language.
    func words(_ message: Message, in language: InterfaceLanguage) -> String {
        localizer.text(message, in: language).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The id of the most populous city of this name in this country.
    func cityID(_ name: String, _ countryCode: String) async throws -> Int {
        let city = try await City.query(on: db).filter(\.$name == name).filter(\.$country.$id == countryCode)
            .sort(\.$population, .descending).first()
        return try #require(city?.id, "no city \(name) in \(countryCode)")
    }

    /// The rows of a table, to prove that a refused write changed nothing.
    func count(_ table: String) async throws -> Int {
        let row = try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
        return try row!.decode(column: "n", as: Int.self)
    }
}

extension TestingHTTPResponse {
    /// Whether the body is an RFC 9457 problem whose detail mentions `text`.
    func isProblem(status: HTTPStatus, mentioning text: String) -> Bool {
        guard self.status == status, headers.contentType?.subType == "problem+json",
            let problem = try? JSONDecoder().decode(Problem.self, from: Data(body.readableBytesView))
        else { return false }
        return problem.status == Int(status.code) && problem.detail.contains(text)
    }
}
