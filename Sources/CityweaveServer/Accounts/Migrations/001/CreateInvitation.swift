import Fluent

struct CreateInvitation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Invitation.schema)
            .id()
            .field("created_at", .datetime)
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("role", .string)
            .field("is_platform_admin", .bool, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("city_id", .int, .references(City.schema, "id"))
            .field("network_id", .int, .references(Network.schema, "id"))
            .field("invited_by_id", .uuid, .references(User.schema, "id"))
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Invitation.schema).delete()
    }
}
