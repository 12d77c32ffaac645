import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent

package struct CreatePortfolioPlan: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(PortfolioPlan.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("name", .string, .required)
            .field("strategy_revision", .int)
            .field("advice", .json, .required)
            .field("author_name", .string, .required)
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PortfolioPlan.schema).delete()
    }
}
