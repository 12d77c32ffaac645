import CityweaveCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The facet values of every published practice, held in memory to count a
/// search's matches (see ``FacetTally``), and the generation of
/// `practice_facets_generation` they were read at. A search reads the
/// current generation in the same statement as its matches; when the two
/// differ, the values are read again before counting.
final class PracticeFacetCache: Sendable {
    private let held = NIOLockedValueBox<(generation: Int, tally: FacetTally<PracticeFacet>)?>(nil)

    /// The values as of `generation`, or read afresh.
    func tally(atGeneration generation: Int, on sql: any SQLDatabase) async throws -> FacetTally<PracticeFacet> {
        if let current = held.withLockedValue({ $0 }), current.generation == generation { return current.tally }
        // The generation is read first: a change made while the values are
        // read moves it on again, so the next search reads them once more.
        let loadedAt = try await Self.generation(on: sql)
        let tally = try await Self.load(on: sql)
        held.withLockedValue { $0 = (loadedAt, tally) }
        return tally
    }

    static func generation(on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT generation FROM practice_facets_generation").first()?
            .decode(column: "generation", as: Int.self) ?? 0
    }

    private static func load(on sql: any SQLDatabase) async throws -> FacetTally<PracticeFacet> {
        var builder = FacetTally<PracticeFacet>.Builder()
        let practices = try await sql.raw(
            """
            SELECT p.practice_id, p.stage, p.language, p.theme_mask, p.population, co.region, co.income_group
            FROM practice_facets p LEFT JOIN countries co ON co.iso2 = p.country_code
            WHERE p.published_at IS NOT NULL
            """
        ).all()
        for row in practices {
            let id = try row.decode(column: "practice_id", as: Int.self)
            builder.add(try row.decode(column: "stage", as: String.self), of: .stage, to: id)
            builder.add(try row.decode(column: "language", as: String.self), of: .language, to: id)
            let population = try row.decode(column: "population", as: Int.self)
            builder.add(PopulationBand(population: population).rawValue, of: .population, to: id)
            if let region = try row.decode(column: "region", as: String?.self) {
                builder.add(region, of: .region, to: id)
            }
            if let income = try row.decode(column: "income_group", as: String?.self) {
                builder.add(income, of: .income, to: id)
            }
            let themes = ThemeSet(
                rawValue: UInt32(truncatingIfNeeded: try row.decode(column: "theme_mask", as: Int.self)))
            for theme in themes.themes { builder.add(theme.rawValue, of: .theme, to: id) }
        }
        let reviews = try await sql.raw(
            """
            SELECT r.practice_id, r.network_id FROM practice_reviews r
            JOIN practice_facets p ON p.practice_id = r.practice_id WHERE p.published_at IS NOT NULL
            """
        ).all()
        for row in reviews {
            let network = try row.decode(column: "network_id", as: Int.self)
            builder.add(String(network), of: .network, to: try row.decode(column: "practice_id", as: Int.self))
        }
        return builder.build()
    }
}

extension Application {
    private struct PracticeFacetCacheKey: StorageKey {
        typealias Value = PracticeFacetCache
    }

    /// Set up by `configure` with the knowledge module.
    var practiceFacetCache: PracticeFacetCache {
        get { storage[PracticeFacetCacheKey.self]! }
        set { storage[PracticeFacetCacheKey.self] = newValue }
    }
}
