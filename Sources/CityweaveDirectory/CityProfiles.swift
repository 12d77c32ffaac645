import CityweaveAccounts
import CityweaveCore
import SQLKit
import Vapor

/// Cities' context profiles (size, income, place, governance, office,
/// languages), the values ``CityLikeness`` compares; read here for every
/// module that asks which cities are alike.
package enum CityProfiles {
    /// The profile of a city loaded with its country.
    package static func profile(of city: City) -> CityProfile {
        CityProfile(
            id: city.id!, population: city.population, countryCode: city.$country.id, region: city.country.region,
            subregion: city.country.subregion, incomeGroup: city.country.incomeGroup,
            formOfGovernment: city.formOfGovernment?.rawValue, fiscalAutonomy: city.fiscalAutonomy?.rawValue,
            internationalStaff: city.internationalStaff, languages: city.workingLanguages)
    }

    /// The profiles of the cities `condition` chooses (on `c`, the city),
    /// read in one query of the columns a profile needs.
    package static func read(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [Int:
        CityProfile]
    {
        let rows = try await sql.raw(
            """
            SELECT c.id, c.population, c.country_code, co.region, co.subregion, co.income_group,
                   c.form_of_government, c.fiscal_autonomy, c.international_staff, c.working_languages
            FROM cities c JOIN countries co ON co.iso2 = c.country_code
            WHERE \(condition)
            """
        ).all()
        var profiles: [Int: CityProfile] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            profiles[id] = CityProfile(
                id: id, population: try row.decode(column: "population", as: Int.self),
                countryCode: try row.decode(column: "country_code", as: String.self),
                region: try row.decode(column: "region", as: String.self),
                subregion: try row.decode(column: "subregion", as: String.self),
                incomeGroup: try row.decode(column: "income_group", as: String.self),
                formOfGovernment: try row.decode(column: "form_of_government", as: String?.self),
                fiscalAutonomy: try row.decode(column: "fiscal_autonomy", as: String?.self),
                internationalStaff: try row.decode(column: "international_staff", as: Int?.self),
                languages: try row.decode(column: "working_languages", as: [String].self))
        }
        return profiles
    }
}
