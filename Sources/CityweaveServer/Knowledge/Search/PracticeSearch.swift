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
    /// Feeds need the page only; pages and the API count every facet too.
    var countsFacets = true
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

    /// Brings the text index and the practice's facets up to date.
    static func update(_ practice: Practice, on database: any Database) async throws {
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

    static func remove(practiceID: Int, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await index(for: sql).remove(practiceID: practiceID, on: sql)
        try await sql.delete(from: "practice_facets").where("practice_id", .equal, practiceID).run()
    }

    /// Every section a reader may search, in the order of the page.
    static func searchableBody(of practice: Practice) -> [String] {
        [
            practice.summary, practice.problem, practice.method.joined(separator: " "), practice.staff,
            practice.partners, practice.legalInstruments, practice.pitfalls, practice.resources, practice.evidence,
        ]
    }

    /// One statement answers a search: the matches are found once (the
    /// text index is the costly part), kept in the CTE `m` with what the
    /// facets count, and read for the page and for every facet. Both
    /// databases would materialise a CTE that is read more than once, but
    /// SQLite's planner may instead inline it into every branch: the hint
    /// makes sure the text index is read once.
    static func search(_ query: PracticeSearchQuery, on sql: any SQLDatabase) async throws -> PracticeSearchResult {
        let matched: SQLQueryString? = query.terms.isEmpty ? nil : index(for: sql).matches(query.terms)
        var source: SQLQueryString = "practice_facets p"
        var rank: SQLQueryString = "CAST(0 AS DOUBLE PRECISION)"
        var order: SQLQueryString = "published_at DESC, practice_id DESC"
        if let matched {
            source = "(\(matched)) AS x JOIN practice_facets p ON p.practice_id = x.practice_id"
            rank = "x.rank"
            if query.sort == .relevance { order = "rank, published_at DESC, practice_id DESC" }
        }
        let rows = try await sql.raw(
            """
            WITH m AS MATERIALIZED (
                SELECT p.practice_id, \(rank) AS rank, p.published_at, p.stage, p.language, p.theme_mask,
                       p.country_code, \(populationBand) AS band
                FROM \(source)
                WHERE p.published_at IS NOT NULL\(filters(query))),
            \(themeBits)
            SELECT 'hit' AS facet, CAST(practice_id AS TEXT) AS value, rank AS score,
                   ROW_NUMBER() OVER (ORDER BY \(order)) AS count
                FROM (SELECT practice_id, rank, published_at FROM m ORDER BY \(order)
                      LIMIT \(literal: query.page.per) OFFSET \(literal: query.page.offset)) AS page
            UNION ALL SELECT 'total', '', 0, COUNT(*) FROM m\(query.countsFacets ? facetCounts : "")
            """
        ).all()
        var hits: [(position: Int, hit: PracticeSearchResult.Hit)] = []
        var total = 0
        var facets: [PracticeFacet: [PracticeSearchResult.FacetCount]] = [:]
        for row in rows {
            let name = try row.decode(column: "facet", as: String.self)
            let value = try row.decode(column: "value", as: String?.self) ?? ""
            let count = try row.decode(column: "count", as: Int.self)
            switch name {
            case "hit":
                guard let id = Int(value) else { continue }
                hits.append((count, .init(practiceID: id, rank: try row.decode(column: "score", as: Double.self))))
            case "total":
                total = count
            default:
                if let facet = PracticeFacet(rawValue: name), !value.isEmpty {
                    facets[facet, default: []].append(.init(value: value, count: count))
                }
            }
        }
        for facet in facets.keys {
            facets[facet]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return PracticeSearchResult(
            hits: hits.sorted { $0.position < $1.position }.map(\.hit), total: total, facets: facets)
    }

    /// Every facet counted over the matches in `m`.
    private static let facetCounts: SQLQueryString = """

        UNION ALL SELECT 'stage', stage, 0, COUNT(*) FROM m GROUP BY stage
        UNION ALL SELECT 'language', language, 0, COUNT(*) FROM m GROUP BY language
        UNION ALL SELECT 'region', co.region, 0, CAST(SUM(g.n) AS BIGINT) FROM (SELECT country_code, COUNT(*) AS n FROM m
            GROUP BY country_code) AS g JOIN countries co ON co.iso2 = g.country_code GROUP BY co.region
        UNION ALL SELECT 'income', co.income_group, 0, CAST(SUM(g.n) AS BIGINT) FROM (SELECT country_code, COUNT(*) AS n FROM m
            GROUP BY country_code) AS g JOIN countries co ON co.iso2 = g.country_code GROUP BY co.income_group
        UNION ALL SELECT 'population', band, 0, COUNT(*) FROM m GROUP BY band
        UNION ALL SELECT 'theme', b.name, 0, COUNT(*) FROM m JOIN bits b ON (m.theme_mask & b.bit) <> 0
            GROUP BY b.name
        UNION ALL SELECT 'network', CAST(r.network_id AS TEXT), 0, COUNT(*) FROM m
            JOIN practice_reviews r ON r.practice_id = m.practice_id GROUP BY r.network_id
        """

    /// `bits (bit, name)`: each theme's bit in `theme_mask`, for counting themes in one pass.
    private static var themeBits: SQLQueryString {
        var values: [String] = []
        for theme in Theme.allCases {
            values.append("(\(ThemeSet([theme]).rawValue), '\(theme.rawValue)')")
        }
        return SQLQueryString("bits (bit, name) AS (VALUES \(values.joined(separator: ", ")))")
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

    /// The population band of `p.population`, as SQL.
    private static var populationBand: SQLQueryString {
        var expression: SQLQueryString = "CASE"
        for band in PopulationBand.allCases.reversed() {
            expression = "\(expression) WHEN p.population >= \(literal: band.lowerBound) THEN \(literal: band.rawValue)"
        }
        return "\(expression) END"
    }
}
