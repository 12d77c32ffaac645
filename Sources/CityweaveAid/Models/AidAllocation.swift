import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import Fluent
import Vapor

/// A quantity moving from one offer to one request: proposed by a matching
/// run, then accepted or declined by both cities, committed, shipped and
/// received.
package final class AidAllocation: Model, @unchecked Sendable {
    package static let schema = "aid_allocations"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Field(key: "quantity") package var quantity: Int
    @Field(key: "distance_km") package var distanceKm: Double
    @Field(key: "arrives_on") package var arrivesOn: String
    /// Days between arrival and the need date; negative when late.
    @Field(key: "days_to_spare") package var daysToSpare: Int
    @Field(key: "unit_cost") package var unitCost: Int64
    /// Why the matching proposed it, worded in each reader's language when shown.
    @Field(key: "reason_messages") package var reasons: [Message]
    /// Changed only by `AllocationEdits`' conditional updates.
    @Enum(key: "status") package var status: AllocationStatus
    @OptionalEnum(key: "offerer_decision") package var offererDecision: AllocationDecision?
    @OptionalField(key: "offerer_decided_at") package var offererDecidedAt: Date?
    @OptionalEnum(key: "requester_decision") package var requesterDecision: AllocationDecision?
    @OptionalField(key: "requester_decided_at") package var requesterDecidedAt: Date?
    @OptionalField(key: "shipped_quantity") package var shippedQuantity: Int?
    @OptionalField(key: "shipped_on") package var shippedOn: String?
    @OptionalField(key: "received_quantity") package var receivedQuantity: Int?
    @OptionalField(key: "received_on") package var receivedOn: String?

    // relationships
    @Parent(key: "run_id") package var run: MatchingRun
    @Parent(key: "offer_id") package var offer: AidPost
    @Parent(key: "request_id") package var request: AidPost

    package init() {}
}

package enum AllocationStatus: String, Codable, CaseIterable, Sendable {
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
    package var isActive: Bool { [.accepted, .committed, .shipped, .received].contains(self) }

    /// The status as a table shows it.
    package var label: Message {
        switch self {
        case .proposed: Message("aid.allocation-status.proposed", "Proposed")
        case .accepted: Message("aid.allocation-status.accepted", "Accepted by one city")
        case .committed: Message("aid.allocation-status.committed", "Committed")
        case .shipped: Message("aid.allocation-status.shipped", "Shipped")
        case .received: Message("aid.allocation-status.received", "Received")
        case .declined: Message("aid.allocation-status.declined", "Declined")
        case .superseded: Message("aid.allocation-status.superseded", "Superseded")
        }
    }

    /// The status inside a sentence: "Allocation 7 is declined; …".
    package var word: Message {
        switch self {
        case .proposed: Message("aid.allocation-status-word.proposed", "proposed")
        case .accepted: Message("aid.allocation-status-word.accepted", "accepted")
        case .committed: Message("aid.allocation-status-word.committed", "committed")
        case .shipped: Message("aid.allocation-status-word.shipped", "shipped")
        case .received: Message("aid.allocation-status-word.received", "received")
        case .declined: Message("aid.allocation-status-word.declined", "declined")
        case .superseded: Message("aid.allocation-status-word.superseded", "superseded")
        }
    }
}

package enum AllocationDecision: String, Codable, CaseIterable, Sendable {
    case accepted, declined
}

/// Which of an allocation's two cities acts.
package enum AllocationSide: String, Codable, CaseIterable, Sendable {
    case offerer, requester

    /// The side inside a sentence.
    package var message: Message {
        switch self {
        case .offerer: Message("aid.side.offerer", "offering city")
        case .requester: Message("aid.side.requester", "requesting city")
        }
    }
}
