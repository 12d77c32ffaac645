import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent

package struct CreateCityStrategy: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CityStrategy.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("revision", .int, .required)
            .field("priorities", .array(of: .json), .required)
            .field("objectives", .string, .required)
            .field("hours_per_month", .double, .required)
            .field("yearly_budget", .double, .required)
            .field("cost_per_hour", .double, .required)
            .field("currency", .string, .required)
            .field("review_on", .string)
            .field("new_engagement_hours", .double, .required)
            .field("new_engagement_fee", .double, .required)
            .field("shares_value_ratings", .bool, .required)
            .field("author_name", .string, .required)
            .field("is_example", .bool, .required)
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            // Two editors saving at once cannot both write revision n + 1.
            .unique(on: "city_id", "revision")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CityStrategy.schema).delete()
    }
}
