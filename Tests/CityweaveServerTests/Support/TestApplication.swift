import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import CityweaveServer

/// Every server test runs inside this suite, one test at a time, so that the
/// tests can share one PostgreSQL database when `CITYWEAVE_TEST_POSTGRES_URL` is set.
@Suite(.serialized)
struct CityweaveServerTests {}

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

/// Runs `test` against a fresh Cityweave: migrated, with the reference
/// directory loaded (only the cities `cities` selects), on SQLite in memory
/// or on the PostgreSQL database of `CITYWEAVE_TEST_POSTGRES_URL`.
func withCityweave(
    cities: ReferenceCitySelection = TestEnvironment.largeCities, loadReference: Bool = true,
    configure adjust: (inout CityweaveConfiguration) -> Void = { _ in },
    _ test: (Application) async throws -> Void
) async throws {
    TestEnvironment.metrics
    let app = try await Application.make(.testing)
    // Migrations and requests log at info: keep the test output to what went wrong.
    app.logger.logLevel = .notice
    do {
        let location: CityweaveConfiguration.DatabaseLocation =
            TestEnvironment.postgresURL.map { .postgres(url: $0) } ?? .sqlite(path: nil)
        var configuration = CityweaveConfiguration(
            database: location, prepareDatabaseOnBoot: false, referenceCities: cities,
            workingDirectory: TestEnvironment.packageRoot, createsDemoAccounts: false,
            // The lowest cost Bcrypt allows: tests sign in hundreds of times.
            bcryptCost: 4)
        adjust(&configuration)
        try await configure(app, with: configuration)
        if case .postgres = location {
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.autoMigrate()
        if loadReference {
            _ = try await ReferenceDirectory(workingDirectory: TestEnvironment.packageRoot, selection: cities)
                .loadIfEmpty(on: app.db, logger: app.logger, showProgress: false)
        }
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// `withCityweave` on a database file rather than in memory, for tests of concurrent requests: SQLite's
/// shared in-memory database locks whole tables and never waits. On PostgreSQL, the same as `withCityweave`.
func withCityweaveOnDisk(_ test: (Application) async throws -> Void) async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("cityweave-\(UUID().uuidString).sqlite")
        .path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
    let onDisk: (inout CityweaveConfiguration) -> Void = { configuration in
        if TestEnvironment.postgresURL == nil { configuration.database = .sqlite(path: file) }
    }
    try await withCityweave(configure: onDisk) { app in
        // What serving does first: WAL and the busy timeout on every connection.
        try await app.asyncBoot()
        try await test(app)
    }
}

extension Application {
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
