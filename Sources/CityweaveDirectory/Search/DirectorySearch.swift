import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import SQLKit

/// A search over the directory's names.
package struct DirectorySearchQuery: Sendable {
    package static let maximumLength = 100

    /// The folded query (see ``NameKey``).
    package var key: String
    package var kinds: [DirectoryRecord.Kind] = DirectoryRecord.Kind.allCases
    package var countryCode: String?
    package var page: PageParameters
}

/// What a search found: records, best first, and how many there are in all.
package struct DirectorySearchResult: Sendable {
    package var records: [DirectoryRecord]
    package var total: Int
}

/// Name search, implemented with each database's own text index: exact and
/// prefix matches through an ordinary index on the folded key, matches
/// inside a name through SQLite FTS5's trigram tokenizer or PostgreSQL's
/// pg_trgm. Exact matches rank first, then prefixes, then the rest; within
/// each, larger cities and networks first.
package protocol DirectorySearchIndex: Sendable {
    /// Statements that create the index on the `directory_names` table.
    var indexStatements: [String] { get }
    var dropStatements: [String] { get }
    /// A predicate true for names that start with `key`.
    func prefixPredicate(_ key: String) -> SQLQueryString
    /// A predicate true for names that contain `key` (three characters or more).
    func substringPredicate(_ key: String) -> SQLQueryString
}

package enum DirectorySearch {
    /// Trigram indexes find nothing shorter than this inside a word.
    package static let minimumSubstringLength = 3

    package static func index(for sql: any SQLDatabase) -> any DirectorySearchIndex {
        sql.dialect.name == "postgresql" ? PostgresDirectorySearch() : SQLiteDirectorySearch()
    }

    package static func search(_ query: DirectorySearchQuery, on sql: any SQLDatabase) async throws
        -> DirectorySearchResult
    {
        guard !query.key.isEmpty, !query.kinds.isEmpty else { return DirectorySearchResult(records: [], total: 0) }
        let index = index(for: sql)
        let prefix = index.prefixPredicate(query.key)
        var matches: SQLQueryString = "(\(prefix)"
        if query.key.count >= minimumSubstringLength {
            matches = "\(matches) OR \(index.substringPredicate(query.key))"
        }
        matches = "\(matches))"
        let kinds = query.kinds.map(\.rawValue)
        var filters: SQLQueryString = "kind IN (\(binds: kinds))"
        if let country = query.countryCode {
            filters = "\(filters) AND country_code = \(bind: country)"
        }
        let statement: SQLQueryString = """
            SELECT kind, city_id, network_id, person_id, country_code,
                   MIN(tier) AS tier, MAX(weight) AS weight, COUNT(*) OVER () AS total
            FROM (
                SELECT kind, city_id, network_id, person_id, country_code, weight,
                       CASE WHEN key = \(bind: query.key) THEN 0 WHEN \(prefix) THEN 1 ELSE 2 END AS tier
                FROM directory_names
                WHERE \(matches) AND \(filters)
            ) AS matches
            GROUP BY kind, city_id, network_id, person_id, country_code
            ORDER BY tier, weight DESC, kind, city_id, network_id, person_id, country_code
            LIMIT \(literal: query.page.per) OFFSET \(literal: query.page.offset)
            """
        let rows = try await sql.raw(statement).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return DirectorySearchResult(records: rows.compactMap(\.record), total: rows.first?.total ?? 0)
    }

    private struct Row: Decodable {
        var kind: String
        var cityId: Int?
        var networkId: Int?
        var personId: Int?
        var countryCode: String?
        var total: Int

        var record: DirectoryRecord? {
            switch DirectoryRecord.Kind(rawValue: kind) {
            case .city: cityId.map(DirectoryRecord.city)
            case .network: networkId.map(DirectoryRecord.network)
            case .person: personId.map(DirectoryRecord.person)
            case .country: countryCode.map(DirectoryRecord.country)
            case nil: nil
            }
        }
    }
}

package struct SQLiteDirectorySearch: DirectorySearchIndex {
    package var indexStatements: [String] {
        [
            "CREATE INDEX directory_names_key ON directory_names (key)",
            """
            CREATE VIRTUAL TABLE directory_names_fts USING fts5(
                key, content='directory_names', content_rowid='id', tokenize='trigram')
            """,
            """
            CREATE TRIGGER directory_names_ai AFTER INSERT ON directory_names BEGIN
                INSERT INTO directory_names_fts (rowid, key) VALUES (new.id, new.key);
            END
            """,
            """
            CREATE TRIGGER directory_names_ad AFTER DELETE ON directory_names BEGIN
                INSERT INTO directory_names_fts (directory_names_fts, rowid, key) VALUES ('delete', old.id, old.key);
            END
            """,
            """
            CREATE TRIGGER directory_names_au AFTER UPDATE ON directory_names BEGIN
                INSERT INTO directory_names_fts (directory_names_fts, rowid, key) VALUES ('delete', old.id, old.key);
                INSERT INTO directory_names_fts (rowid, key) VALUES (new.id, new.key);
            END
            """,
        ]
    }

    package var dropStatements: [String] {
        [
            "DROP TRIGGER IF EXISTS directory_names_ai", "DROP TRIGGER IF EXISTS directory_names_ad",
            "DROP TRIGGER IF EXISTS directory_names_au", "DROP TABLE IF EXISTS directory_names_fts",
        ]
    }

    package func prefixPredicate(_ key: String) -> SQLQueryString {
        // A range on the binary-ordered index; U+10FFFF sorts after every character.
        "(key >= \(bind: key) AND key < \(bind: key + "\u{10FFFF}"))"
    }

    package func substringPredicate(_ key: String) -> SQLQueryString {
        // An FTS5 string in double quotes is a phrase: the trigram tokenizer
        // then finds the text anywhere inside a name.
        let phrase = "\"" + key.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return "id IN (SELECT rowid FROM directory_names_fts WHERE directory_names_fts MATCH \(bind: phrase))"
    }
}

package struct PostgresDirectorySearch: DirectorySearchIndex {
    package var indexStatements: [String] {
        [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "CREATE INDEX directory_names_key ON directory_names (key text_pattern_ops)",
            "CREATE INDEX directory_names_key_trgm ON directory_names USING gin (key gin_trgm_ops)",
        ]
    }

    package var dropStatements: [String] {
        ["DROP INDEX IF EXISTS directory_names_key_trgm", "DROP INDEX IF EXISTS directory_names_key"]
    }

    package func prefixPredicate(_ key: String) -> SQLQueryString {
        "key LIKE \(bind: Self.escapeLike(key) + "%")"
    }

    package func substringPredicate(_ key: String) -> SQLQueryString {
        "key LIKE \(bind: "%" + Self.escapeLike(key) + "%")"
    }

    /// Escapes LIKE's wildcards (the default escape character is a backslash).
    package static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
