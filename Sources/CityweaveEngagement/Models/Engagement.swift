import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// One place where a city spends its international effort: a network
/// membership, a working group, a programme or a partnership, with who
/// carries it and what it takes.
package final class Engagement: Model, @unchecked Sendable {
    package static let schema = "engagements"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @Field(key: "title") package var title: String
    @Enum(key: "kind") package var kind: EngagementKind
    /// The political sponsor ("Mayor", "Deputy Mayor for Health"), as the city names them.
    @Field(key: "sponsor") package var sponsor: String
    @Enum(key: "level") package var level: EngagementLevel
    @Field(key: "hours_per_month") package var hoursPerMonth: Double
    @Field(key: "yearly_fee") package var yearlyFee: Double
    @Field(key: "objectives") package var objectives: String
    @Enum(key: "status") package var status: EngagementStatus
    /// What the next owner needs to know: contacts, commitments, where the files are.
    @Field(key: "handover_notes") package var handoverNotes: String
    @Field(key: "is_example") package var isExample: Bool

    // relationships
    @Parent(key: "city_id") package var city: City
    @OptionalParent(key: "network_id") package var network: Network?
    /// The bilateral tie a partnership engagement carries, when the directory records it.
    @OptionalParent(key: "partnership_id") package var partnership: Partnership?
    @OptionalParent(key: "owner_id") package var owner: User?
    @OptionalParent(key: "backup_id") package var backup: User?
    @Children(for: \.$engagement) package var valueEntries: [ValueEntry]

    package init() {}

    /// Not ended: someone must carry it.
    package var needsCarrying: Bool { status != .ended }
}

package enum EngagementKind: String, Codable, CaseIterable, Sendable {
    case membership
    case workingGroup = "working_group"
    case programme, partnership

    package var label: Message {
        switch self {
        case .membership: Message("engagement.kind.membership", "Membership")
        case .workingGroup: Message("engagement.kind.working-group", "Working group")
        case .programme: Message("engagement.kind.programme", "Programme")
        case .partnership: Message("engagement.kind.partnership", "Partnership")
        }
    }
}

/// Who the engagement needs: political weight, a senior adviser, technical
/// expertise, or a partner beyond city hall (a university, a utility).
package enum EngagementLevel: String, Codable, CaseIterable, Sendable {
    case political
    case seniorAdviser = "senior_adviser"
    case technical
    case externalPartner = "external_partner"

    package var label: Message {
        switch self {
        case .political: Message("engagement.level.political", "Political")
        case .seniorAdviser: Message("engagement.level.senior-adviser", "Senior adviser")
        case .technical: Message("engagement.level.technical", "Technical")
        case .externalPartner: Message("engagement.level.external-partner", "Partner outside city hall")
        }
    }
}

package enum EngagementStatus: String, Codable, CaseIterable, Sendable {
    case planned, active, paused, ended

    package var label: Message {
        switch self {
        case .planned: Message("engagement.status.planned", "Planned")
        case .active: Message("engagement.status.active", "Active")
        case .paused: Message("engagement.status.paused", "Paused")
        case .ended: Message("engagement.status.ended", "Ended")
        }
    }

    /// What takes the city's hours and budget now: not what is only planned, nor what ended.
    package static let drawingOnCapacity: [EngagementStatus] = [.active, .paused]

    package var drawsOnCapacity: Bool { Self.drawingOnCapacity.contains(self) }
}
