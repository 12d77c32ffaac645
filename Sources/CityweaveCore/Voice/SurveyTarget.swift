import Foundation

/// Which cities a survey asks: every city, a network's members, the cities of
/// some regions, countries or size bands, or the members of a network within those.
public struct SurveyTarget: Codable, Sendable, Equatable {
    public var network: Int?
    /// UN M49 regions ("Africa"), as the directory names them.
    public var regions: [String]
    /// ISO 3166-1 alpha-2 codes.
    public var countries: [String]
    public var populationBands: [PopulationBand]

    public init(
        network: Int? = nil, regions: [String] = [], countries: [String] = [], populationBands: [PopulationBand] = []
    ) {
        self.network = network
        self.regions = regions
        self.countries = countries
        self.populationBands = populationBands
    }

    public var isEveryCity: Bool {
        network == nil && regions.isEmpty && countries.isEmpty && populationBands.isEmpty
    }

    /// Whether a city of `profile`, member of `networks`, is asked. Regions and countries widen
    /// each other (a city of either is asked); the network and the size bands narrow.
    public func includes(_ profile: CityProfile, networks: Set<Int>) -> Bool {
        if let network, !networks.contains(network) { return false }
        if !populationBands.isEmpty, !populationBands.contains(PopulationBand(population: profile.population)) {
            return false
        }
        if regions.isEmpty, countries.isEmpty { return true }
        return regions.contains(profile.region) || countries.contains(profile.countryCode)
    }
}
