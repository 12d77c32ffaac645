import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// A city adapting another city's practice, from first interest to result.
package final class PracticeTransfer: Model, @unchecked Sendable {
    package static let schema = "practice_transfers"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    /// The stage of the latest step.
    @Enum(key: "stage") package var stage: TransferStage
    /// The practice's city cites this transfer as evidence that the practice travels.
    @Field(key: "counts_as_evidence") package var countsAsEvidence: Bool
    @Field(key: "is_example") package var isExample: Bool

    // relationships
    @Parent(key: "practice_id") package var practice: Practice
    /// The adapting city.
    @Parent(key: "city_id") package var city: City
    @Children(for: \.$transfer) package var steps: [TransferStep]

    package init() {}
}

/// One move of a transfer: the stage reached, when, and what the city
/// changed for its own context.
package final class TransferStep: Model, @unchecked Sendable {
    package static let schema = "practice_transfer_steps"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Enum(key: "stage") package var stage: TransferStage
    /// The day the stage was reached, "YYYY-MM-DD".
    @Field(key: "date") package var date: String
    @Field(key: "notes") package var notes: String

    // relationships
    @Parent(key: "transfer_id") package var transfer: PracticeTransfer
    @OptionalParent(key: "recorded_by_id") package var recordedBy: User?

    package init() {}
}
