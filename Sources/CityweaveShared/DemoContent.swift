import Fluent
import Foundation
import Vapor

/// Loads a module's example records when its tables are empty.
package typealias DemoContentLoader = @Sendable (Application) async throws -> Void

extension Application {
    private struct DemoContentLoadersKey: StorageKey {
        typealias Value = [DemoContentLoader]
    }

    /// What feature modules load as example content on the first start, in the order registered.
    package var demoContentLoaders: [DemoContentLoader] {
        get { storage[DemoContentLoadersKey.self] ?? [] }
        set { storage[DemoContentLoadersKey.self] = newValue }
    }
}

/// Example records a module ships as a file in `Resources/Demo`.
package enum DemoContentFile {
    /// A loader that, when `isEmpty` finds the module without records, reads `name` as `File` and
    /// hands it to `load` in one transaction; `load` returns how many `what` it created, for the log.
    package static func loader<File: Decodable & Sendable>(
        _ name: String, as type: File.Type, what: String,
        isEmpty: @escaping @Sendable (any Database) async throws -> Bool,
        load: @escaping @Sendable (File, any Database) async throws -> Int
    ) -> DemoContentLoader {
        loader(name, what: what, isEmpty: isEmpty) { data, _, db in
            try await load(JSONDecoder().decode(type, from: data), db)
        }
    }

    /// The same for a file read as it is (a CSV for an import), handed over with the application.
    package static func loader(
        _ name: String, what: String, isEmpty: @escaping @Sendable (any Database) async throws -> Bool,
        load: @escaping @Sendable (Data, Application, any Database) async throws -> Int
    ) -> DemoContentLoader {
        { app in
            guard try await isEmpty(app.db) else { return }
            let data = try Data(
                contentsOf: URL(fileURLWithPath: app.directory.workingDirectory + "Resources/Demo/" + name))
            let loaded = try await app.db.transaction { db in try await load(data, app, db) }
            app.logger.notice("Loaded \(loaded) \(what) (set CITYWEAVE_DEMO_CONTENT=0 to start without them).")
        }
    }
}
