import Fluent
import Vapor

/// A one-time link that lets someone set a password and join an
/// organisation with a role, or become a platform administrator. There is no
/// mail server: the inviter passes the link on.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// SHA-256 of the secret in the link, in hex.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "email") var email: String
    @OptionalEnum(key: "role") var role: Role?
    @Field(key: "is_platform_admin") var isPlatformAdmin: Bool
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?

    // relationships
    @OptionalField(key: "city_id") var cityID: Int?
    @OptionalField(key: "network_id") var networkID: Int?
    @OptionalParent(key: "invited_by_id") var invitedBy: User?

    init() {}

    /// How long a link stays valid.
    static let lifetime: TimeInterval = 7 * 24 * 3600

    var organisation: Organisation? {
        if let cityID { return .city(cityID) }
        if let networkID { return .network(networkID) }
        return nil
    }
}
