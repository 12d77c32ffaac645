import CityweaveCore
import Fluent
import Vapor

/// A city adapting another city's practice, from first interest to result.
final class PracticeTransfer: Model, @unchecked Sendable {
    static let schema = "practice_transfers"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The stage of the latest step.
    @Enum(key: "stage") var stage: TransferStage
    /// The practice's city cites this transfer as evidence that the practice travels.
    @Field(key: "counts_as_evidence") var countsAsEvidence: Bool
    @Field(key: "is_example") var isExample: Bool

    // relationships
    @Parent(key: "practice_id") var practice: Practice
    /// The adapting city.
    @Parent(key: "city_id") var city: City
    @Children(for: \.$transfer) var steps: [TransferStep]

    init() {}
}

/// One move of a transfer: the stage reached, when, and what the city
/// changed for its own context.
final class TransferStep: Model, @unchecked Sendable {
    static let schema = "practice_transfer_steps"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Enum(key: "stage") var stage: TransferStage
    /// The day the stage was reached, "YYYY-MM-DD".
    @Field(key: "date") var date: String
    @Field(key: "notes") var notes: String

    // relationships
    @Parent(key: "transfer_id") var transfer: PracticeTransfer
    @OptionalParent(key: "recorded_by_id") var recordedBy: User?

    init() {}
}
