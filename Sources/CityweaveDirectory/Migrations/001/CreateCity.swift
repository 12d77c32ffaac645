import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreateCity: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(City.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("geonameid", .int)
            .field("name", .string, .required)
            .field("country_code", .string, .required, .references(Country.schema, "iso2"))
            .field("admin1_code", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("population", .int64, .required)
            .field("verified", .bool, .required)
            .field("form_of_government", .string)
            .field("fiscal_autonomy", .string)
            .field("international_budget_share", .double)
            .field("international_staff", .int)
            .field("working_languages", .array(of: .string), .required)
            .unique(on: "geonameid")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX cities_country_population ON cities (country_code, population)").run()
        try await sql.raw("CREATE INDEX cities_population ON cities (population)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(City.schema).delete()
    }
}
