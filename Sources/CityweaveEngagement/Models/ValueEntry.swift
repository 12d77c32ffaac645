import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import Fluent
import Vapor

/// Something an engagement gave the city: knowledge, funding, a voice
/// heard, help, a partner, visibility; rated, and linked to the record it produced.
package final class ValueEntry: Model, @unchecked Sendable {
    package static let schema = "engagement_value_entries"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    /// "YYYY-MM-DD".
    @Field(key: "date") package var date: String
    @Enum(key: "kind") package var kind: ValueKind
    /// 1 (little) to 5 (a great deal).
    @Field(key: "rating") package var rating: Int
    @Field(key: "note") package var note: String
    /// A path on this site (`/practices/12`) or a web address.
    @Field(key: "link") package var link: String
    @Field(key: "is_example") package var isExample: Bool

    // relationships
    @Parent(key: "engagement_id") package var engagement: Engagement
    @OptionalParent(key: "recorded_by_id") package var recordedBy: User?

    package init() {}
}

package enum ValueKind: String, Codable, CaseIterable, Sendable {
    case knowledge, funding, advocacy
    case materialHelp = "material_help"
    case partnership, visibility

    package var label: Message {
        switch self {
        case .knowledge: Message("engagement.value-kind.knowledge", "Knowledge")
        case .funding: Message("engagement.value-kind.funding", "Funding")
        case .advocacy: Message("engagement.value-kind.advocacy", "Advocacy")
        case .materialHelp: Message("engagement.value-kind.material-help", "Material help")
        case .partnership: Message("engagement.value-kind.partnership", "Partnership")
        case .visibility: Message("engagement.value-kind.visibility", "Visibility")
        }
    }
}
