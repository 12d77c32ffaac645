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
