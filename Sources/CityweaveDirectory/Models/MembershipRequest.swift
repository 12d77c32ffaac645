import CityweaveAccounts
import Fluent
import Vapor

/// A city's request to join a network, decided by the network's editors.
package final class MembershipRequest: Model, @unchecked Sendable {
    package static let schema = "membership_requests"

    package enum Status: String, Codable, CaseIterable, Sendable {
        case pending, accepted, declined
    }

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Field(key: "message") package var message: String
    @Enum(key: "status") package var status: Status
    @OptionalField(key: "decided_at") package var decidedAt: Date?

    // relationships
    @Parent(key: "network_id") package var network: Network
    @Parent(key: "city_id") package var city: City
    @OptionalParent(key: "requested_by_id") package var requestedBy: User?
    @OptionalParent(key: "decided_by_id") package var decidedBy: User?

    package init() {}
}
