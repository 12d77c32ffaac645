import CityweaveShared
import Fluent
import Vapor

/// Starts and ends browser sessions and writes their cookie.
package enum SessionStore {
    package static let cookieName = "cityweave_session"

    /// Signs `user` in with a new session id, ending the session the browser
    /// had before (so that a session id planted before sign-in is worthless).
    package static func start(for user: User, request: Request) async throws -> (UserSession, cookie: String) {
        if let previous = request.cookies[cookieName]?.string {
            try await UserSession.query(on: request.db).filter(\.$id == SecretToken.digest(of: previous)).delete()
        }
        let secret = SecretToken()
        let now = Date()
        let session = UserSession()
        session.id = secret.digest
        session.$user.id = try user.requireID()
        session.csrfToken = SecretToken().value
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(UserSession.absoluteLifetime)
        session.ip = request.clientAddress
        session.userAgent = String((request.headers.first(name: .userAgent) ?? "").prefix(200))
        try await session.create(on: request.db)
        try await removeExpired(now: now, on: request.db)
        return (session, secret.value)
    }

    /// Sessions past either lifetime can never sign anyone in again: drop them
    /// at each sign-in, so that the table holds only live sessions.
    package static func removeExpired(now: Date, on database: any Database) async throws {
        try await UserSession.query(on: database).group(.or) {
            $0.filter(\.$expiresAt < now).filter(\.$lastSeenAt < now.addingTimeInterval(-UserSession.idleLifetime))
        }.delete()
    }

    /// The signed-in session of the request's cookie, if it is still valid.
    package static func find(cookie: String, now: Date, on database: any Database) async throws -> UserSession? {
        guard
            let session = try await UserSession.query(on: database).filter(\.$id == SecretToken.digest(of: cookie))
                .with(\.$user).first()
        else { return nil }
        let idleUntil = session.lastSeenAt.addingTimeInterval(UserSession.idleLifetime)
        guard session.expiresAt > now, idleUntil > now, session.user.isActive else {
            try await session.delete(on: database)
            return nil
        }
        // Writing on every request would serialise page views on SQLite: refresh every few minutes.
        if now.timeIntervalSince(session.lastSeenAt) > 300 {
            session.lastSeenAt = now
            try await session.update(on: database)
        }
        return session
    }

    package static func cookie(_ value: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: Int(UserSession.absoluteLifetime), path: "/", isSecure: request.isSecureOrigin,
            isHTTPOnly: true, sameSite: .lax)
    }

    package static func expiredCookie(request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: request.isSecureOrigin, isHTTPOnly: true, sameSite: .lax)
    }

    /// Ends every session of `user` except `keeping`.
    package static func endAll(of userID: UUID, keeping kept: String? = nil, on database: any Database) async throws {
        let query = UserSession.query(on: database).filter(\.$user.$id == userID)
        if let kept { query.filter(\.$id != kept) }
        try await query.delete()
    }
}
