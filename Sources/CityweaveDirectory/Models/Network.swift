import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// A city network: C40, UCLG, Eurocities and some 300 more.
package final class Network: Model, @unchecked Sendable {
    package static let schema = "networks"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    /// A short, stable name for addresses and commands ("c40").
    @Field(key: "slug") package var slug: String
    @Field(key: "name") package var name: String
    @Field(key: "acronym") package var acronym: String
    @OptionalField(key: "founded") package var founded: Int?
    @Enum(key: "scope") package var scope: NetworkScope
    /// The region or country a regional or national network covers.
    @Field(key: "region") package var region: String
    @Field(key: "themes") package var themes: [String]
    @Field(key: "website") package var website: String
    /// Where the facts come from.
    @Field(key: "source") package var source: String
    @Field(key: "description") package var details: String
    /// The year the network closed; nil while it works.
    @OptionalField(key: "ended") package var ended: Int?
    /// Where the member list comes from; nil when it is not published.
    @OptionalField(key: "member_list_source") package var memberListSource: String?
    /// What the list leaves out ("European members only"); empty when nothing is known to be missing.
    @Field(key: "member_list_note") package var memberListNote: String

    // relationships
    @OptionalParent(key: "secretariat_city_id") package var secretariatCity: City?
    /// The network that took over when this one ended.
    @OptionalParent(key: "successor_id") package var successor: Network?
    @Children(for: \.$network) package var memberships: [Membership]

    package init() {
        memberListNote = ""
    }

    /// Whether the directory knows who the members are.
    package var membersAreKnown: Bool { memberListSource != nil }
}

package enum NetworkScope: String, Codable, CaseIterable, Sendable {
    case global, regional, national

    package var message: Message {
        switch self {
        case .global: Message("directory.scope.global", "Global")
        case .regional: Message("directory.scope.regional", "Regional")
        case .national: Message("directory.scope.national", "National")
        }
    }
}
