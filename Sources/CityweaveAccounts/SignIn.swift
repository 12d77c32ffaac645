import CityweaveCore
import CityweaveShared
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Checks an email address and password, with the throttle, and starts a session.
package enum SignIn {
    package static func signIn(email: String, password: String, request: Request) async throws -> (
        user: User, cookie: String
    ) {
        let email = User.normalised(email: email)
        let ip = request.clientAddress
        let now = Date()
        try await SignInThrottle.check(email: email, ip: ip, now: now, on: request.db)
        let user = try await User.find(email: email, on: request.db)
        // Bcrypt runs on the thread pool, not the event loop; an unknown
        // address costs the same work as a wrong password.
        let hash: String
        if let known = user?.passwordHash {
            hash = known
        } else {
            hash = try await request.application.unknownUserPasswordHash.value(hashingWith: request.password.async)
        }
        let matches = try await request.password.async.verify(password, created: hash)
        guard let user, user.passwordHash != nil, matches else {
            try await SignInThrottle.recordFailure(email: email, ip: ip, now: now, on: request.db)
            throw Refusal(
                .unauthorized, Message("accounts.sign-in.not-right", "The email address or the password is not right."))
        }
        guard user.isActive else {
            throw Refusal(
                .forbidden,
                Message(
                    "accounts.sign-in.deactivated",
                    "This account has been deactivated; ask your organisation's administrator."))
        }
        try await SignInThrottle.reset(email: email, ip: ip, on: request.db)
        let (_, cookie) = try await SessionStore.start(for: user, request: request)
        try await AuditLog.record(
            actor: user, ip: ip, action: "sign_in", recordType: "user", recordID: try user.requireID().uuidString,
            organisation: user.organisation, on: request.db)
        return (user, cookie)
    }
}

/// A hash of a random password at the configured cost, checked when the
/// address is unknown, so that the answer takes as long as for a wrong
/// password. Made at the first such sign-in rather than at every start.
package final class UnknownUserPasswordHash: Sendable {
    private let hash = NIOLockedValueBox<String?>(nil)

    package init() {}

    package func value(hashingWith hasher: AsyncPasswordHasher) async throws -> String {
        if let made = hash.withLockedValue({ $0 }) { return made }
        let made = try await hasher.hash(SecretToken().value)
        return hash.withLockedValue { stored in
            if stored == nil { stored = made }
            return stored ?? made
        }
    }
}

extension Application {
    private struct UnknownUserPasswordHashKey: StorageKey {
        typealias Value = UnknownUserPasswordHash
    }

    package var unknownUserPasswordHash: UnknownUserPasswordHash {
        get { storage[UnknownUserPasswordHashKey.self] ?? UnknownUserPasswordHash() }
        set { storage[UnknownUserPasswordHashKey.self] = newValue }
    }
}
