import Fluent
import Vapor

/// A signed-in browser. The cookie holds a random secret; the table holds
/// only its SHA-256, so a copy of the database cannot be used to sign in.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    // managed fields
    /// SHA-256 of the cookie's secret, in hex.
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// The secret every form of this session carries (see `CSRFProtection`).
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "ip") var ip: String
    @Field(key: "user_agent") var userAgent: String

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    /// A session ends after a week without use, and a month after sign-in whatever happens.
    static let idleLifetime: TimeInterval = 7 * 24 * 3600
    static let absoluteLifetime: TimeInterval = 30 * 24 * 3600
}
