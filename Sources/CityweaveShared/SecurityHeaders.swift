import Vapor

/// Headers every response carries: no inline script, no framing, no sniffing,
/// and HTTPS only when Cityweave is served over HTTPS.
package struct SecurityHeaders: AsyncMiddleware {
    package init() {}

    package static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        // Served over HTTPS: browsers are to come back only that way, for a year.
        if request.application.cityweave.publicURL?.hasPrefix("https://") == true {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000")
        }
        return response
    }
}
