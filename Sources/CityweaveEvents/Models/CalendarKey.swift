import CityweaveAccounts
import Fluent
import Vapor

/// The secret in the address of a person's own calendar feed. Only its hash is kept, as for API tokens:
/// the address is shown once, when made, and rotating it makes the old one answer 404.
package final class CalendarKey: Model, @unchecked Sendable {
    package static let schema = "calendar_keys"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "user_id") package var user: User
    @Field(key: "secret_hash") package var secretHash: String

    package init() {}

    package init(userID: UUID, secretHash: String) {
        $user.id = userID
        self.secretHash = secretHash
    }
}
