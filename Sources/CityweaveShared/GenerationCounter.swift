import SQLKit

/// A table of one number, `<name>_generation`, that the database itself
/// moves on whenever a watched table (or one of its watched columns)
/// changes, whoever writes: the server, an import run from the command
/// line, an operator's SQL. A module that holds what it reads of those
/// tables in memory (see ``GenerationCache``) reads them again when the
/// number it reads is not the one it read them at.
package struct GenerationCounter {
    /// The counter's name: its table is `<name>_generation`.
    package var name: String
    /// The tables that move the number on, and the columns that do (every change of the table when nil).
    package var watched: [(table: String, columns: [String]?)]

    package var table: String { "\(name)_generation" }

    package init(name: String, watched: [(table: String, columns: [String]?)]) {
        self.name = name
        self.watched = watched
    }

    private var bump: String { "UPDATE \(table) SET generation = generation + 1" }

    package func create(on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE \(unsafeRaw: table) (generation BIGINT NOT NULL)").run()
        // A random start, so that what was read from another database (tests
        // make a fresh one each time) is never taken for this one's.
        try await sql.raw(
            "INSERT INTO \(unsafeRaw: table) (generation) VALUES (\(literal: Int.random(in: 1...(1 << 48))))"
        ).run()
        if sql.dialect.name == "postgresql" {
            // The triggers wait for the commit (constraint triggers, deferred)
            // and the function moves the number on once per transaction. Its
            // row is then locked last, by a transaction that already holds
            // every other lock it needs: a long import and an edit of one of
            // its rows never wait for each other in a circle.
            try await sql.raw(
                """
                CREATE FUNCTION \(unsafeRaw: name)_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('cityweave.\(unsafeRaw: name)_changed', true) IS DISTINCT FROM 'yes' THEN
                        PERFORM set_config('cityweave.\(unsafeRaw: name)_changed', 'yes', true);
                        \(unsafeRaw: bump);
                    END IF;
                    RETURN NULL;
                END $$
                """
            ).run()
            for (table, columns) in watched {
                let firing = columns.map { "UPDATE OF \($0.joined(separator: ", "))" } ?? "INSERT OR UPDATE OR DELETE"
                try await sql.raw(
                    """
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: table)_\(unsafeRaw: name) AFTER \(unsafeRaw: firing)
                    ON \(unsafeRaw: table) DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: name)_changed()
                    """
                ).run()
                // Emptying a table fires no row trigger.
                if columns == nil {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: table)_truncated_\(unsafeRaw: name) AFTER TRUNCATE
                        ON \(unsafeRaw: table) FOR EACH STATEMENT EXECUTE FUNCTION \(unsafeRaw: name)_changed()
                        """
                    ).run()
                }
            }
        } else {
            // SQLite writes one transaction at a time, and deletes row by row
            // from a table with triggers: plain row triggers suffice.
            for (table, columns) in watched {
                let firings =
                    columns.map { ["UPDATE OF \($0.joined(separator: ", "))"] } ?? ["INSERT", "UPDATE", "DELETE"]
                for firing in firings {
                    let trigger = "\(table)_\(firing.split(separator: " ")[0].lowercased())_\(name)"
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: trigger) AFTER \(unsafeRaw: firing) ON \(unsafeRaw: table)
                        BEGIN \(unsafeRaw: bump); END
                        """
                    ).run()
                }
            }
        }
    }

    package func drop(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            for (table, _) in watched {
                for trigger in ["\(table)_\(name)", "\(table)_truncated_\(name)"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger) ON \(unsafeRaw: table)").run()
                }
            }
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: name)_changed()").run()
        } else {
            for (table, _) in watched {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw(
                        "DROP TRIGGER IF EXISTS \(unsafeRaw: table)_\(unsafeRaw: event)_\(unsafeRaw: name)"
                    )
                    .run()
                }
            }
        }
        try await sql.raw("DROP TABLE \(unsafeRaw: table)").run()
    }

    /// The number as it is now.
    package func current(on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT generation FROM \(unsafeRaw: table)").first()?
            .decode(column: "generation", as: Int.self) ?? 0
    }
}
