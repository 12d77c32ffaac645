import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

/// The names search looks in: every name of every city (alternates in all
/// scripts included), network, person and country, folded (``NameKey``),
/// with the index each database offers for finding them inside words.
package struct CreateDirectoryNames: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(DirectoryName.schema)
            .field("id", .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("city_id", .int, .references(City.schema, "id", onDelete: .cascade))
            .field("network_id", .int, .references(Network.schema, "id", onDelete: .cascade))
            .field("person_id", .int, .references(Person.schema, "id", onDelete: .cascade))
            .field("country_code", .string)
            .field("name", .string, .required)
            .field("key", .string, .required)
            .field("weight", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        for statement in DirectorySearch.index(for: sql).indexStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        for column in ["city_id", "network_id", "person_id"] {
            try await sql.raw(
                "CREATE INDEX \(ident: "directory_names_" + column) ON directory_names (\(ident: column))"
            )
            .run()
        }
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for statement in DirectorySearch.index(for: sql).dropStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await database.schema(DirectoryName.schema).delete()
    }
}
