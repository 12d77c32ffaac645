import CityweaveCore
import Fluent
import Vapor

/// A personal token for scripts, sent as `Authorization: Bearer`. Shown once
/// when created; only its SHA-256 is kept.
package final class APIToken: Model, @unchecked Sendable {
    package static let schema = "api_tokens"

    package enum Scope: String, Codable, CaseIterable, Sendable {
        case read, write

        /// The scope as the account page names it (the same words as its form's choices).
        package var label: Message {
            switch self {
            case .read: Message("accounts.account.scope-read", "Read")
            case .write: Message("accounts.account.scope-write", "Read and write")
            }
        }
    }

    // managed fields
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Field(key: "name") package var name: String
    /// SHA-256 of the token, in hex.
    @Field(key: "token_hash") package var tokenHash: String
    /// The token's first characters, so that its owner can recognise it in a list.
    @Field(key: "prefix") package var prefix: String
    @Enum(key: "scope") package var scope: Scope
    @OptionalField(key: "expires_at") package var expiresAt: Date?
    @OptionalField(key: "last_used_at") package var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") package var revokedAt: Date?

    // relationships
    @Parent(key: "user_id") package var user: User

    package init() {}

    package func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
