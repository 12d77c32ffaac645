import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreatePartnership: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Partnership.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("city_a_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("city_b_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("since", .int)
            .field("source", .string, .required)
            .unique(on: "city_a_id", "city_b_id", "kind")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX partnerships_city_b ON partnerships (city_b_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Partnership.schema).delete()
    }
}
