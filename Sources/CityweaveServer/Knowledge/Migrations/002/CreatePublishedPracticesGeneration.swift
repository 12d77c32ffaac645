import Fluent
import SQLKit

/// `published_practices_generation`: one number that the database itself
/// moves on whenever what search counts or recommendations compare changes
/// (a practice's facets, a review, a transfer, a city's or a country's
/// profile), whoever writes: the server, an import run from the command
/// line, an operator's SQL. The server keeps the published practices in
/// memory (``PublishedPractices``) and reads them again when the number it
/// reads is not the one it read them at.
struct CreatePublishedPracticesGeneration: AsyncMigration {
    /// The tables that move the generation on, and the columns that do
    /// (every change of the table when nil).
    private static let watched: [(table: String, columns: [String]?)] = [
        ("practice_facets", nil), ("practice_reviews", nil), ("practice_transfers", nil),
        (
            "cities",
            [
                "population", "country_code", "form_of_government", "fiscal_autonomy", "international_staff",
                "working_languages",
            ]
        ),
        ("countries", ["region", "subregion", "income_group"]),
    ]

    private static let bump = "UPDATE published_practices_generation SET generation = generation + 1"

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE TABLE published_practices_generation (generation BIGINT NOT NULL)").run()
        // A random start, so that what was read from another database (tests
        // make a fresh one each time) is never taken for this one's.
        try await sql.raw(
            "INSERT INTO published_practices_generation (generation) VALUES (\(literal: Int.random(in: 1...(1 << 48))))"
        ).run()
        if sql.dialect.name == "postgresql" {
            // The triggers wait for the commit (constraint triggers, deferred)
            // and the function moves the number on once per transaction. Its
            // row is then locked last, by a transaction that already holds
            // every other lock it needs: a long import and an edit of one of
            // its cities never wait for each other in a circle.
            try await sql.raw(
                """
                CREATE FUNCTION published_practices_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('cityweave.published_practices_changed', true) IS DISTINCT FROM 'yes' THEN
                        PERFORM set_config('cityweave.published_practices_changed', 'yes', true);
                        \(unsafeRaw: Self.bump);
                    END IF;
                    RETURN NULL;
                END $$
                """
            ).run()
            for (table, columns) in Self.watched {
                let events = columns.map { "UPDATE OF \($0.joined(separator: ", "))" } ?? "INSERT OR UPDATE OR DELETE"
                try await sql.raw(
                    """
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: table)_published_practices AFTER \(unsafeRaw: events)
                    ON \(unsafeRaw: table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION published_practices_changed()
                    """
                ).run()
                // Emptying a table fires no row trigger.
                if columns == nil {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: table)_truncated_published_practices AFTER TRUNCATE
                        ON \(unsafeRaw: table) FOR EACH STATEMENT EXECUTE FUNCTION published_practices_changed()
                        """
                    ).run()
                }
            }
        } else {
            // SQLite writes one transaction at a time, and deletes row by row
            // from a table with triggers: plain row triggers suffice.
            for (table, columns) in Self.watched {
                let events =
                    columns.map { ["UPDATE OF \($0.joined(separator: ", "))"] } ?? ["INSERT", "UPDATE", "DELETE"]
                for event in events {
                    let name = "\(table)_\(event.split(separator: " ")[0].lowercased())_published_practices"
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: name) AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                        BEGIN \(unsafeRaw: Self.bump); END
                        """
                    ).run()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            for (table, _) in Self.watched {
                for name in ["\(table)_published_practices", "\(table)_truncated_published_practices"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name) ON \(unsafeRaw: table)").run()
                }
            }
            try await sql.raw("DROP FUNCTION IF EXISTS published_practices_changed()").run()
        } else {
            for (table, _) in Self.watched {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw(
                        "DROP TRIGGER IF EXISTS \(unsafeRaw: table)_\(unsafeRaw: event)_published_practices"
                    ).run()
                }
            }
        }
        try await sql.raw("DROP TABLE published_practices_generation").run()
    }
}
