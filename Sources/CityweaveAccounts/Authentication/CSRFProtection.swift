import CityweaveCore
import CityweaveShared
import Vapor

/// Refuses any state-changing page request that does not carry the form
/// secret of its session (or, before sign-in, of the browser's CSRF cookie).
/// A page from another site cannot read that secret, so it cannot forge the
/// request. The JSON API needs no such check: it ignores cookies.
package struct CSRFProtection: AsyncMiddleware {
    package init() {}

    package static let fieldName = "csrf_token"
    package static let headerName = "X-CSRF-Token"
    package static let cookieName = "cityweave_csrf"
    private static let safeMethods: [HTTPMethod] = [.GET, .HEAD, .OPTIONS]

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // An address that does not answer this method changes nothing: let it be the 404 or 405 it is.
        guard !ErrorResponder.wantsProblem(request), request.route != nil else {
            return try await next.respond(to: request)
        }
        if !Self.safeMethods.contains(request.method) {
            let submitted = try await Self.submittedToken(request)
            guard let submitted, let expected = request.expectedCSRFToken, SecretToken.matches(submitted, expected)
            else {
                throw Refusal(
                    .forbidden,
                    Message(
                        "accounts.csrf.refused",
                        "This form has expired or did not come from Cityweave, so nothing was changed. Reload the page and try again."
                    ))
            }
        }
        let response = try await next.respond(to: request)
        if let issued = request.storage[IssuedCSRFCookie.self] {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: issued, path: "/", isSecure: request.isSecureOrigin, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    private static func submittedToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: headerName) { return header }
        guard let contentType = request.headers.contentType,
            contentType == .urlEncodedForm || contentType.type == "multipart"
        else { return nil }
        _ = try await request.body.collect(max: 1 << 20).get()
        return try? request.content.get(String.self, at: fieldName)
    }
}

package struct IssuedCSRFCookie: StorageKey {
    package typealias Value = String
}

extension Request {
    /// The secret this request's forms must carry.
    package var expectedCSRFToken: String? {
        if let session = actor?.session { return session.csrfToken }
        return cookies[CSRFProtection.cookieName]?.string
    }

    /// The secret to put in a form on this page; before sign-in, issues the
    /// browser a CSRF cookie when it has none.
    package var csrfToken: String {
        if let expected = expectedCSRFToken, !expected.isEmpty { return expected }
        if let issued = storage[IssuedCSRFCookie.self] { return issued }
        let issued = SecretToken().value
        storage[IssuedCSRFCookie.self] = issued
        return issued
    }
}
