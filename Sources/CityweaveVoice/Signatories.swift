import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// A statement's endorsements with what the public page shows of each
/// organisation (its name, where a city lies, its region, income group and
/// size), read in one query however many there are.
package struct Signatory: Sendable {
    package var organisation: Organisation
    /// Nil when the directory no longer holds the organisation (see ``name(_:)``).
    package var directoryName: String?
    package var countryCode: String?
    package var latitude: Double?
    package var longitude: Double?
    package var population: Int?
    package var region: String?
    package var incomeGroup: String?
    package var signerName: String
    package var signerTitle: String
    package var comment: String
    package var version: Int
    package var endorsedAt: Date
    package var isExample: Bool

    package var populationBand: PopulationBand? { population.map(PopulationBand.init(population:)) }

    /// The organisation's name as the reader's pages give it.
    package func name(_ request: Request) -> String { directoryName ?? request.text(organisation.unnamed) }

    /// A city that endorses `version`, as a map places it.
    package struct Place: Sendable {
        package var cityID: Int
        package var name: String
        package var point: GeoPoint
        package var population: Int
    }

    package static func places(_ statementID: Int, version: Int, on db: any Database) async throws -> [Place] {
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT c.id, c.name, c.latitude, c.longitude, c.population
            FROM statement_endorsements e JOIN cities c ON c.id = e.organisation_id
            WHERE e.statement_id = \(bind: statementID) AND e.version = \(bind: version) AND e.organisation_kind = 'city'
            """
        ).all()
        return try rows.map { row in
            Place(
                cityID: try row.decode(column: "id", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                point: GeoPoint(
                    latitude: try row.decode(column: "latitude", as: Double.self),
                    longitude: try row.decode(column: "longitude", as: Double.self)),
                population: try row.decode(column: "population", as: Int.self))
        }
    }

    /// Which endorsements of a statement to read.
    package enum Choice: Sendable {
        /// Those given to, or confirmed for, this version.
        case of(version: Int)
        /// Those of any other version: given before the text changed.
        case notOf(version: Int)
        case all
    }

    /// The statement's endorsements `choice` names, in the order they were given, `page` of them when given.
    package static func of(
        _ statementID: Int, _ choice: Choice = .all, page: PageParameters? = nil, on db: any Database
    ) async throws -> [Signatory] {
        let sql = db as! any SQLDatabase
        let chosen: SQLQueryString =
            switch choice {
            case .of(let version): "AND e.version = \(bind: version)"
            case .notOf(let version): "AND e.version <> \(bind: version)"
            case .all: ""
            }
        let range: SQLQueryString = page.map { "LIMIT \(bind: $0.per) OFFSET \(bind: $0.offset)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT e.organisation_kind, e.organisation_id, e.signer_name, e.signer_title, e.comment, e.version,
                   e.endorsed_at, e.is_example, c.name AS city_name, c.latitude, c.longitude, c.population,
                   c.country_code, co.region, co.income_group, n.name AS network_name
            FROM statement_endorsements e
            LEFT JOIN cities c ON e.organisation_kind = 'city' AND c.id = e.organisation_id
            LEFT JOIN countries co ON co.iso2 = c.country_code
            LEFT JOIN networks n ON e.organisation_kind = 'network' AND n.id = e.organisation_id
            WHERE e.statement_id = \(bind: statementID) \(chosen)
            ORDER BY e.endorsed_at, e.id \(range)
            """
        ).all()
        return try rows.map { row in
            let kind =
                try Organisation.Kind(rawValue: row.decode(column: "organisation_kind", as: String.self)) ?? .city
            let id = try row.decode(column: "organisation_id", as: Int.self)
            return Signatory(
                organisation: Organisation(kind: kind, id: id),
                directoryName: try row.decode(column: kind == .city ? "city_name" : "network_name", as: String?.self),
                countryCode: try row.decode(column: "country_code", as: String?.self),
                latitude: try row.decode(column: "latitude", as: Double?.self),
                longitude: try row.decode(column: "longitude", as: Double?.self),
                population: try row.decode(column: "population", as: Int?.self),
                region: try row.decode(column: "region", as: String?.self),
                incomeGroup: try row.decode(column: "income_group", as: String?.self),
                signerName: try row.decode(column: "signer_name", as: String.self),
                signerTitle: try row.decode(column: "signer_title", as: String.self),
                comment: try row.decode(column: "comment", as: String.self),
                version: try row.decode(column: "version", as: Int.self),
                endorsedAt: try row.decode(column: "endorsed_at", as: Date.self),
                isExample: try row.decode(column: "is_example", as: Bool.self))
        }
    }
}

/// How many of the endorsements for the current text come from each region,
/// income group and size of city: does the statement speak for small cities
/// and the Global South, or only for the large ones?
package struct SignatoryCounts: Content {
    package struct Count: Content {
        package var group: String
        package var count: Int
    }

    package var cities: Int
    package var networks: Int
    package var byRegion: [Count]
    package var byIncomeGroup: [Count]
    package var byPopulationBand: [Count]

    /// The counts of the endorsements given to, or confirmed for, `version`, by SQL.
    package static func read(_ statementID: Int, version: Int, on db: any Database) async throws -> SignatoryCounts {
        let sql = db as! any SQLDatabase
        let bands = PopulationBand.allCases.reversed().map { band -> SQLQueryString in
            "WHEN c.population >= \(bind: band.lowerBound) THEN \(bind: band.rawValue)"
        }
        let rows = try await sql.raw(
            """
            SELECT e.organisation_kind AS kind, co.region, co.income_group,
                   CASE \(bands.joined(separator: " ")) END AS band, COUNT(*) AS n
            FROM statement_endorsements e
            LEFT JOIN cities c ON e.organisation_kind = 'city' AND c.id = e.organisation_id
            LEFT JOIN countries co ON co.iso2 = c.country_code
            WHERE e.statement_id = \(bind: statementID) AND e.version = \(bind: version)
            GROUP BY e.organisation_kind, co.region, co.income_group, band
            """
        ).all()
        var counts = SignatoryCounts(cities: 0, networks: 0, byRegion: [], byIncomeGroup: [], byPopulationBand: [])
        var region: [String: Int] = [:]
        var income: [String: Int] = [:]
        var band: [String: Int] = [:]
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            guard try row.decode(column: "kind", as: String.self) == Organisation.Kind.city.rawValue else {
                counts.networks += n
                continue
            }
            counts.cities += n
            if let name = try row.decode(column: "region", as: String?.self) { region[name, default: 0] += n }
            if let name = try row.decode(column: "income_group", as: String?.self) { income[name, default: 0] += n }
            if let name = try row.decode(column: "band", as: String?.self) { band[name, default: 0] += n }
        }
        counts.byRegion = ordered(region, VoiceQueries.regions)
        counts.byIncomeGroup = ordered(income, CityProfile.incomeGroups)
        counts.byPopulationBand = ordered(band, PopulationBand.allCases.map(\.rawValue))
        return counts
    }

    /// The groups known in `order`, then any others by name.
    private static func ordered(_ tally: [String: Int], _ order: [String]) -> [Count] {
        let known = order.compactMap { group in tally[group].map { Count(group: group, count: $0) } }
        let others = tally.keys.filter { !order.contains($0) }.sorted().map { Count(group: $0, count: tally[$0]!) }
        return known + others
    }

    /// How many endorsements a statement has, by the version each was given to.
    package static func versions(of statementID: Int, on db: any Database) async throws -> [Int: Int] {
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT version, COUNT(*) AS n FROM statement_endorsements WHERE statement_id = \(bind: statementID)
            GROUP BY version
            """
        ).all()
        var counts: [Int: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "version", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
