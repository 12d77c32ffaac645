import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

/// What search reads: the text index of practices, each database's own
/// (see ``PracticeSearchIndex``), and `practice_facets`, a narrow copy of
/// what search filters and counts. Practices are wide rows (their long
/// text spills into overflow pages); counting facets over thousands of
/// matches must not read them.
package struct CreatePracticeSearchIndex: LandedMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema("practice_facets")
            .field(
                "practice_id", .int, .identifier(auto: false), .references(Practice.schema, "id", onDelete: .cascade)
            )
            .field("city_id", .int, .required)
            // The city's country and population as of the practice's last
            // save, so that counting matches by region, income group and size
            // reads no city row (a size band moves only when GeoNames does).
            .field("country_code", .string, .required)
            .field("population", .int, .required)
            .field("original_id", .int)
            .field("published_at", .datetime)
            .field("stage", .string, .required)
            .field("language", .string, .required)
            .field("theme_mask", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX practice_facets_published ON practice_facets (published_at)").run()
        try await sql.raw("CREATE INDEX practice_facets_city ON practice_facets (city_id)").run()
        for statement in PracticeSearch.index(for: sql).createStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for statement in PracticeSearch.index(for: sql).dropStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await database.schema("practice_facets").delete()
    }
}
