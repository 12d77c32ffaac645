import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// What the landscape is computed from, read from the directory and held in
/// memory: every city (those in no network count too), every network,
/// membership and partnership. Read again, once, when `landscape_generation`
/// moves; the analyses of the years asked for are kept with it.
package final class LandscapeDirectory: Sendable {
    package struct Snapshot: Sendable {
        package var cities: [LandscapeCity]
        package var networks: [LandscapeNetwork]
        package var memberships: [LandscapeMembership]
        package var partnerships: [LandscapePartnership]
        /// Network names by id, for answers.
        package var networkNames: [Int: String]
    }

    private let cache = GenerationCache<Snapshot>(read: LandscapeDirectory.read)
    /// Each year's analysis, built once per generation: indexing every city of the directory is the
    /// costly part of a request.
    private let analyses = YearlyComputations<LandscapeAnalysis>()

    /// The landscape of `year` (the memberships and partnerships that held then), analysed on
    /// `threadPool` when the directory changed since it last was; `admit` may refuse to start that.
    package func analysis(
        year: Int, on database: any Database, threadPool: NIOThreadPool, admit: () throws -> Void = {}
    ) async throws -> LandscapeAnalysis {
        let generation = try await generation(on: database)
        return try await analyses.value(year: year, generation: generation, admit: admit) { [cache] in
            let snapshot = try await cache.snapshot(atGeneration: generation, on: database)
            return try await threadPool.runIfActive {
                let index = try LandscapeIndex(
                    cities: snapshot.cities, networks: snapshot.networks, memberships: snapshot.memberships,
                    partnerships: snapshot.partnerships, year: year)
                return LandscapeAnalysis(
                    year: year, generation: generation, index: index, networkNames: snapshot.networkNames)
            }
        }
    }

    private func generation(on database: any Database) async throws -> Int {
        try await CreateLandscapeGeneration.counter.current(on: database as! any SQLDatabase)
    }

    @Sendable private static func read(on database: any Database) async throws -> (generation: Int, snapshot: Snapshot)
    {
        try await database.readConsistently { sql in
            let generation = try await CreateLandscapeGeneration.counter.current(on: sql)
            let cities = try await sql.raw(
                """
                SELECT c.id AS id, c.name AS name, c.population AS population, c.country_code AS country,
                  k.region AS region, k.income_group AS income_group
                FROM cities c JOIN countries k ON k.iso2 = c.country_code
                """
            ).all().map { row in
                LandscapeCity(
                    id: try row.decode(column: "id", as: Int.self),
                    name: try row.decode(column: "name", as: String.self),
                    population: try row.decode(column: "population", as: Int.self),
                    countryCode: try row.decode(column: "country", as: String.self),
                    region: try row.decode(column: "region", as: String.self),
                    incomeGroup: try row.decode(column: "income_group", as: String?.self).flatMap {
                        $0.isEmpty ? nil : $0
                    })
            }
            // A network whose member list is not published would count as empty: it stays out of shares and the Gini.
            let networks = try await sql.raw(
                "SELECT id, name, themes FROM networks WHERE member_list_source IS NOT NULL"
            ).all().map { row in
                LandscapeNetwork(
                    id: try row.decode(column: "id", as: Int.self),
                    name: try row.decode(column: "name", as: String.self),
                    themes: try row.decode(column: "themes", as: [String].self).compactMap(Theme.init(rawValue:)))
            }
            // A membership of a network that has closed ended with it at the latest.
            let memberships = try await sql.raw(
                """
                SELECT m.network_id, m.city_id, m.since, COALESCE(m.until, n.ended) AS until
                FROM memberships m JOIN networks n ON n.id = m.network_id
                WHERE n.member_list_source IS NOT NULL
                """
            ).all().map {
                row in
                LandscapeMembership(
                    networkID: try row.decode(column: "network_id", as: Int.self),
                    cityID: try row.decode(column: "city_id", as: Int.self),
                    since: try row.decode(column: "since", as: Int?.self),
                    until: try row.decode(column: "until", as: Int?.self))
            }
            let partnerships = try await sql.raw("SELECT city_a_id, city_b_id, since FROM partnerships").all().map {
                row in
                LandscapePartnership(
                    try row.decode(column: "city_a_id", as: Int.self),
                    try row.decode(column: "city_b_id", as: Int.self),
                    since: try row.decode(column: "since", as: Int?.self))
            }
            let snapshot = Snapshot(
                cities: cities, networks: networks, memberships: memberships, partnerships: partnerships,
                networkNames: Dictionary(uniqueKeysWithValues: networks.map { ($0.id, $0.name) }))
            return (generation, snapshot)
        }
    }
}

extension Application {
    private struct LandscapeDirectoryKey: StorageKey {
        typealias Value = LandscapeDirectory
    }

    package var landscapeDirectory: LandscapeDirectory {
        get { storage[LandscapeDirectoryKey.self]! }
        set { storage[LandscapeDirectoryKey.self] = newValue }
    }
}

extension Request {
    /// The landscape of the year the query asks for (see ``LandscapeYear``).
    package func landscapeAnalysis() async throws -> LandscapeAnalysis {
        try await landscapeAnalysis(year: try LandscapeYear.read(self))
    }

    package func landscapeAnalysis(year: Int) async throws -> LandscapeAnalysis {
        try await application.landscapeDirectory.analysis(
            year: year, on: db, threadPool: application.threadPool, admit: landscapeAdmission(year: year))
    }

    /// This year's landscape for a section of a city's or a network's page, or nil (logged) when it
    /// cannot be had: the page then shows without the section rather than fail.
    package func landscapeForPageSection() async -> LandscapeAnalysis? {
        do {
            return try await landscapeAnalysis(year: DirectoryEdits.thisYear)
        } catch {
            logger.report(error: error)
            return nil
        }
    }
}
