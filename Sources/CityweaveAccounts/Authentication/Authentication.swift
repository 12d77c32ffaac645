import CityweaveShared
import Fluent
import Vapor

/// Finds who is making each request. The JSON API trusts only
/// `Authorization: Bearer` tokens and the pages only the session cookie, so
/// that a cookie can never carry a cross-site request into the API.
package struct Authentication: AsyncMiddleware {
    package init() {}

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if ErrorResponder.wantsProblem(request) {
            // Where no route answers this method, it is a 404 or a 405 whatever token is sent.
            if request.route != nil { try await authenticateToken(request) }
            return try await next.respond(to: request)
        }
        let hadStaleCookie = try await authenticateSession(request)
        let response = try await next.respond(to: request)
        if hadStaleCookie, response.cookies[SessionStore.cookieName] == nil {
            response.cookies[SessionStore.cookieName] = SessionStore.expiredCookie(request: request)
        }
        return response
    }

    private func authenticateToken(_ request: Request) async throws {
        guard let bearer = request.headers.bearerAuthorization else { return }
        let now = Date()
        guard
            let token = try await APIToken.query(on: request.db)
                .filter(\.$tokenHash == SecretToken.digest(of: bearer.token)).with(\.$user).first(),
            token.isUsable(at: now), token.user.isActive
        else {
            throw Abort(
                .unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                reason: "The API token is unknown, revoked or expired, or its user is deactivated.")
        }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await token.update(on: request.db)
        }
        request.actor = Actor(user: token.user, credential: .token(token))
    }

    /// Returns whether the browser sent a cookie that no longer signs anyone in.
    private func authenticateSession(_ request: Request) async throws -> Bool {
        guard let cookie = request.cookies[SessionStore.cookieName]?.string, !cookie.isEmpty else { return false }
        guard let session = try await SessionStore.find(cookie: cookie, now: Date(), on: request.db) else {
            return true
        }
        request.actor = Actor(user: session.user, credential: .session(session))
        return false
    }
}
