import Fluent
import Vapor

/// A city's request to join a network, decided by the network's editors.
final class MembershipRequest: Model, @unchecked Sendable {
    static let schema = "membership_requests"

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, accepted, declined
    }

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "message") var message: String
    @Enum(key: "status") var status: Status
    @OptionalField(key: "decided_at") var decidedAt: Date?

    // relationships
    @Parent(key: "network_id") var network: Network
    @Parent(key: "city_id") var city: City
    @OptionalParent(key: "requested_by_id") var requestedBy: User?
    @OptionalParent(key: "decided_by_id") var decidedBy: User?

    init() {}
}
