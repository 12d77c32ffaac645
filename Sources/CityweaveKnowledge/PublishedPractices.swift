import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What search and recommendations read of every published practice, held
/// in memory: the facet values that count a search's matches (see
/// ``FacetTally``), and the original practices recommendations rank with
/// the profiles of the cities taking part in knowledge exchange. It is
/// read at a generation of `published_practices_generation`; a search reads the
/// current generation in the same statement as its matches, and when the
/// two differ the practices are read again.
package final class PublishedPractices: Sendable {
    package struct Snapshot: Sendable {
        package var facets: FacetTally<PracticeFacet>
        /// The originals (translations left out), in the order of their ids.
        package var candidates: [PracticeCandidate]
        /// Every city with a published practice or a transfer.
        package var profiles: [Int: CityProfile]
        /// What each of those cities works on: the themes of its published
        /// practices and of the published practices it adapts.
        package var workThemes: [Int: ThemeSet]
    }

    private let cache = GenerationCache<Snapshot>(read: PublishedPractices.read)

    /// The practices as of `generation` or later, read afresh when the ones
    /// held are of another generation; a burst of searches after a change
    /// reads them once.
    package func snapshot(atGeneration generation: Int, on database: any Database) async throws -> Snapshot {
        try await cache.snapshot(atGeneration: generation, on: database)
    }

    /// Published practices per city, translations aside: what each city
    /// offers others to learn from (see ``Application/publishedWorkCounters``).
    package func countsByCity(on database: any Database) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for candidate in try await current(on: database).candidates { counts[candidate.cityID, default: 0] += 1 }
        return counts
    }

    /// The practices as they are now.
    package func current(on database: any Database) async throws -> Snapshot {
        try await snapshot(
            atGeneration: try await CreatePublishedPracticesGeneration.counter.current(
                on: database as! any SQLDatabase),
            on: database)
    }

    /// The generation and the practices in one transaction, so that they
    /// agree even while others write.
    @Sendable private static func read(on database: any Database) async throws -> (generation: Int, snapshot: Snapshot)
    {
        try await database.readConsistently { sql in
            (try await CreatePublishedPracticesGeneration.counter.current(on: sql), try await load(on: sql))
        }
    }

    private static func load(on sql: any SQLDatabase) async throws -> Snapshot {
        var facets = FacetTally<PracticeFacet>.Builder()
        var candidates: [PracticeCandidate] = []
        var workThemes: [Int: ThemeSet] = [:]
        let practices = try await sql.raw(
            """
            SELECT p.practice_id, p.city_id, p.original_id, p.stage, p.language, p.theme_mask, p.population,
                   co.region, co.income_group
            FROM practice_facets p LEFT JOIN countries co ON co.iso2 = p.country_code
            WHERE p.published_at IS NOT NULL ORDER BY p.practice_id
            """
        ).all()
        for row in practices {
            let id = try row.decode(column: "practice_id", as: Int.self)
            let themes = ThemeSet(
                rawValue: UInt32(truncatingIfNeeded: try row.decode(column: "theme_mask", as: Int.self)))
            let cityID = try row.decode(column: "city_id", as: Int.self)
            workThemes[cityID, default: []].formUnion(themes)
            if try row.decode(column: "original_id", as: Int?.self) == nil {
                candidates.append(PracticeCandidate(id: id, cityID: cityID, themes: themes))
            }
            facets.add(try row.decode(column: "stage", as: String.self), of: .stage, to: id)
            facets.add(try row.decode(column: "language", as: String.self), of: .language, to: id)
            let population = try row.decode(column: "population", as: Int.self)
            facets.add(PopulationBand(population: population).rawValue, of: .population, to: id)
            if let region = try row.decode(column: "region", as: String?.self) {
                facets.add(region, of: .region, to: id)
            }
            if let income = try row.decode(column: "income_group", as: String?.self) {
                facets.add(income, of: .income, to: id)
            }
            for theme in themes.themes { facets.add(theme.rawValue, of: .theme, to: id) }
        }
        let reviews = try await sql.raw(
            """
            SELECT r.practice_id, r.network_id FROM practice_reviews r
            JOIN practice_facets p ON p.practice_id = r.practice_id WHERE p.published_at IS NOT NULL
            """
        ).all()
        for row in reviews {
            let network = try row.decode(column: "network_id", as: Int.self)
            facets.add(String(network), of: .network, to: try row.decode(column: "practice_id", as: Int.self))
        }
        let adaptations = try await sql.raw(
            """
            SELECT x.city_id, f.theme_mask FROM practice_transfers x
            JOIN practice_facets f ON f.practice_id = x.practice_id WHERE f.published_at IS NOT NULL
            """
        ).all()
        for row in adaptations {
            let themes = ThemeSet(
                rawValue: UInt32(truncatingIfNeeded: try row.decode(column: "theme_mask", as: Int.self)))
            workThemes[try row.decode(column: "city_id", as: Int.self), default: []].formUnion(themes)
        }
        let profiles = try await CityProfiles.read(
            where: """
                c.id IN (SELECT city_id FROM practice_facets WHERE published_at IS NOT NULL)
                OR c.id IN (SELECT city_id FROM practice_transfers)
                """, on: sql)
        return Snapshot(
            facets: facets.build(), candidates: candidates, profiles: profiles, workThemes: workThemes)
    }
}

extension Application {
    private struct PublishedPracticesKey: StorageKey {
        typealias Value = PublishedPractices
    }

    /// Set up by `configure` with the knowledge module.
    package var publishedPractices: PublishedPractices {
        get { storage[PublishedPracticesKey.self]! }
        set { storage[PublishedPracticesKey.self] = newValue }
    }
}
