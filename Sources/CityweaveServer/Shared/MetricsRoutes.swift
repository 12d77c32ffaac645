import Metrics
import Prometheus
import Vapor

/// `GET /metrics`: the process's metrics in Prometheus' text format. Vapor
/// records every request (`http_requests_total`, `http_request_duration_seconds`)
/// once the metrics system writes to this registry (see `bootstrapMetrics()`).
struct MetricsRoutes: RouteCollection {
    var registry: PrometheusCollectorRegistry

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    @Sendable
    func metrics(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: Data(registry.emitToBuffer())))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}

/// Sends the process's swift-metrics to Prometheus' default registry, which
/// `/metrics` shows. Call once per process, before the application starts.
public func bootstrapMetrics() {
    MetricsSystem.bootstrap(PrometheusMetricsFactory())
}
