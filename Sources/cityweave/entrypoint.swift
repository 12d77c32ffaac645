import CityweaveServer
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            let configuration = try CityweaveConfiguration.fromEnvironment(
                workingDirectory: FileManager.default.currentDirectoryPath)
            try await configure(app, with: configuration)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
