import Fluent
import SQLKit

/// `practice_facets_generation`: one number that the database itself moves
/// on whenever what search counts changes (a practice's facets, a review,
/// a country's region or income group), whoever writes: the server, an
/// import run from the command line, an operator's SQL. The server keeps
/// the facets in memory (``PracticeFacetCache``) and reloads them when the
/// number it reads with a search is not the one it loaded them at.
struct CreatePracticeFacetGeneration: AsyncMigration {
    /// The tables and changes that move the generation on.
    private static let watched: [(table: String, columns: [String]?)] = [
        ("practice_facets", nil), ("practice_reviews", nil), ("countries", ["region", "income_group"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE TABLE practice_facets_generation (generation BIGINT NOT NULL)").run()
        // A random start, so that a cache loaded from another database (tests
        // make a fresh one each time) never takes this one's number for its own.
        try await sql.raw(
            "INSERT INTO practice_facets_generation (generation) VALUES (\(literal: Int.random(in: 1...(1 << 48))))"
        ).run()
        let bump = "UPDATE practice_facets_generation SET generation = generation + 1"
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION practice_facets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN \(unsafeRaw: bump); RETURN NULL; END $$
                """
            ).run()
            for (table, columns) in Self.watched {
                let events = columns.map { "UPDATE OF \($0.joined(separator: ", "))" } ?? "INSERT OR UPDATE OR DELETE"
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_facets_changed AFTER \(unsafeRaw: events) ON \(unsafeRaw: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION practice_facets_changed()
                    """
                ).run()
            }
        } else {
            for (table, columns) in Self.watched {
                let events =
                    columns.map { ["UPDATE OF \($0.joined(separator: ", "))"] } ?? ["INSERT", "UPDATE", "DELETE"]
                for event in events {
                    let name = "\(table)_\(event.split(separator: " ")[0].lowercased())_facets_changed"
                    try await sql.raw(
                        "CREATE TRIGGER \(unsafeRaw: name) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table) BEGIN \(unsafeRaw: bump); END"
                    ).run()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            for (table, _) in Self.watched {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_facets_changed ON \(unsafeRaw: table)")
                    .run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS practice_facets_changed()").run()
        } else {
            for (table, _) in Self.watched {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_\(unsafeRaw: event)_facets_changed")
                        .run()
                }
            }
        }
        try await sql.raw("DROP TABLE practice_facets_generation").run()
    }
}
