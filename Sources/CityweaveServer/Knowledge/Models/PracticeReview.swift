import Fluent
import Vapor

/// A network's label on a practice it reviewed, with its checklist.
final class PracticeReview: Model, @unchecked Sendable {
    static let schema = "practice_reviews"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "reviewed_at") var reviewedAt: Date

    // data fields
    /// The sections that were empty when the network reviewed the practice.
    @Field(key: "missing_sections") var missingSections: [String]
    @Field(key: "readable_alone") var readableAlone: Bool
    @Field(key: "evidence_given") var evidenceGiven: Bool
    @Field(key: "comment") var comment: String
    /// Kept apart from the user, so the label still names its reviewer after the account is gone.
    @Field(key: "reviewer_name") var reviewerName: String

    // relationships
    @Parent(key: "practice_id") var practice: Practice
    @Parent(key: "network_id") var network: Network
    @OptionalParent(key: "reviewer_id") var reviewer: User?

    init() {}
}
