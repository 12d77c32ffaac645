import Vapor

/// Headers every response carries: no inline script, no framing, no sniffing,
/// and HTTPS only when Cityweave is served over HTTPS.
package struct SecurityHeaders: AsyncMiddleware {
    package init() {}

    package static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    /// For a page made to be embedded in other sites: it holds no form and nothing private.
    package static let embeddablePolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors *; base-uri 'self'; form-action 'none'"

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let embeddable = request.isEmbeddable && response.status == .ok
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy", value: embeddable ? Self.embeddablePolicy : Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        if !embeddable { response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY") }
        // Served over HTTPS: browsers are to come back only that way, for a year.
        if request.application.cityweave.publicURL?.hasPrefix("https://") == true {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000")
        }
        return response
    }
}

extension Request {
    private struct EmbeddableKey: StorageKey {
        typealias Value = Bool
    }

    /// Set by a page other sites may show in a frame (a statement's list of signatories).
    package var isEmbeddable: Bool {
        get { storage[EmbeddableKey.self] ?? false }
        set { storage[EmbeddableKey.self] = newValue }
    }
}
