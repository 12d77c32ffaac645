import Fluent
import SQLKit

/// The tables search reads besides `practices`: the text index (each
/// database's own, see ``PracticeSearchIndex``) and the themes, one row each.
struct CreatePracticeSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE practice_themes (
                practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
                theme TEXT NOT NULL,
                PRIMARY KEY (practice_id, theme))
            """
        ).run()
        try await sql.raw("CREATE INDEX practice_themes_theme ON practice_themes (theme, practice_id)").run()
        for statement in PracticeSearch.index(for: sql).createStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for statement in PracticeSearch.index(for: sql).dropStatements {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await sql.raw("DROP TABLE IF EXISTS practice_themes").run()
    }
}
