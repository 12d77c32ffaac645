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

/// Example records a module ships as a JSON file in `Resources/Demo`.
package enum DemoContentFile {
    /// A loader that, when `isEmpty` finds the module without records, reads `name` as `File` and
    /// hands it to `load` in one transaction; `load` returns how many `what` it created, for the log.
    package static func loader<File: Decodable & Sendable>(
        _ name: String, as type: File.Type, what: String,
        isEmpty: @escaping @Sendable (any Database) async throws -> Bool,
        load: @escaping @Sendable (File, any Database) async throws -> Int
    ) -> DemoContentLoader {
        { app in
            guard try await isEmpty(app.db) else { return }
            let path = app.directory.workingDirectory + "Resources/Demo/" + name
            let file = try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
            let loaded = try await app.db.transaction { db in try await load(file, db) }
            app.logger.notice("Loaded \(loaded) \(what) (set CITYWEAVE_DEMO_CONTENT=0 to start without them).")
        }
    }
}
