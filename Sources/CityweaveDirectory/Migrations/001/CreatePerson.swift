import CityweaveAccounts
import CityweaveShared
import Fluent

package struct CreatePerson: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(Person.schema)
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("name", .string, .required)
            .field("role_title", .string, .required)
            .field("city_id", .int, .references(City.schema, "id", onDelete: .cascade))
            .field("network_id", .int, .references(Network.schema, "id", onDelete: .cascade))
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Person.schema).delete()
    }
}
