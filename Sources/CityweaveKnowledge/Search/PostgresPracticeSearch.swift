import CityweaveAccounts
import CityweaveCore
import SQLKit

package struct PostgresPracticeSearch: PracticeSearchIndex {
    package var createStatements: [String] {
        [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            """
            CREATE TABLE practice_search (
                practice_id INTEGER PRIMARY KEY REFERENCES practices (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                document TEXT GENERATED ALWAYS AS (title || ' ' || body) STORED,
                vector TSVECTOR GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED)
            """,
            "CREATE INDEX practice_search_trgm ON practice_search USING gin (document gin_trgm_ops)",
        ]
    }

    package var dropStatements: [String] { ["DROP TABLE IF EXISTS practice_search"] }

    package func store(practiceID: Int, title: String, body: String, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO practice_search (practice_id, title, body)
            VALUES (\(bind: practiceID), \(bind: title), \(bind: body))
            """
        ).run()
    }

    package func remove(practiceID: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM practice_search WHERE practice_id = \(bind: practiceID)").run()
    }

    package func matches(_ terms: SearchTerms) -> SQLQueryString {
        // pg_trgm's index answers LIKE on any term of three characters or
        // more; ts_rank orders by whole-word hits, title words weighing most.
        // Folded terms hold only letters and digits, never a LIKE wildcard.
        var conditions: SQLQueryString = "TRUE"
        for term in terms.terms {
            conditions = "\(conditions) AND document LIKE \(bind: "%" + term + "%")"
        }
        let words = terms.terms.joined(separator: " ")
        return """
            SELECT practice_id, -ts_rank(vector, plainto_tsquery('simple', \(bind: words)))::float8 AS rank
            FROM practice_search WHERE \(conditions)
            """
    }
}
