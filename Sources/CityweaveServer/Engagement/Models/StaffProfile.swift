import Fluent
import Vapor

/// What a city's staff member brings to its engagements: languages,
/// expertise and training, kept so that continuity does not depend on memory.
final class StaffProfile: Model, @unchecked Sendable {
    static let schema = "staff_profiles"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "languages") var languages: [String]
    @Field(key: "expertise") var expertise: [String]
    @Field(key: "training") var training: [TrainingRecord]

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}
}

/// A course or programme a staff member completed.
struct TrainingRecord: Codable, Sendable, Equatable {
    var title: String
    var year: Int
    var provider: String
}
