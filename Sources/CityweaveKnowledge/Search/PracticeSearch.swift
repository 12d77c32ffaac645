import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit

/// A search over published practices: the words typed, the filters chosen
/// (each facet's value) and the order.
package struct PracticeSearchQuery: Sendable {
    package enum Sort: String, CaseIterable, Sendable { case relevance, date }

    package var terms = SearchTerms("")
    /// The themes the words name in any interface language, whose practices match too, after the direct matches.
    package var namedThemes: ThemeQuery?
    /// Of a practice's translations that match, the one in this language is listed (else the best match).
    package var preferredLanguage = "en"
    package var theme: Theme?
    /// A UN region of the practice's city ("Africa", "Americas", "Asia", "Europe", "Oceania").
    package var region: String?
    package var incomeGroup: String?
    package var population: PopulationBand?
    package var stage: PracticeStage?
    package var language: String?
    /// Practices this network reviewed.
    package var networkID: Int?
    package var sort: Sort = .relevance
    package var page: PageParameters
}

/// The facets a search result counts, by the query parameter that filters on each.
package enum PracticeFacet: String, CaseIterable, Sendable {
    case theme, region, income, population, stage, language, network
}

/// A page of matching practices (best first), how many match in all, and
/// for every facet how many of the matches have each value.
package struct PracticeSearchResult: Sendable {
    package struct Hit: Sendable {
        package var practiceID: Int
        package var rank: Double

        /// Found because the query names one of its themes, not by its words.
        package var isOnTheSameTheme: Bool { rank >= PracticeSearch.sameThemeRank }
    }

    package var hits: [Hit]
    package var total: Int
    /// Empty when the search was asked for its page only.
    package var facets: [PracticeFacet: [FacetTally<PracticeFacet>.Count]]
}

/// The text index of practices, one per database: SQLite FTS5 with the
/// trigram tokenizer, PostgreSQL `tsvector` for ranking plus `pg_trgm` for
/// matching. Trigrams find words inside text without spaces, so Chinese,
/// Japanese and Korean are found like any other language. Both store text
/// folded by ``SearchTerms``, so accents and case never matter.
package protocol PracticeSearchIndex: Sendable {
    var createStatements: [String] { get }
    var dropStatements: [String] { get }
    func store(practiceID: Int, title: String, body: String, on sql: any SQLDatabase) async throws
    func remove(practiceID: Int, on sql: any SQLDatabase) async throws
    /// A query yielding `practice_id` and `rank` (lower ranks first) of every
    /// practice whose text contains every term.
    func matches(_ terms: SearchTerms) -> SQLQueryString
}

package enum PracticeSearch {
    /// The rank of a practice found by its theme: after every direct match, whose ranks are 0 or below.
    package static let sameThemeRank = 1.0

    package static func index(for sql: any SQLDatabase) -> any PracticeSearchIndex {
        sql.dialect.name == "postgresql" ? PostgresPracticeSearch() : SQLitePracticeSearch()
    }

    /// Brings the text index and the practice's facets up to date.
    package static func update(_ practice: Practice, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let index = index(for: sql)
        let id = try practice.requireID()
        try await remove(practiceID: id, on: database)
        try await index.store(
            practiceID: id, title: SearchTerms.indexText([practice.title]),
            body: SearchTerms.indexText(searchableBody(of: practice)), on: sql)
        guard let city = try await City.find(practice.$city.id, on: database) else { return }
        try await sql.raw(
            """
            INSERT INTO practice_facets (practice_id, city_id, country_code, population, original_id, published_at,
                                         stage, language, theme_mask)
            VALUES (\(bind: id), \(bind: practice.$city.id), \(bind: city.$country.id), \(bind: city.population),
                    \(bind: practice.$original.id), \(bind: practice.publishedAt), \(bind: practice.stage.rawValue),
                    \(bind: practice.language), \(bind: Int(practice.themeSet.rawValue)))
            """
        ).run()
    }

    package static func remove(practiceID: Int, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await index(for: sql).remove(practiceID: practiceID, on: sql)
        try await sql.delete(from: "practice_facets").where("practice_id", .equal, practiceID).run()
    }

    /// Every section a reader may search, in the order of the page.
    package static func searchableBody(of practice: Practice) -> [String] {
        [
            practice.summary, practice.problem, practice.method.joined(separator: " "), practice.staff,
            practice.partners, practice.legalInstruments, practice.pitfalls, practice.resources, practice.evidence,
        ]
    }

    /// One statement answers a search: the matches are found once (the
    /// text index is the costly part) and kept in the CTE `m`; `v` keeps one
    /// version of each family of translations (a direct match before one on
    /// the same theme, then the reader's language, then the best ranked; few
    /// practices have translations, so only those families are ranked); `v` gives the page, the total and
    /// the list of every match, whose facets are counted in memory from
    /// `published` (none when it is nil). Both databases would materialise
    /// a CTE that is read more than once, but SQLite's planner may instead
    /// inline it into every branch: the hint makes sure the text index is
    /// read once.
    package static func search(
        _ query: PracticeSearchQuery, on database: any Database, countingFacetsOf published: PublishedPractices?
    ) async throws -> PracticeSearchResult {
        let sql = database as! any SQLDatabase
        var matched: SQLQueryString? = query.terms.isEmpty ? nil : index(for: sql).matches(query.terms)
        if let matches = matched, let named = query.namedThemes {
            matched = """
                SELECT practice_id, MIN(rank) AS rank
                FROM (\(matches) UNION ALL \(sameTheme(named, index: index(for: sql)))) AS u GROUP BY practice_id
                """
        }
        var source: SQLQueryString = "practice_facets p"
        var rank: SQLQueryString = "CAST(0 AS DOUBLE PRECISION)"
        var order: SQLQueryString = "published_at DESC, practice_id DESC"
        if let matched {
            source = "(\(matched)) AS x JOIN practice_facets p ON p.practice_id = x.practice_id"
            rank = "x.rank"
            if query.sort == .relevance { order = "rank, published_at DESC, practice_id DESC" }
        }
        let matchList: SQLQueryString = published == nil ? "''" : "string_agg(CAST(practice_id AS TEXT), ',')"
        let rows = try await sql.raw(
            """
            WITH m AS MATERIALIZED (
                SELECT p.practice_id, \(rank) AS rank, p.published_at, p.original_id, p.language
                FROM \(source)
                WHERE p.published_at IS NOT NULL\(filters(query))),
            hidden AS (
                SELECT practice_id FROM (
                    SELECT practice_id, ROW_NUMBER() OVER (
                        PARTITION BY COALESCE(original_id, practice_id)
                        ORDER BY CASE WHEN rank >= \(literal: sameThemeRank) THEN 1 ELSE 0 END,
                                 CASE WHEN language = \(bind: query.preferredLanguage) THEN 0 ELSE 1 END,
                                 rank, practice_id) AS version
                    FROM m
                    WHERE COALESCE(original_id, practice_id) IN (SELECT original_id FROM m WHERE original_id IS NOT NULL)
                ) AS family WHERE version > 1),
            v AS MATERIALIZED (
                SELECT practice_id, rank, published_at FROM m WHERE practice_id NOT IN (SELECT practice_id FROM hidden))
            SELECT 'hit' AS facet, CAST(practice_id AS TEXT) AS value, rank AS score,
                   ROW_NUMBER() OVER (ORDER BY \(order)) AS count
                FROM (SELECT practice_id, rank, published_at FROM v ORDER BY \(order)
                      LIMIT \(literal: query.page.per) OFFSET \(literal: query.page.offset)) AS page
            UNION ALL SELECT 'total', \(matchList), 0, COUNT(*) FROM v
            UNION ALL SELECT 'generation', '', 0, generation FROM published_practices_generation
            """
        ).all()
        var hits: [(position: Int, hit: PracticeSearchResult.Hit)] = []
        var total = 0
        var matches = ""
        var generation = 0
        for row in rows {
            let count = try row.decode(column: "count", as: Int.self)
            switch try row.decode(column: "facet", as: String.self) {
            case "hit":
                guard let id = Int(try row.decode(column: "value", as: String.self)) else { continue }
                hits.append((count, .init(practiceID: id, rank: try row.decode(column: "score", as: Double.self))))
            case "total":
                total = count
                matches = try row.decode(column: "value", as: String?.self) ?? ""
            default:
                generation = count
            }
        }
        var facets: [PracticeFacet: [FacetTally<PracticeFacet>.Count]] = [:]
        if let published {
            let snapshot = try await published.snapshot(atGeneration: generation, on: database)
            facets = snapshot.facets.count(Self.numbers(inList: &matches))
        }
        return PracticeSearchResult(
            hits: hits.sorted { $0.position < $1.position }.map(\.hit), total: total, facets: facets)
    }

    /// The numbers of a comma-separated list, read byte by byte: a search
    /// may list tens of thousands.
    private static func numbers(inList list: inout String) -> [Int] {
        list.withUTF8 { bytes in
            var numbers: [Int] = []
            numbers.reserveCapacity(bytes.count / 4)
            var number = 0
            var digits = 0
            for byte in bytes {
                if byte == UInt8(ascii: ",") {
                    if digits > 0 { numbers.append(number) }
                    number = 0
                    digits = 0
                } else {
                    number = number &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                    digits += 1
                }
            }
            if digits > 0 { numbers.append(number) }
            return numbers
        }
    }

    /// The practices of the themes a query names whose text holds its other words, ranked after every direct match.
    private static func sameTheme(_ named: ThemeQuery, index: any PracticeSearchIndex) -> SQLQueryString {
        let mask = Int(ThemeSet(named.themes).rawValue)
        var themed: SQLQueryString = """
            SELECT practice_id, CAST(\(literal: sameThemeRank) AS DOUBLE PRECISION) AS rank FROM practice_facets
            WHERE (theme_mask & \(literal: mask)) = \(literal: mask)
            """
        if !named.rest.isEmpty {
            themed = "\(themed) AND practice_id IN (SELECT practice_id FROM (\(index.matches(named.rest))) AS r)"
        }
        return themed
    }

    private static func filters(_ query: PracticeSearchQuery) -> SQLQueryString {
        var clause: SQLQueryString = ""
        if let theme = query.theme {
            clause = "\(clause) AND (p.theme_mask & \(literal: Int(ThemeSet([theme]).rawValue))) <> 0"
        }
        if let region = query.region {
            clause = "\(clause) AND p.country_code IN (SELECT iso2 FROM countries WHERE region = \(bind: region))"
        }
        if let income = query.incomeGroup {
            clause = "\(clause) AND p.country_code IN (SELECT iso2 FROM countries WHERE income_group = \(bind: income))"
        }
        if let band = query.population {
            clause = "\(clause) AND p.population >= \(bind: band.lowerBound)"
            if let upper = band.upperBound { clause = "\(clause) AND p.population < \(bind: upper)" }
        }
        if let stage = query.stage { clause = "\(clause) AND p.stage = \(bind: stage.rawValue)" }
        if let language = query.language { clause = "\(clause) AND p.language = \(bind: language)" }
        if let network = query.networkID {
            clause =
                "\(clause) AND p.practice_id IN (SELECT practice_id FROM practice_reviews WHERE network_id = \(bind: network))"
        }
        return clause
    }
}
