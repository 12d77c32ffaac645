import CityweaveCore
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
            throw Refusal(
                .unauthorized,
                Message(
                    "accounts.access.token-refused",
                    "The API token is unknown, revoked or expired, or its user is deactivated."),
                headers: ["WWW-Authenticate": "Bearer"])
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
        try await rememberLanguage(of: session.user, request: request)
        return false
    }

    /// A page opened with a language in its address is the person's choice (the switcher, a link in
    /// that language): it is remembered on their account. A page whose address names none opens in the
    /// language they chose last, before what their browser asks for.
    private func rememberLanguage(of user: User, request: Request) async throws {
        if request.languageIsInPath {
            guard request.method == .GET else { return }
            try await LanguageMemory.remember(request.language, for: user, on: request)
        } else if let chosen = user.language.flatMap(InterfaceLanguage.init(rawValue:)) {
            request.useRememberedLanguage(chosen)
        }
    }
}
