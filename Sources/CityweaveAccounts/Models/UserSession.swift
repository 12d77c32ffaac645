import Fluent
import Vapor

/// A signed-in browser. The cookie holds a random secret; the table holds
/// only its SHA-256, so a copy of the database cannot be used to sign in.
package final class UserSession: Model, @unchecked Sendable {
    package static let schema = "user_sessions"

    // managed fields
    /// SHA-256 of the cookie's secret, in hex.
    @ID(custom: "id", generatedBy: .user) package var id: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    /// The secret every form of this session carries (see `CSRFProtection`).
    @Field(key: "csrf_token") package var csrfToken: String
    @Field(key: "last_seen_at") package var lastSeenAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @Field(key: "ip") package var ip: String
    @Field(key: "user_agent") package var userAgent: String

    // relationships
    @Parent(key: "user_id") package var user: User

    package init() {}

    /// A session ends after a week without use, and a month after sign-in whatever happens.
    package static let idleLifetime: TimeInterval = 7 * 24 * 3600
    package static let absoluteLifetime: TimeInterval = 30 * 24 * 3600
}
