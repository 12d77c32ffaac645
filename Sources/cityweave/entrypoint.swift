import CityweaveServer
import CityweaveShared
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        bootstrapMetrics()
        let app = try await Application.make(env)
        do {
            var configuration = try CityweaveConfiguration.fromEnvironment(
                workingDirectory: FileManager.default.currentDirectoryPath)
            configuration.prepareDatabaseOnBoot = CityweaveConfiguration.preparesDatabase(forArguments: env.arguments)
            try await configure(app, with: configuration)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        do {
            try await app.execute()
        } catch {
            // The command runner has already printed the error.
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
