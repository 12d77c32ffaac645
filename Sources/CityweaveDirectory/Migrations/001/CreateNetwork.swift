import CityweaveAccounts
import CityweaveShared
import Fluent

package struct CreateNetwork: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Network.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("acronym", .string, .required)
            .field("founded", .int)
            .field("scope", .string, .required)
            .field("region", .string, .required)
            .field("themes", .array(of: .string), .required)
            .field("website", .string, .required)
            .field("source", .string, .required)
            .field("description", .string, .required)
            .field("secretariat_city_id", .int, .references(City.schema, "id", onDelete: .setNull))
            .unique(on: "slug")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Network.schema).delete()
    }
}
