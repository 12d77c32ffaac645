import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreateCountry: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Country.schema)
            .field("iso2", .string, .identifier(auto: false))
            .field("iso3", .string, .required)
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("subregion", .string, .required)
            .field("income_group", .string, .required)
            .field("continent", .string, .required)
            .field("population", .int64, .required)
            .field("capital_city_id", .int)
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Country.schema).delete()
    }
}
