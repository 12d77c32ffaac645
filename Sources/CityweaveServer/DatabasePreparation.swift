import CityweaveAccounts
import CityweaveAid
import CityweaveDirectory
import CityweaveEngagement
import CityweaveKnowledge
import CityweaveLandscape
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Gets the database ready before any command runs: SQLite settings on
/// every connection, then (unless tests opt out) migrations and, on the
/// first start, the reference directory.
package struct DatabasePreparation: LifecycleHandler {
    package func willBootAsync(_ app: Application) async throws {
        if case .sqlite(let path) = app.cityweave.database {
            try await configureSQLite(app, isFile: path != nil)
        }
        guard app.cityweave.prepareDatabaseOnBoot else { return }
        try await app.autoMigrate()
        let reference = ReferenceDirectory(
            workingDirectory: app.directory.workingDirectory, selection: app.cityweave.referenceCities)
        _ = try await reference.loadIfEmpty(on: app.db, logger: app.logger, showProgress: true)
        if app.cityweave.createsDemoAccounts {
            let created = try await DemoAccounts.createIfNoUsers(
                on: app.db, in: app.organisations, hasher: app.password.async)
            if !created.isEmpty {
                // Printed once, at the first start: these are example accounts with public passwords.
                print("Demo accounts (set CITYWEAVE_DEMO_ACCOUNTS=0 to start without them):")
                for line in created { print(line) }
            }
        }
        if app.cityweave.loadsDemoContent {
            for loader in app.demoContentLoaders { try await loader(app) }
        }
    }

    /// WAL lets pages be read while an import writes; the busy timeout makes
    /// a writer wait for another instead of failing at once. The timeout is
    /// a per-connection setting and the driver offers no connection hook, so
    /// it is set on the one connection of each event loop's pool.
    private func configureSQLite(_ app: Application, isFile: Bool) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            let database = app.databases.database(logger: app.logger, on: eventLoop)!
            try await database.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA busy_timeout = 10000").run()
                if isFile {
                    try await sql.raw("PRAGMA journal_mode = WAL").run()
                    try await sql.raw("PRAGMA synchronous = NORMAL").run()
                }
            }
        }
    }
}
