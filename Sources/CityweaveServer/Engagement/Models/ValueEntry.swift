import Fluent
import Vapor

/// Something an engagement gave the city: knowledge, funding, a voice
/// heard, help, a partner, visibility; rated, and linked to the record it produced.
final class ValueEntry: Model, @unchecked Sendable {
    static let schema = "engagement_value_entries"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// "YYYY-MM-DD".
    @Field(key: "date") var date: String
    @Enum(key: "kind") var kind: ValueKind
    /// 1 (little) to 5 (a great deal).
    @Field(key: "rating") var rating: Int
    @Field(key: "note") var note: String
    /// A path on this site (`/practices/12`) or a web address.
    @Field(key: "link") var link: String
    @Field(key: "is_example") var isExample: Bool

    // relationships
    @Parent(key: "engagement_id") var engagement: Engagement
    @OptionalParent(key: "recorded_by_id") var recordedBy: User?

    init() {}
}

enum ValueKind: String, Codable, CaseIterable, Sendable {
    case knowledge, funding, advocacy
    case materialHelp = "material_help"
    case partnership, visibility

    var label: String {
        switch self {
        case .materialHelp: "Material help"
        default: rawValue.capitalized
        }
    }
}
