import Fluent
import Vapor

/// A city's membership of a network.
final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// "member", or a network's own class of membership ("innovator", "observer").
    @Field(key: "role") var role: String
    @OptionalField(key: "since") var since: Int?
    @OptionalField(key: "until") var until: Int?
    @Field(key: "source") var source: String

    // relationships
    @Parent(key: "network_id") var network: Network
    @Parent(key: "city_id") var city: City

    init() {}
}
