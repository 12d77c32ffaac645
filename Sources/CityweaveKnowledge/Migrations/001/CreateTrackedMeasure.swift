import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit

package struct CreateTrackedMeasure: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(TrackedMeasure.schema)
            .field("id", .int, .identifier(auto: true))
            .field("date", .string, .required)
            .field("category_code", .string, .required)
            .field("category_name", .string, .required)
            .field("score", .double)
            .field("targeted", .bool)
            .field("note", .string, .required)
            .field("source_url", .string)
            .field("tracker", .string, .required)
            .field("tracker_place_code", .string, .required)
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            // Importing the same file again updates rather than repeats.
            .unique(on: "tracker", "tracker_place_code", "date", "category_code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX tracked_measures_city ON tracked_measures (city_id, date)").run()
        try await sql.raw("CREATE INDEX tracked_measures_category ON tracked_measures (category_code, date)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(TrackedMeasure.schema).delete()
    }
}
