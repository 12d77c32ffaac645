import CityweaveAccounts
import CityweaveDirectory
import Fluent
import Vapor

/// A network's label on a practice it reviewed, with its checklist.
package final class PracticeReview: Model, @unchecked Sendable {
    package static let schema = "practice_reviews"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Field(key: "reviewed_at") package var reviewedAt: Date

    // data fields
    /// The sections that were empty when the network reviewed the practice.
    @Field(key: "missing_sections") package var missingSections: [String]
    @Field(key: "readable_alone") package var readableAlone: Bool
    @Field(key: "evidence_given") package var evidenceGiven: Bool
    @Field(key: "comment") package var comment: String
    /// Kept apart from the user, so the label still names its reviewer after the account is gone.
    @Field(key: "reviewer_name") package var reviewerName: String

    // relationships
    @Parent(key: "practice_id") package var practice: Practice
    @Parent(key: "network_id") package var network: Network
    @OptionalParent(key: "reviewer_id") package var reviewer: User?

    package init() {}
}
