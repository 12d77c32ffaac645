import CityweaveCore
import Fluent
import Vapor

/// An offer of help or a request for it, posted by a city. Both share one
/// table: they carry the same terms, and a matching reads them side by side.
final class AidPost: Model, @unchecked Sendable {
    static let schema = "aid_posts"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Enum(key: "kind") var kind: AidPostKind
    @Field(key: "quantity") var quantity: Int
    /// Units held by allocations that a city has accepted and not declined:
    /// changed only by the conditional updates of `AllocationEdits`, which
    /// keep it at most `quantity`.
    @Field(key: "allocated") var allocated: Int
    /// Offers: the first day the help can leave.
    @OptionalField(key: "available_from") var availableFrom: String?
    /// Offers: the last day the help can leave.
    @OptionalField(key: "available_until") var availableUntil: String?
    /// Requests: the day the help is needed by.
    @OptionalField(key: "needed_by") var neededBy: String?
    @OptionalEnum(key: "urgency") var urgency: AidUrgency?
    /// Offers: may ship abroad. Requests: accept help from abroad.
    @Field(key: "crosses_borders") var crossesBorders: Bool
    @OptionalField(key: "max_distance_km") var maxDistanceKm: Double?
    @Enum(key: "transport_paid_by") var transportPaidBy: TransportPayer
    @Field(key: "conditions") var conditions: String
    /// Who to call; shown to signed-in people only.
    @Field(key: "contact") var contact: String
    @Enum(key: "status") var status: AidPostStatus
    /// When it stopped being open (withdrawn or fulfilled), for the unmet-need chart.
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "is_example") var isExample: Bool

    // relationships
    @Parent(key: "city_id") var city: City
    @Parent(key: "resource_id") var resource: AidResource
    @OptionalParent(key: "posted_by_id") var postedBy: User?

    init() {}

    /// Units still free for a matching.
    var free: Int { status == .open ? max(0, quantity - allocated) : 0 }
}

enum AidPostKind: String, Codable, CaseIterable, Sendable {
    case offer, request

    /// The path segment of its pages and API: `offers`, `requests`.
    var plural: String { rawValue + "s" }
}

enum TransportPayer: String, Codable, CaseIterable, Sendable {
    case offerer, requester, shared

    var label: String {
        switch self {
        case .offerer: "the offering city pays transport"
        case .requester: "the requesting city pays transport"
        case .shared: "transport costs shared"
        }
    }
}

enum AidPostStatus: String, Codable, CaseIterable, Sendable {
    /// Still taking allocations.
    case open
    /// Taken back by its city.
    case withdrawn
    /// A request whose quantity has all been received.
    case fulfilled
}
