import Fluent
import Vapor

/// A failed sign-in, kept for a while so that guessing can be slowed down
/// across every app instance (see `SignInThrottle`).
final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "ip") var ip: String
    @Field(key: "failed_at") var failedAt: Date

    init() {}

    init(email: String, ip: String, at date: Date) {
        self.email = email
        self.ip = ip
        self.failedAt = date
    }
}
