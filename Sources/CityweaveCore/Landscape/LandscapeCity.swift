/// A city as the landscape sees it: who it is, how large, and where in the
/// world's regions and income groups it stands.
public struct LandscapeCity: Sendable, Codable, Equatable {
    /// The caller's id (the directory's); the landscape keeps it as given.
    public var id: Int
    public var name: String
    public var population: Int
    /// ISO 3166-1 alpha-2.
    public var countryCode: String
    /// The UN region ("Europe", "Africa", ...).
    public var region: String
    /// The World Bank income group of the country, nil for an economy it does not classify.
    public var incomeGroup: String?

    public init(
        id: Int, name: String, population: Int, countryCode: String, region: String, incomeGroup: String?
    ) {
        self.id = id
        self.name = name
        self.population = population
        self.countryCode = countryCode
        self.region = region
        self.incomeGroup = incomeGroup
    }

    public var populationBand: PopulationBand { PopulationBand(population: population) }
}
