import CityweaveShared
import Fluent
import SQLKit

package struct CreateUser: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string)
            .field("is_platform_admin", .bool, .required)
            .field("role", .string)
            .field("contact_for", .string, .required)
            .field("deactivated_at", .datetime)
            // The directory's tables, by the names they landed with: the accounts stand below the directory.
            .field("city_id", .int, .references("cities", "id"))
            .field("network_id", .int, .references("networks", "id"))
            .unique(on: "email")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX users_city ON users (city_id)").run()
        try await sql.raw("CREATE INDEX users_network ON users (network_id)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
