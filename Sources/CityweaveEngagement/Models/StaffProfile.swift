import CityweaveAccounts
import CityweaveShared
import Fluent
import Vapor

/// What a city's staff member brings to its engagements: languages,
/// expertise and training, kept so that continuity does not depend on memory.
package final class StaffProfile: Model, @unchecked Sendable {
    package static let schema = "staff_profiles"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @Field(key: "languages") package var languages: [String]
    @Field(key: "expertise") package var expertise: [String]
    @Field(key: "training") package var training: [TrainingRecord]

    // relationships
    @Parent(key: "user_id") package var user: User

    package init() {}
}

/// A course or programme a staff member completed.
package struct TrainingRecord: Codable, Sendable, Equatable {
    package var title: String
    package var year: Int
    package var provider: String
}
