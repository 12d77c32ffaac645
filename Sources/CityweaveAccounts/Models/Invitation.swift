import Fluent
import Vapor

/// A one-time link that lets someone set a password and join an
/// organisation with a role, or become a platform administrator. There is no
/// mail server: the inviter passes the link on.
package final class Invitation: Model, @unchecked Sendable {
    package static let schema = "invitations"

    // managed fields
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    /// SHA-256 of the secret in the link, in hex.
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "email") package var email: String
    @OptionalEnum(key: "role") package var role: Role?
    @Field(key: "is_platform_admin") package var isPlatformAdmin: Bool
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "accepted_at") package var acceptedAt: Date?

    // relationships
    @OptionalField(key: "city_id") package var cityID: Int?
    @OptionalField(key: "network_id") package var networkID: Int?
    @OptionalParent(key: "invited_by_id") package var invitedBy: User?

    package init() {}

    /// How long a link stays valid.
    package static let lifetime: TimeInterval = 7 * 24 * 3600

    package var organisation: Organisation? {
        if let cityID { return .city(cityID) }
        if let networkID { return .network(networkID) }
        return nil
    }
}
