import CityweaveAccounts
import Vapor

/// A country as the API returns it.
package struct CountryDTO: Content {
    package var code: String
    package var iso3: String
    package var name: String
    package var region: String
    package var subregion: String
    package var incomeGroup: String?
    package var population: Int
    package var capitalCityId: Int?
}

extension Country {
    package func toDTO() -> CountryDTO {
        CountryDTO(
            code: id ?? "", iso3: iso3, name: name, region: region, subregion: subregion,
            incomeGroup: incomeGroup.isEmpty ? nil : incomeGroup, population: population, capitalCityId: capitalCityID)
    }
}

/// A city in a list.
package struct CitySummaryDTO: Content {
    package var id: Int
    package var geonameid: Int?
    package var name: String
    package var countryCode: String
    package var admin1Code: String
    package var latitude: Double
    package var longitude: Double
    package var population: Int
    /// False for cities an import added at a file's coordinates.
    package var verified: Bool
}

extension City {
    package func toSummaryDTO() -> CitySummaryDTO {
        CitySummaryDTO(
            id: id ?? 0, geonameid: geonameid, name: name, countryCode: $country.id, admin1Code: admin1Code,
            latitude: latitude, longitude: longitude, population: population, verified: verified)
    }
}

/// The context a city works in: reference facts and what the city says of itself.
package struct ContextProfileDTO: Content {
    package var population: Int
    package var region: String
    package var subregion: String
    package var incomeGroup: String?
    package var formOfGovernment: FormOfGovernment?
    package var fiscalAutonomy: FiscalAutonomy?
    /// Percent of the city budget spent on international work.
    package var internationalBudgetShare: Double?
    package var internationalStaff: Int?
    package var workingLanguages: [String]
}

/// A city with its context, networks and partnership count.
package struct CityDTO: Content {
    package struct NetworkMembership: Content {
        package var networkId: Int
        package var slug: String
        package var name: String
        package var role: String
        package var since: Int?
    }

    package var city: CitySummaryDTO
    package var country: CountryDTO
    package var contextProfile: ContextProfileDTO
    package var networks: [NetworkMembership]
    package var partnershipCount: Int
}

/// A network with its member count.
package struct NetworkDTO: Content {
    package var id: Int
    package var slug: String
    package var name: String
    package var acronym: String
    package var founded: Int?
    package var scope: NetworkScope
    package var region: String?
    package var themes: [String]
    package var secretariat: CitySummaryDTO?
    package var website: String?
    package var source: String
    package var description: String
    /// The member cities the directory holds; see `membersKnown`.
    package var memberCount: Int
    /// The regions and other bodies its list names beside its cities.
    package var bodyCount: Int
    /// The year the network closed, when it has.
    package var ended: Int?
    /// The network that took over when it closed.
    package var successor: NetworkRefDTO?
    /// False when the network's member list is not published: its `memberCount` is then not its size.
    package var membersKnown: Bool
    /// Where the member list comes from, when it is known.
    package var memberListSource: String?
    /// What the member list leaves out, when something is known to be missing.
    package var memberListNote: String?
}

/// A network named from elsewhere: an engagement's, a successor.
package struct NetworkRefDTO: Content {
    package var id: Int
    package var slug: String
    package var name: String

    package init(id: Int, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }
}

/// A member city of a network.
package struct MemberDTO: Content {
    package var city: CitySummaryDTO
    package var countryName: String
    package var role: String
    package var since: Int?
}

/// A partnership between two cities.
package struct PartnershipDTO: Content {
    package var id: Int
    package var kind: PartnershipKind
    package var since: Int?
    package var source: String
    package var cities: [CitySummaryDTO]
}

/// One thing search found.
package struct SearchHitDTO: Content {
    package var kind: String
    package var id: String
    package var name: String
    /// A line that tells namesakes apart ("Brazil · 12,400,232 people").
    package var description: String
    /// The page of the record.
    package var url: String
    /// The record in the API.
    package var api: String
}
