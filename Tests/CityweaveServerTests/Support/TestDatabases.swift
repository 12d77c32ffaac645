import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix
import Vapor

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

/// A database of its own for every test, copied from a template that was
/// migrated and loaded with the reference directory once per process: a
/// file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL. Tests
/// then share nothing and run side by side, a few at a time.
actor TestDatabases {
    static let shared = TestDatabases()

    /// How many tests hold a database at once: enough to keep both cores busy while tests wait on I/O.
    /// On two cores three did best (PostgreSQL suite 214 s); four left the longest test, the
    /// all-cities import, less of the processor (224 s), and two left it idle (240 s).
    static let concurrentTests = 3

    private var templates: [String: Task<Void, any Error>] = [:]
    private var free = concurrentTests
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Where SQLite files go: memory-backed where the system has it.
    private static let folder: String = {
        let shm = "/dev/shm"
        let base = FileManager.default.fileExists(atPath: shm) ? shm : NSTemporaryDirectory()
        let folder = base + "/cityweave-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Runs `body` with a fresh database holding the reference directory of `cities` (none when nil).
    nonisolated func withDatabase<T>(
        cities: ReferenceCitySelection?, _ body: (CityweaveConfiguration.DatabaseLocation) async throws -> T
    ) async throws -> T {
        let (name, location) = try await lease(cities: cities)
        do {
            let result = try await body(location)
            await giveBack(name)
            return result
        } catch {
            await giveBack(name)
            throw error
        }
    }

    private func lease(cities: ReferenceCitySelection?) async throws
        -> (name: String, location: CityweaveConfiguration.DatabaseLocation)
    {
        let key = Self.key(cities)
        try await template(key, cities: cities).value
        // The all-cities test is the longest by far: queued behind the others, it would end the run alone.
        await acquire(first: cities == .all)
        let name = "t\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        do {
            return (name, try await copy(of: key, as: name))
        } catch {
            release()
            throw error
        }
    }

    private func giveBack(_ name: String) async {
        try? await remove(name)
        release()
    }

    // MARK: templates

    private static func key(_ cities: ReferenceCitySelection?) -> String {
        switch cities {
        case nil: "empty"
        case .all?: "all"
        case .minimumPopulation(let minimum)?: "min\(minimum)"
        }
    }

    private func template(_ key: String, cities: ReferenceCitySelection?) -> Task<Void, any Error> {
        if let made = templates[key] { return made }
        let made = Task { try await Self.makeTemplate(key, cities: cities) }
        templates[key] = made
        return made
    }

    /// Migrates a new database and loads the reference directory into it, the way a first start does.
    private static func makeTemplate(_ key: String, cities: ReferenceCitySelection?) async throws {
        let location: CityweaveConfiguration.DatabaseLocation
        if let base = TestEnvironment.postgresURL {
            try await administer(base, "DROP DATABASE IF EXISTS \(templateName(key)) WITH (FORCE)")
            try await administer(base, "CREATE DATABASE \(templateName(key))")
            location = .postgres(url: try url(base, database: templateName(key)))
        } else {
            let path = folder + "/template-\(key).sqlite"
            try? FileManager.default.removeItem(atPath: path)
            location = .sqlite(path: path)
        }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .notice
        do {
            let configuration = CityweaveConfiguration(
                database: location, prepareDatabaseOnBoot: false, referenceCities: cities ?? .all,
                workingDirectory: TestEnvironment.packageRoot, createsDemoAccounts: false, bcryptCost: 4)
            try await configure(app, with: configuration)
            try await app.autoMigrate()
            if let cities {
                _ = try await ReferenceDirectory(workingDirectory: TestEnvironment.packageRoot, selection: cities)
                    .loadIfEmpty(on: app.db, logger: app.logger, showProgress: false)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    // MARK: copies

    private func copy(of key: String, as name: String) async throws -> CityweaveConfiguration.DatabaseLocation {
        if let base = TestEnvironment.postgresURL {
            // A test's commits need not wait for the disk: the database is dropped when it ends.
            try await Self.administer(
                base, "CREATE DATABASE \(name) TEMPLATE \(Self.templateName(key))",
                "ALTER DATABASE \(name) SET synchronous_commit = off")
            return .postgres(url: try Self.url(base, database: name))
        }
        let path = Self.folder + "/\(name).sqlite"
        try FileManager.default.copyItem(atPath: Self.folder + "/template-\(key).sqlite", toPath: path)
        return .sqlite(path: path)
    }

    private func remove(_ name: String) async throws {
        if let base = TestEnvironment.postgresURL {
            try await Self.administer(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return
        }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: Self.folder + "/\(name).sqlite" + suffix)
        }
    }

    // MARK: slots

    /// Waits for a free slot; `first` goes ahead of every test already waiting.
    private func acquire(first: Bool) async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.insert($0, at: first ? 0 : waiting.endIndex) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }

    // MARK: PostgreSQL

    private static func templateName(_ key: String) -> String { "cityweave_template_\(key)" }

    /// The URL of another database on the same server.
    private static func url(_ base: String, database: String) throws -> String {
        guard var components = URLComponents(string: base) else { throw URLError(.badURL) }
        components.path = "/" + database
        guard let url = components.string else { throw URLError(.badURL) }
        return url
    }

    /// Runs statements that create, alter or drop a database, one after another on the server's own connection.
    private static func administer(_ base: String, _ statements: String...) async throws {
        let configuration = try SQLPostgresConfiguration(url: base).coreConfiguration
        let logger = Logger(label: "cityweave.tests")
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger)
            do {
                for statement in statements {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            // PostgresNIO words its errors vaguely unless asked for the details.
            throw PostgresAdministration(
                statement: statements.joined(separator: "; "), reason: String(reflecting: error))
        }
    }
}

private struct PostgresAdministration: Error, CustomStringConvertible {
    var statement: String
    var reason: String
    var description: String { "\(statement) failed: \(reason)" }
}
