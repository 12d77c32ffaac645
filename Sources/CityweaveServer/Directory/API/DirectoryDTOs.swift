import Vapor

/// A country as the API returns it.
struct CountryDTO: Content {
    var code: String
    var iso3: String
    var name: String
    var region: String
    var subregion: String
    var incomeGroup: String?
    var population: Int
    var capitalCityId: Int?
}

extension Country {
    func toDTO() -> CountryDTO {
        CountryDTO(
            code: id ?? "", iso3: iso3, name: name, region: region, subregion: subregion,
            incomeGroup: incomeGroup.isEmpty ? nil : incomeGroup, population: population, capitalCityId: capitalCityID)
    }
}

/// A city in a list.
struct CitySummaryDTO: Content {
    var id: Int
    var geonameid: Int?
    var name: String
    var countryCode: String
    var admin1Code: String
    var latitude: Double
    var longitude: Double
    var population: Int
    /// False for cities an import added at a file's coordinates.
    var verified: Bool
}

extension City {
    func toSummaryDTO() -> CitySummaryDTO {
        CitySummaryDTO(
            id: id ?? 0, geonameid: geonameid, name: name, countryCode: $country.id, admin1Code: admin1Code,
            latitude: latitude, longitude: longitude, population: population, verified: verified)
    }
}

/// The context a city works in: reference facts and what the city says of itself.
struct ContextProfileDTO: Content {
    var population: Int
    var region: String
    var subregion: String
    var incomeGroup: String?
    var formOfGovernment: FormOfGovernment?
    var fiscalAutonomy: FiscalAutonomy?
    /// Percent of the city budget spent on international work.
    var internationalBudgetShare: Double?
    var internationalStaff: Int?
    var workingLanguages: [String]
}

/// A city with its context, networks and partnership count.
struct CityDTO: Content {
    struct NetworkMembership: Content {
        var networkId: Int
        var slug: String
        var name: String
        var role: String
        var since: Int?
    }

    var city: CitySummaryDTO
    var country: CountryDTO
    var contextProfile: ContextProfileDTO
    var networks: [NetworkMembership]
    var partnershipCount: Int
}

/// A network with its member count.
struct NetworkDTO: Content {
    var id: Int
    var slug: String
    var name: String
    var acronym: String
    var founded: Int?
    var scope: NetworkScope
    var region: String?
    var themes: [String]
    var secretariat: CitySummaryDTO?
    var website: String?
    var source: String
    var description: String
    var memberCount: Int
}

/// A member city of a network.
struct MemberDTO: Content {
    var city: CitySummaryDTO
    var countryName: String
    var role: String
    var since: Int?
}

/// A partnership between two cities.
struct PartnershipDTO: Content {
    var id: Int
    var kind: PartnershipKind
    var since: Int?
    var source: String
    var cities: [CitySummaryDTO]
}

/// One thing search found.
struct SearchHitDTO: Content {
    var kind: String
    var id: String
    var name: String
    /// A line that tells namesakes apart ("Brazil · 12,400,232 people").
    var description: String
    /// The page of the record.
    var url: String
    /// The record in the API.
    var api: String
}
