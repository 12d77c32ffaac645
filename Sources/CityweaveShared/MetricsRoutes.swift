import Metrics
import Prometheus
import Vapor

/// `GET /metrics`: the process's metrics in Prometheus' text format. Vapor
/// records every request (`http_requests_total`, `http_request_duration_seconds`)
/// once the metrics system writes to this registry (see `bootstrapMetrics()`).
package struct MetricsRoutes: RouteCollection {
    package var registry: PrometheusCollectorRegistry

    package init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    package func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    @Sendable
    package func metrics(_ request: Request) async throws -> Response {
        guard Self.mayRead(request) else {
            throw Abort(
                .forbidden,
                reason:
                    "Metrics are served to the addresses of CITYWEAVE_METRICS_ADDRESSES, or with the token of CITYWEAVE_METRICS_TOKEN."
            )
        }
        let response = Response(status: .ok, body: .init(data: Data(registry.emitToBuffer())))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }

    /// The per-route error counts tell an attacker what fails: only monitoring reads them, from an
    /// allowed address or with the metrics token. A request forwarded by a proxy that is not trusted
    /// comes from somewhere else than its peer, so its peer's address proves nothing.
    package static func mayRead(_ request: Request) -> Bool {
        let configuration = request.application.cityweave
        if let expected = configuration.metricsToken, let token = request.headers.bearerAuthorization?.token {
            return SecretToken.matches(token, expected)
        }
        if !request.headers[.xForwardedFor].isEmpty && !request.comesThroughTrustedProxy { return false }
        return configuration.metricsAddresses.contains(request.clientAddress)
    }
}

/// Sends the process's swift-metrics to Prometheus' default registry, which
/// `/metrics` shows. Call once per process, before the application starts.
public func bootstrapMetrics() {
    MetricsSystem.bootstrap(PrometheusMetricsFactory())
}
