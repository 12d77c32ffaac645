import Fluent
import Vapor

/// A personal token for scripts, sent as `Authorization: Bearer`. Shown once
/// when created; only its SHA-256 is kept.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    enum Scope: String, Codable, CaseIterable, Sendable {
        case read, write

        var label: String { self == .read ? "Read" : "Read and write" }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    /// SHA-256 of the token, in hex.
    @Field(key: "token_hash") var tokenHash: String
    /// The token's first characters, so that its owner can recognise it in a list.
    @Field(key: "prefix") var prefix: String
    @Enum(key: "scope") var scope: Scope
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
