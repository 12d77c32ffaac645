import Fluent
import Vapor

/// A quantity moving from one offer to one request: proposed by a matching
/// run, then accepted or declined by both cities, committed, shipped and
/// received.
final class AidAllocation: Model, @unchecked Sendable {
    static let schema = "aid_allocations"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "quantity") var quantity: Int
    @Field(key: "distance_km") var distanceKm: Double
    @Field(key: "arrives_on") var arrivesOn: String
    /// Days between arrival and the need date; negative when late.
    @Field(key: "days_to_spare") var daysToSpare: Int
    @Field(key: "unit_cost") var unitCost: Int64
    @Field(key: "reasons") var reasons: [String]
    /// Changed only by `AllocationEdits`' conditional updates.
    @Enum(key: "status") var status: AllocationStatus
    @OptionalEnum(key: "offerer_decision") var offererDecision: AllocationDecision?
    @OptionalField(key: "offerer_decided_at") var offererDecidedAt: Date?
    @OptionalEnum(key: "requester_decision") var requesterDecision: AllocationDecision?
    @OptionalField(key: "requester_decided_at") var requesterDecidedAt: Date?
    @OptionalField(key: "shipped_quantity") var shippedQuantity: Int?
    @OptionalField(key: "shipped_on") var shippedOn: String?
    @OptionalField(key: "received_quantity") var receivedQuantity: Int?
    @OptionalField(key: "received_on") var receivedOn: String?

    // relationships
    @Parent(key: "run_id") var run: MatchingRun
    @Parent(key: "offer_id") var offer: AidPost
    @Parent(key: "request_id") var request: AidPost

    init() {}
}

enum AllocationStatus: String, Codable, CaseIterable, Sendable {
    /// Proposed by a run; neither city has accepted.
    case proposed
    /// One city accepted: the quantity is held on both sides.
    case accepted
    /// Both cities accepted.
    case committed
    case shipped
    case received
    /// A city declined; nothing is held.
    case declined
    /// A later run replaced the proposal before anyone accepted it.
    case superseded

    /// Holds its quantity against the offer and the request.
    var isActive: Bool { [.accepted, .committed, .shipped, .received].contains(self) }

    var label: String {
        switch self {
        case .proposed: "Proposed"
        case .accepted: "Accepted by one city"
        case .committed: "Committed"
        case .shipped: "Shipped"
        case .received: "Received"
        case .declined: "Declined"
        case .superseded: "Superseded"
        }
    }
}

enum AllocationDecision: String, Codable, CaseIterable, Sendable {
    case accepted, declined
}

/// Which of an allocation's two cities acts.
enum AllocationSide: String, Codable, CaseIterable, Sendable {
    case offerer, requester
}
