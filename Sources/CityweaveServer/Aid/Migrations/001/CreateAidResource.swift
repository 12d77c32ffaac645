import Fluent

struct CreateAidResource: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AidResource.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("category", .string, .required)
            .unique(on: "code")
            .create()
        try await AidCatalogue.base.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AidResource.schema).delete()
    }
}
