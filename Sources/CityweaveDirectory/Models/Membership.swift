import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// A city's membership of a network.
package final class Membership: Model, @unchecked Sendable {
    package static let schema = "memberships"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    /// "member", or a network's own class of membership ("innovator", "observer").
    @Field(key: "role") package var role: String
    @OptionalField(key: "since") package var since: Int?
    @OptionalField(key: "until") package var until: Int?
    @Field(key: "source") package var source: String

    // relationships
    @Parent(key: "network_id") package var network: Network
    @Parent(key: "city_id") package var city: City

    package init() {}
}

extension Request {
    /// A membership's class as a page shows it: the directory's own, "member", in the reader's language; a
    /// network's own class as the network names it.
    package func membershipRole(_ role: String) -> String {
        role == "member" ? text(Message("directory.membership.member", "member")) : role
    }
}
