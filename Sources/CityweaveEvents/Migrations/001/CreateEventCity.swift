import CityweaveDirectory
import Fluent
import FluentSQL

package struct CreateEventCity: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(EventCity.schema)
            .field("id", .int, .identifier(auto: true))
            .field("event_id", .int, .required, .references(Event.schema, "id", onDelete: .cascade))
            .field("city_id", .int, .required, .references(City.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "event_id", "city_id", "role")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX event_cities_city ON event_cities (city_id, role)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(EventCity.schema).delete()
    }
}
