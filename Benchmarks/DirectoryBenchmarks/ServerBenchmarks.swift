import Benchmark
import CityweaveServer
import CityweaveShared
import Fluent
import Foundation
import SQLKit
import VaporTesting

/// A Cityweave on a SQLite file with the whole reference directory, as a
/// first start leaves it, for measuring imports and search through the API.
final class LoadedDirectory: @unchecked Sendable {
    /// The application of the benchmark that is running, to shut down after it.
    var app: Application?

    func make() async throws -> Application {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cityweave-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let app = try await Application.make(.production)
        app.logger.logLevel = .warning
        try await configure(
            app,
            with: CityweaveConfiguration(
                database: .sqlite(path: folder.appendingPathComponent("benchmark.sqlite").path),
                workingDirectory: RealData.folder.path + "/"))
        try await app.asyncBoot()
        self.app = app
        return app
    }

    func shutdown() async throws {
        try await app?.asyncShutdown()
        app = nil
    }

    /// Runs `cityweave import …` as the command line would.
    static func run(_ arguments: [String], on app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["cityweave"] + arguments))
        context.application = app
        try await app.asyncCommands.group().run(using: &context)
    }
}

func serverBenchmarks(twinTowns: URL) {
    let directory = LoadedDirectory()
    Benchmark(
        "Import the 25,917 twin-town pairs (SQLite, all 170,391 cities)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(60), maxIterations: 3)
    ) { benchmark, app in
        // Each run starts from no partnerships, as a first import does.
        try await (app.db as! any SQLDatabase).raw("DELETE FROM partnerships").run()
        benchmark.startMeasurement()
        try await LoadedDirectory.run(["import", "partnerships", twinTowns.path], on: app)
        benchmark.stopMeasurement()
    } setup: {
        try await directory.make()
    } teardown: {
        try await directory.shutdown()
    }

    let queries = [
        "Sao Paulo", "上海", "Koln", "san", "Springfield", "Москва", "new york", "Lagos", "frankfurt am", "東京",
    ]
    Benchmark(
        "Search the directory through the API (one request)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 2000)
    ) { benchmark, app in
        let tester = try app.testing()
        for iteration in benchmark.scaledIterations {
            let query = queries[iteration % queries.count].addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await tester.test(.GET, "api/v1/search?q=\(query)") { response async in
                blackHole(response.status)
            }
        }
    } setup: {
        try await directory.make()
    } teardown: {
        try await directory.shutdown()
    }
}
