import CityweaveCore
import Fluent
import SQLKit

/// A search over published practices: the words typed, the filters chosen
/// (each facet's value) and the order.
struct PracticeSearchQuery: Sendable {
    enum Sort: String, CaseIterable, Sendable { case relevance, date }

    var terms = SearchTerms("")
    var theme: Theme?
    /// A UN region of the practice's city ("Africa", "Americas", "Asia", "Europe", "Oceania").
    var region: String?
    var incomeGroup: String?
    var population: PopulationBand?
    var stage: PracticeStage?
    var language: String?
    /// Practices this network reviewed.
    var networkID: Int?
    var sort: Sort = .relevance
    var page: PageParameters
}

/// The facets a search result counts, by the query parameter that filters on each.
enum PracticeFacet: String, CaseIterable, Sendable {
    case theme, region, income, population, stage, language, network
}

/// A page of matching practices (best first), how many match in all, and
/// for every facet how many of the matches have each value.
struct PracticeSearchResult: Sendable {
    struct Hit: Sendable {
        var practiceID: Int
        var rank: Double
    }

    struct FacetCount: Sendable, Equatable {
        var value: String
        var count: Int
    }

    var hits: [Hit]
    var total: Int
    var facets: [PracticeFacet: [FacetCount]]
}

/// The text index of practices, one per database: SQLite FTS5 with the
/// trigram tokenizer, PostgreSQL `tsvector` for ranking plus `pg_trgm` for
/// matching. Trigrams find words inside text without spaces, so Chinese,
/// Japanese and Korean are found like any other language. Both store text
/// folded by ``SearchTerms``, so accents and case never matter.
protocol PracticeSearchIndex: Sendable {
    var createStatements: [String] { get }
    var dropStatements: [String] { get }
    func store(practiceID: Int, title: String, body: String, on sql: any SQLDatabase) async throws
    func remove(practiceID: Int, on sql: any SQLDatabase) async throws
    /// A query yielding `practice_id` and `rank` (lower ranks first) of every
    /// practice whose text contains every term.
    func matches(_ terms: SearchTerms) -> SQLQueryString
}

enum PracticeSearch {
    static func index(for sql: any SQLDatabase) -> any PracticeSearchIndex {
        sql.dialect.name == "postgresql" ? PostgresPracticeSearch() : SQLitePracticeSearch()
    }

    /// Brings the text index and the theme rows up to date with a practice.
    static func update(_ practice: Practice, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let index = index(for: sql)
        let id = try practice.requireID()
        try await index.remove(practiceID: id, on: sql)
        try await index.store(
            practiceID: id, title: SearchTerms.indexText([practice.title]),
            body: SearchTerms.indexText(searchableBody(of: practice)), on: sql)
        try await sql.delete(from: "practice_themes").where("practice_id", .equal, id).run()
        if !practice.themes.isEmpty {
            let insert = sql.insert(into: "practice_themes").columns("practice_id", "theme")
            for theme in practice.themes { insert.values(SQLBind(id), SQLBind(theme)) }
            try await insert.run()
        }
    }

    static func remove(practiceID: Int, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await index(for: sql).remove(practiceID: practiceID, on: sql)
        try await sql.delete(from: "practice_themes").where("practice_id", .equal, practiceID).run()
    }

    /// Every section a reader may search, in the order of the page.
    static func searchableBody(of practice: Practice) -> [String] {
        [
            practice.summary, practice.problem, practice.method.joined(separator: " "), practice.staff,
            practice.partners, practice.legalInstruments, practice.pitfalls, practice.resources, practice.evidence,
        ]
    }

    static func search(_ query: PracticeSearchQuery, on sql: any SQLDatabase) async throws -> PracticeSearchResult {
        let matched: SQLQueryString? = query.terms.isEmpty ? nil : index(for: sql).matches(query.terms)
        var source: SQLQueryString = "practices p"
        var rank: SQLQueryString = "CAST(0 AS DOUBLE PRECISION)"
        var order: SQLQueryString = "p.published_at DESC, p.id DESC"
        if let matched {
            source = "(\(matched)) AS m JOIN practices p ON p.id = m.practice_id"
            rank = "m.rank"
            if query.sort == .relevance { order = "rank, p.published_at DESC, p.id DESC" }
        }
        let from: SQLQueryString = """
            \(source)
            JOIN cities c ON c.id = p.city_id
            JOIN countries co ON co.iso2 = c.country_code
            WHERE p.published_at IS NOT NULL\(filters(query))
            """
        let hits = try await sql.raw(
            """
            SELECT p.id AS practice_id, \(rank) AS rank FROM \(from)
            ORDER BY \(order)
            LIMIT \(literal: query.page.per) OFFSET \(literal: query.page.offset)
            """
        ).all().map {
            PracticeSearchResult.Hit(
                practiceID: try $0.decode(column: "practice_id", as: Int.self),
                rank: try $0.decode(column: "rank", as: Double.self))
        }

        // One pass over the matches counts every facet: the CTE is read
        // seven times but computed once (both databases materialise a CTE
        // that is referenced more than once).
        let facetRows = try await sql.raw(
            """
            WITH f AS (
                SELECT p.id, p.stage, p.language, co.region, co.income_group, \(populationBand) AS band
                FROM \(from))
            SELECT 'total' AS facet, '' AS value, COUNT(*) AS count FROM f
            UNION ALL SELECT 'stage', stage, COUNT(*) FROM f GROUP BY stage
            UNION ALL SELECT 'language', language, COUNT(*) FROM f GROUP BY language
            UNION ALL SELECT 'region', region, COUNT(*) FROM f GROUP BY region
            UNION ALL SELECT 'income', income_group, COUNT(*) FROM f GROUP BY income_group
            UNION ALL SELECT 'population', band, COUNT(*) FROM f GROUP BY band
            UNION ALL SELECT 'theme', t.theme, COUNT(*) FROM f JOIN practice_themes t ON t.practice_id = f.id
                GROUP BY t.theme
            UNION ALL SELECT 'network', CAST(r.network_id AS TEXT), COUNT(*) FROM f
                JOIN practice_reviews r ON r.practice_id = f.id GROUP BY r.network_id
            """
        ).all()
        var total = 0
        var facets: [PracticeFacet: [PracticeSearchResult.FacetCount]] = [:]
        for row in facetRows {
            let name = try row.decode(column: "facet", as: String.self)
            let value = try row.decode(column: "value", as: String?.self) ?? ""
            let count = try row.decode(column: "count", as: Int.self)
            if name == "total" {
                total = count
            } else if let facet = PracticeFacet(rawValue: name), !value.isEmpty {
                facets[facet, default: []].append(.init(value: value, count: count))
            }
        }
        for facet in facets.keys {
            facets[facet]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return PracticeSearchResult(hits: hits, total: total, facets: facets)
    }

    private static func filters(_ query: PracticeSearchQuery) -> SQLQueryString {
        var clause: SQLQueryString = ""
        if let theme = query.theme {
            clause =
                "\(clause) AND p.id IN (SELECT practice_id FROM practice_themes WHERE theme = \(bind: theme.rawValue))"
        }
        if let region = query.region { clause = "\(clause) AND co.region = \(bind: region)" }
        if let income = query.incomeGroup { clause = "\(clause) AND co.income_group = \(bind: income)" }
        if let band = query.population {
            clause = "\(clause) AND c.population >= \(bind: band.lowerBound)"
            if let upper = band.upperBound { clause = "\(clause) AND c.population < \(bind: upper)" }
        }
        if let stage = query.stage { clause = "\(clause) AND p.stage = \(bind: stage.rawValue)" }
        if let language = query.language { clause = "\(clause) AND p.language = \(bind: language)" }
        if let network = query.networkID {
            clause =
                "\(clause) AND p.id IN (SELECT practice_id FROM practice_reviews WHERE network_id = \(bind: network))"
        }
        return clause
    }

    /// The population band of `c.population`, as SQL.
    private static var populationBand: SQLQueryString {
        var expression: SQLQueryString = "CASE"
        for band in PopulationBand.allCases.reversed() {
            expression = "\(expression) WHEN c.population >= \(literal: band.lowerBound) THEN \(literal: band.rawValue)"
        }
        return "\(expression) END"
    }
}
