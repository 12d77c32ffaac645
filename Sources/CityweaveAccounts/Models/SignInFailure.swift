import Fluent
import Vapor

/// A failed sign-in, kept for a while so that guessing can be slowed down
/// across every app instance (see `SignInThrottle`).
package final class SignInFailure: Model, @unchecked Sendable {
    package static let schema = "sign_in_failures"

    // managed fields
    @ID(key: .id) package var id: UUID?

    // data fields
    @Field(key: "email") package var email: String
    @Field(key: "ip") package var ip: String
    @Field(key: "failed_at") package var failedAt: Date

    package init() {}

    package init(email: String, ip: String, at date: Date) {
        self.email = email
        self.ip = ip
        self.failedAt = date
    }
}
