import Fluent
import Vapor

/// One place where a city spends its international effort: a network
/// membership, a working group, a programme or a partnership, with who
/// carries it and what it takes.
final class Engagement: Model, @unchecked Sendable {
    static let schema = "engagements"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Enum(key: "kind") var kind: EngagementKind
    /// The political sponsor ("Mayor", "Deputy Mayor for Health"), as the city names them.
    @Field(key: "sponsor") var sponsor: String
    @Enum(key: "level") var level: EngagementLevel
    @Field(key: "hours_per_month") var hoursPerMonth: Double
    @Field(key: "yearly_fee") var yearlyFee: Double
    @Field(key: "objectives") var objectives: String
    @Enum(key: "status") var status: EngagementStatus
    /// What the next owner needs to know: contacts, commitments, where the files are.
    @Field(key: "handover_notes") var handoverNotes: String
    @Field(key: "is_example") var isExample: Bool

    // relationships
    @Parent(key: "city_id") var city: City
    @OptionalParent(key: "network_id") var network: Network?
    /// The bilateral tie a partnership engagement carries, when the directory records it.
    @OptionalParent(key: "partnership_id") var partnership: Partnership?
    @OptionalParent(key: "owner_id") var owner: User?
    @OptionalParent(key: "backup_id") var backup: User?
    @Children(for: \.$engagement) var valueEntries: [ValueEntry]

    init() {}

    /// Not ended: someone must carry it.
    var needsCarrying: Bool { status != .ended }
}

enum EngagementKind: String, Codable, CaseIterable, Sendable {
    case membership
    case workingGroup = "working_group"
    case programme, partnership

    var label: String {
        switch self {
        case .membership: "Membership"
        case .workingGroup: "Working group"
        case .programme: "Programme"
        case .partnership: "Partnership"
        }
    }
}

/// Who the engagement needs: political weight, a senior adviser, technical
/// expertise, or a partner beyond city hall (a university, a utility).
enum EngagementLevel: String, Codable, CaseIterable, Sendable {
    case political
    case seniorAdviser = "senior_adviser"
    case technical
    case externalPartner = "external_partner"

    var label: String {
        switch self {
        case .political: "Political"
        case .seniorAdviser: "Senior adviser"
        case .technical: "Technical"
        case .externalPartner: "Partner outside city hall"
        }
    }
}

enum EngagementStatus: String, Codable, CaseIterable, Sendable {
    case planned, active, paused, ended

    var label: String { rawValue.capitalized }

    /// What takes the city's hours and budget now: not what is only planned, nor what ended.
    static let drawingOnCapacity: [EngagementStatus] = [.active, .paused]

    var drawsOnCapacity: Bool { Self.drawingOnCapacity.contains(self) }
}
