import CityweaveShared
import Fluent

package struct CreateInvitation: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Invitation.schema)
            .id()
            .field("created_at", .datetime)
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("role", .string)
            .field("is_platform_admin", .bool, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            // The directory's tables, by the names they landed with: the accounts stand below the directory.
            .field("city_id", .int, .references("cities", "id"))
            .field("network_id", .int, .references("networks", "id"))
            .field("invited_by_id", .uuid, .references(User.schema, "id"))
            .unique(on: "token_hash")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Invitation.schema).delete()
    }
}
