import CityweaveAccounts
import CityweaveCore
import SQLKit

package struct SQLitePracticeSearch: PracticeSearchIndex {
    package var createStatements: [String] {
        ["CREATE VIRTUAL TABLE practices_fts USING fts5(title, body, tokenize='trigram')"]
    }

    package var dropStatements: [String] { ["DROP TABLE IF EXISTS practices_fts"] }

    package func store(practiceID: Int, title: String, body: String, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            "INSERT INTO practices_fts (rowid, title, body) VALUES (\(bind: practiceID), \(bind: title), \(bind: body))"
        ).run()
    }

    package func remove(practiceID: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM practices_fts WHERE rowid = \(bind: practiceID)").run()
    }

    package func matches(_ terms: SearchTerms) -> SQLQueryString {
        // Terms too short for a trigram are checked by LIKE, which scans;
        // folded terms hold only letters and digits, never a LIKE wildcard.
        var short: SQLQueryString = ""
        for term in terms.scannedTerms {
            short = "\(short) AND (title LIKE \(bind: "%" + term + "%") OR body LIKE \(bind: "%" + term + "%"))"
        }
        guard let phrase = terms.fts5Query else {
            return
                "SELECT rowid AS practice_id, CAST(0 AS DOUBLE PRECISION) AS rank FROM practices_fts WHERE 1 = 1\(short)"
        }
        // bm25 is negative, better matches more so; a title hit counts four times a body hit.
        return """
            SELECT rowid AS practice_id, bm25(practices_fts, 4.0, 1.0) AS rank FROM practices_fts
            WHERE practices_fts MATCH \(bind: phrase)\(short)
            """
    }
}
