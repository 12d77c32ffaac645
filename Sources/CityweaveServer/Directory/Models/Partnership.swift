import Fluent
import Vapor

/// A bilateral tie between two cities. Stored once per pair, with the
/// smaller city id first, so that a pair cannot be recorded twice.
final class Partnership: Model, @unchecked Sendable {
    static let schema = "partnerships"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Enum(key: "kind") var kind: PartnershipKind
    @OptionalField(key: "since") var since: Int?
    @Field(key: "source") var source: String

    // relationships
    @Parent(key: "city_a_id") var cityA: City
    @Parent(key: "city_b_id") var cityB: City

    init() {}
}

enum PartnershipKind: String, Codable, CaseIterable, Sendable {
    case sisterCity = "sister_city"
    case friendship
    case memorandum = "mou"
    case economicPartnership = "economic_partnership"

    var label: String {
        switch self {
        case .sisterCity: "Sister city"
        case .friendship: "Friendship"
        case .memorandum: "Memorandum of understanding"
        case .economicPartnership: "Metro-to-metro economic partnership"
        }
    }
}
