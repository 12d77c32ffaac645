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
    package var name: String
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

    package static func of(_ statementID: Int, on db: any Database) async throws -> [Signatory] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT e.organisation_kind, e.organisation_id, e.signer_name, e.signer_title, e.comment, e.version,
                   e.endorsed_at, e.is_example, c.name AS city_name, c.latitude, c.longitude, c.population,
                   c.country_code, co.region, co.income_group, n.name AS network_name
            FROM statement_endorsements e
            LEFT JOIN cities c ON e.organisation_kind = 'city' AND c.id = e.organisation_id
            LEFT JOIN countries co ON co.iso2 = c.country_code
            LEFT JOIN networks n ON e.organisation_kind = 'network' AND n.id = e.organisation_id
            WHERE e.statement_id = \(bind: statementID)
            ORDER BY e.endorsed_at, e.id
            """
        ).all()
        return try rows.map { row in
            let kind =
                try Organisation.Kind(rawValue: row.decode(column: "organisation_kind", as: String.self)) ?? .city
            let id = try row.decode(column: "organisation_id", as: Int.self)
            let name =
                try row.decode(column: kind == .city ? "city_name" : "network_name", as: String?.self)
                ?? "\(kind.rawValue) \(id)"
            return Signatory(
                organisation: Organisation(kind: kind, id: id), name: name,
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

    package init(_ signatories: [Signatory]) {
        let cities = signatories.filter { $0.organisation.kind == .city }
        self.cities = cities.count
        networks = signatories.count - cities.count
        func counts(_ groups: [String], _ key: (Signatory) -> String?) -> [Count] {
            let tally = Dictionary(grouping: cities.compactMap(key), by: { $0 }).mapValues(\.count)
            let known = groups.compactMap { group in tally[group].map { Count(group: group, count: $0) } }
            let others = tally.keys.filter { !groups.contains($0) }.sorted().map { Count(group: $0, count: tally[$0]!) }
            return known + others
        }
        byRegion = counts(VoiceQueries.regions, \.region)
        byIncomeGroup = counts(CityProfile.incomeGroups, \.incomeGroup)
        byPopulationBand = counts(PopulationBand.allCases.map(\.rawValue), { $0.populationBand?.rawValue })
    }
}
