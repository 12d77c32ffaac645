import CityweaveAccounts
import CityweaveCore
import Fluent
import Vapor

/// A bilateral tie between two cities. Stored once per pair, with the
/// smaller city id first, so that a pair cannot be recorded twice.
package final class Partnership: Model, @unchecked Sendable {
    package static let schema = "partnerships"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Enum(key: "kind") package var kind: PartnershipKind
    @OptionalField(key: "since") package var since: Int?
    @Field(key: "source") package var source: String

    // relationships
    @Parent(key: "city_a_id") package var cityA: City
    @Parent(key: "city_b_id") package var cityB: City

    package init() {}
}

package enum PartnershipKind: String, Codable, CaseIterable, Sendable {
    case sisterCity = "sister_city"
    case friendship
    case memorandum = "mou"
    case economicPartnership = "economic_partnership"

    package var message: Message {
        switch self {
        case .sisterCity: Message("directory.partnership-kind.sister-city", "Sister city")
        case .friendship: Message("directory.partnership-kind.friendship", "Friendship")
        case .memorandum: Message("directory.partnership-kind.memorandum", "Memorandum of understanding")
        case .economicPartnership:
            Message("directory.partnership-kind.economic-partnership", "Metro-to-metro economic partnership")
        }
    }
}
