import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Slows down password guessing: after `accountLimit` failures within
/// `window` for one account, or `addressLimit` from one address, sign-in is
/// refused until the oldest of them ages out. An address gets more tries
/// than an account because a whole city hall may share one address. Kept in the database so that every app instance counts
/// the same failures. A successful sign-in clears the account's and the
/// address's failures.
package struct SignInThrottle: Sendable {
    package static let accountLimit = 5
    package static let addressLimit = 20
    package static let window: TimeInterval = 15 * 60

    /// Throws 429 with the wait when the account or the address is locked out.
    package static func check(email: String, ip: String, now: Date, on database: any Database) async throws {
        let since = now.addingTimeInterval(-window)
        let byAccount = try await SignInFailure.query(on: database).filter(\.$email == email)
            .filter(\.$failedAt > since).sort(\.$failedAt).all()
        try refuseIfLocked(byAccount, limit: accountLimit, now: now) { minutes in
            Message(
                "accounts.sign-in.locked.account",
                one: "Too many failed sign-ins for this account: try again in {count} minute.",
                other: "Too many failed sign-ins for this account: try again in {count} minutes.", count: minutes)
        }
        let byAddress = try await SignInFailure.query(on: database).filter(\.$ip == ip)
            .filter(\.$failedAt > since).sort(\.$failedAt).all()
        try refuseIfLocked(byAddress, limit: addressLimit, now: now) { minutes in
            Message(
                "accounts.sign-in.locked.address",
                one: "Too many failed sign-ins for your address: try again in {count} minute.",
                other: "Too many failed sign-ins for your address: try again in {count} minutes.", count: minutes)
        }
    }

    /// Throws 429 when `failures` reach `limit`, saying in how many minutes the oldest ages out.
    private static func refuseIfLocked(
        _ failures: [SignInFailure], limit: Int, now: Date, saying refusal: (_ minutes: Int) -> Message
    ) throws {
        guard failures.count >= limit, let oldest = failures.first else { return }
        let wait = oldest.failedAt.addingTimeInterval(window).timeIntervalSince(now)
        let minutes = max(1, Int((wait / 60).rounded(.up)))
        throw Refusal(.tooManyRequests, refusal(minutes), headers: ["Retry-After": "\(minutes * 60)"])
    }

    package static func recordFailure(email: String, ip: String, now: Date, on database: any Database) async throws {
        try await SignInFailure(email: email, ip: ip, at: now).create(on: database)
        // Old failures no longer count: drop them while we are here.
        try await SignInFailure.query(on: database).filter(\.$failedAt < now.addingTimeInterval(-window)).delete()
    }

    package static func reset(email: String, ip: String, on database: any Database) async throws {
        try await SignInFailure.query(on: database).group(.or) { $0.filter(\.$email == email).filter(\.$ip == ip) }
            .delete()
    }
}
