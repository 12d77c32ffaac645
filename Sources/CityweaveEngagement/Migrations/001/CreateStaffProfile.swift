import CityweaveAccounts
import CityweaveShared
import Fluent

package struct CreateStaffProfile: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(StaffProfile.schema)
            .field("id", .int, .identifier(auto: true))
            .field("updated_at", .datetime)
            .field("languages", .array(of: .string), .required)
            .field("expertise", .array(of: .string), .required)
            .field("training", .array(of: .json), .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "user_id")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StaffProfile.schema).delete()
    }
}
