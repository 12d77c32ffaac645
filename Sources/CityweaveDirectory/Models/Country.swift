import CityweaveAccounts
import CityweaveShared
import Fluent
import Vapor

/// A country or territory with an ISO 3166-1 code, as GeoNames lists them.
package final class Country: Model, @unchecked Sendable {
    package static let schema = "countries"

    // managed fields
    /// The ISO 3166-1 alpha-2 code ("FR").
    @ID(custom: "iso2", generatedBy: .user) package var id: String?

    // data fields
    @Field(key: "iso3") package var iso3: String
    @Field(key: "name") package var name: String
    /// UN M49 region ("Europe") and subregion ("Western Europe").
    @Field(key: "region") package var region: String
    @Field(key: "subregion") package var subregion: String
    /// The World Bank's income group, empty where it has none.
    @Field(key: "income_group") package var incomeGroup: String
    @Field(key: "continent") package var continent: String
    @Field(key: "population") package var population: Int
    @OptionalField(key: "capital_city_id") package var capitalCityID: Int?

    package init() {}

    package init(
        iso2: String, iso3: String, name: String, region: String, subregion: String, incomeGroup: String,
        continent: String, population: Int, capitalCityID: Int?
    ) {
        self.id = iso2
        self.iso3 = iso3
        self.name = name
        self.region = region
        self.subregion = subregion
        self.incomeGroup = incomeGroup
        self.continent = continent
        self.population = population
        self.capitalCityID = capitalCityID
    }
}

extension Request {
    /// A country's name in the reader's language; the directory's English name where the locale data has none.
    package func countryName(of country: Country) -> String {
        countryName(code: country.id ?? "", fallback: country.name)
    }

    /// The name of a city's country (loaded with the city) in the reader's language.
    package func countryName(of city: City) -> String {
        countryName(code: city.$country.id, fallback: city.country.name)
    }
}
