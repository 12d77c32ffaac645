import Fluent
import Vapor

/// A member that a network's list names and the directory holds apart from
/// its cities: a region or an intermunicipal body (never counted as its seat
/// town), or a city the matcher could not place. The network's page shows
/// them, so a list is never silently shortened.
package final class ListedMember: Model, @unchecked Sendable {
    package static let schema = "listed_members"

    package enum Kind: String, Codable, Sendable {
        /// A region, province, district or intermunicipal body.
        case body
        /// A city the directory could not find.
        case unplacedCity = "unplaced_city"
    }

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?

    // data fields
    /// As the list writes it.
    @Field(key: "name") package var name: String
    /// Empty when the list gives none.
    @Field(key: "country_code") package var countryCode: String
    @Enum(key: "kind") package var kind: Kind
    /// What the list says the body is ("Region", "Intermunicipality"); empty for a city.
    @Field(key: "entity") package var entity: String
    /// The town where a body sits, as the list writes it; empty when not given.
    @Field(key: "seat") package var seat: String
    @Field(key: "role") package var role: String
    @OptionalField(key: "since") package var since: Int?
    @OptionalField(key: "until") package var until: Int?
    @Field(key: "source") package var source: String
    /// Why an unplaced city was not placed, as the import reported it.
    @Field(key: "reason") package var reason: String

    // relationships
    @Parent(key: "network_id") package var network: Network

    package init() {}
}
