import Fluent
import SQLKit
import Vapor

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
package struct HealthRoutes: RouteCollection {
    package init() {}

    package func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
    }

    package struct Health: Content {
        package var status: String
        package var database: String
    }

    @Sendable
    package func health(_ request: Request) async throws -> Health {
        do {
            try await (request.db as! any SQLDatabase).raw("SELECT 1").run()
        } catch {
            request.logger.warning("health check: the database did not answer: \(error)")
            throw Abort(.serviceUnavailable, reason: "The database does not answer.")
        }
        return Health(status: "ok", database: request.db is any SQLDatabase ? "answering" : "unknown")
    }
}
