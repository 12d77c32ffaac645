import Foundation

/// What is known of a city's situation, for telling how alike two cities
/// are: size, wealth, place, how it is governed and how its international
/// office works. Optional fields are those a city fills in itself.
public struct CityProfile: Sendable, Equatable {
    public var id: Int
    public var population: Int
    public var countryCode: String
    public var region: String
    public var subregion: String
    /// The World Bank group of the country ("High income"); empty when it has none.
    public var incomeGroup: String
    public var formOfGovernment: String?
    /// "low", "medium" or "high".
    public var fiscalAutonomy: String?
    public var internationalStaff: Int?
    public var languages: [String]

    public init(
        id: Int, population: Int, countryCode: String, region: String, subregion: String, incomeGroup: String,
        formOfGovernment: String? = nil, fiscalAutonomy: String? = nil, internationalStaff: Int? = nil,
        languages: [String] = []
    ) {
        self.id = id
        self.population = population
        self.countryCode = countryCode
        self.region = region
        self.subregion = subregion
        self.incomeGroup = incomeGroup
        self.formOfGovernment = formOfGovernment
        self.fiscalAutonomy = fiscalAutonomy
        self.internationalStaff = internationalStaff
        self.languages = languages
    }

    /// The World Bank's income groups, poorest first.
    public static let incomeGroups = ["Low income", "Lower middle income", "Upper middle income", "High income"]
    static let fiscalAutonomyLevels = ["low", "medium", "high"]
}
