import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// An offer of help or a request for it, posted by a city. Both share one
/// table: they carry the same terms, and a matching reads them side by side.
package final class AidPost: Model, @unchecked Sendable {
    package static let schema = "aid_posts"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @Enum(key: "kind") package var kind: AidPostKind
    @Field(key: "quantity") package var quantity: Int
    /// Units held by allocations that a city has accepted and not declined:
    /// changed only by the conditional updates of `AllocationEdits`, which
    /// keep it at most `quantity`.
    @Field(key: "allocated") package var allocated: Int
    /// Offers: the first day the help can leave.
    @OptionalField(key: "available_from") package var availableFrom: String?
    /// Offers: the last day the help can leave.
    @OptionalField(key: "available_until") package var availableUntil: String?
    /// Requests: the day the help is needed by.
    @OptionalField(key: "needed_by") package var neededBy: String?
    @OptionalEnum(key: "urgency") package var urgency: AidUrgency?
    /// Offers: may ship abroad. Requests: accept help from abroad.
    @Field(key: "crosses_borders") package var crossesBorders: Bool
    @OptionalField(key: "max_distance_km") package var maxDistanceKm: Double?
    @Enum(key: "transport_paid_by") package var transportPaidBy: TransportPayer
    @Field(key: "conditions") package var conditions: String
    /// Who to call; shown to signed-in people only.
    @Field(key: "contact") package var contact: String
    @Enum(key: "status") package var status: AidPostStatus
    /// When it stopped being open (withdrawn or fulfilled), for the unmet-need chart.
    @OptionalField(key: "closed_at") package var closedAt: Date?
    @Field(key: "is_example") package var isExample: Bool

    // relationships
    @Parent(key: "city_id") package var city: City
    @Parent(key: "resource_id") package var resource: AidResource
    @OptionalParent(key: "posted_by_id") package var postedBy: User?

    package init() {}

    /// Units still free for a matching.
    package var free: Int { status == .open ? max(0, quantity - allocated) : 0 }
}

package enum AidPostKind: String, Codable, CaseIterable, Sendable {
    case offer, request

    package var label: Message {
        switch self {
        case .offer: Message("aid.post-kind.offer", "offer")
        case .request: Message("aid.post-kind.request", "request")
        }
    }
}

package enum TransportPayer: String, Codable, CaseIterable, Sendable {
    case offerer, requester, shared

    package var label: Message {
        switch self {
        case .offerer: Message("aid.transport.offerer", "the offering city pays transport")
        case .requester: Message("aid.transport.requester", "the requesting city pays transport")
        case .shared: Message("aid.transport.shared", "transport costs shared")
        }
    }
}

package enum AidPostStatus: String, Codable, CaseIterable, Sendable {
    /// Still taking allocations.
    case open
    /// Taken back by its city.
    case withdrawn
    /// A request whose quantity has all been received.
    case fulfilled

    /// The status as a page shows it, also inside a sentence: "The offer 3 is withdrawn already."
    package var label: Message {
        switch self {
        case .open: Message("aid.post-status.open", "open")
        case .withdrawn: Message("aid.post-status.withdrawn", "withdrawn")
        case .fulfilled: Message("aid.post-status.fulfilled", "fulfilled")
        }
    }

    /// In place of the status of a post that no longer exists.
    package static let gone = Message("aid.post-status.gone", "gone")
}

extension AidUrgency {
    /// The urgency as a form offers it.
    package var label: Message {
        switch self {
        case .critical: Message("aid.urgency.critical", "Critical")
        case .high: Message("aid.urgency.high", "High")
        case .medium: Message("aid.urgency.medium", "Medium")
        case .low: Message("aid.urgency.low", "Low")
        }
    }

    /// The urgency inside a sentence: "by 2026-03-01 (critical)".
    package var word: Message {
        switch self {
        case .critical: Message("aid.urgency-word.critical", "critical")
        case .high: Message("aid.urgency-word.high", "high")
        case .medium: Message("aid.urgency-word.medium", "medium")
        case .low: Message("aid.urgency-word.low", "low")
        }
    }
}
