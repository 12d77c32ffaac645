import Foundation

/// A landscape as a JSON file holds it, for `cityweave landscape compute`
/// and the comparison with networkx and igraph
/// (`scripts/compare_landscape.py`):
///
///     {"cities": [{"id": 7, "name": "Leipzig", "population": 616093, "countryCode": "DE",
///                  "region": "Europe", "incomeGroup": "High income"}],
///      "networks": [{"id": 1, "name": "Eurocities", "themes": ["culture", "mobility"]}],
///      "memberships": [{"networkID": 1, "cityID": 7, "since": 1991}],
///      "partnerships": [{"first": 7, "second": 9, "since": 1962}],
///      "year": 2020, "redundancyThreshold": 0.5}
///
/// A city's `incomeGroup`, a membership's `since` and `until`, a
/// partnership's `since`, `year` (every year) and `redundancyThreshold`
/// (``defaultRedundancyThreshold``) may be left out.
public struct LandscapeInstance: Sendable, Codable {
    public static let defaultRedundancyThreshold = 0.5
    /// The largest cities in no network that the report lists.
    public static let excludedCityLimit = 50

    public var cities: [LandscapeCity]
    public var networks: [LandscapeNetwork]
    public var memberships: [LandscapeMembership]
    public var partnerships: [LandscapePartnership]
    public var year: Int?
    public var redundancyThreshold: Double?

    public init(
        cities: [LandscapeCity], networks: [LandscapeNetwork], memberships: [LandscapeMembership],
        partnerships: [LandscapePartnership], year: Int? = nil, redundancyThreshold: Double? = nil
    ) {
        self.cities = cities
        self.networks = networks
        self.memberships = memberships
        self.partnerships = partnerships
        self.year = year
        self.redundancyThreshold = redundancyThreshold
    }

    /// Computes the whole landscape in `data` (JSON as above).
    public static func compute(json data: Data) throws -> LandscapeReport {
        try JSONDecoder().decode(LandscapeInstance.self, from: data).compute()
    }

    /// Every metric of the landscape, each part timed.
    public func compute() throws -> LandscapeReport {
        let clock = ContinuousClock()
        var timings: [LandscapeReport.Timing] = []
        func timed<T>(_ part: String, _ work: () throws -> T) rethrows -> T {
            let started = clock.now
            let result = try work()
            let elapsed = clock.now - started
            timings.append(
                .init(
                    part: part,
                    seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return result
        }
        let index = try timed("index") {
            try LandscapeIndex(
                cities: cities, networks: networks, memberships: memberships, partnerships: partnerships, year: year)
        }
        let overlap = timed("overlap") { NetworkOverlap(index) }
        let pairs = timed("overlap pairs") { overlap.pairsSharingMembers }
        let clusters = timed("clusters") {
            RedundancyClusters(overlap, threshold: redundancyThreshold ?? Self.defaultRedundancyThreshold)
        }
        let inclusion = timed("inclusion") { LandscapeInclusion(index) }
        let excluded = timed("largest excluded") {
            LandscapeInclusion.largestCitiesInNoNetwork(index, limit: Self.excludedCityLimit)
        }
        let coverage = timed("coverage") { NetworkCoverage.all(index) }
        let weightedDegrees = timed("degrees") { index.weightedDegrees }
        let components = timed("components") { PartnershipComponents(index.partners) }
        let betweenness = timed("betweenness") { PartnershipBetweenness(index.partners) }
        let metrics = CityMetrics.all(
            index, weightedDegrees: weightedDegrees, components: components, betweenness: betweenness)
        return LandscapeReport(
            year: year, cities: index.cities.count, networks: index.networks.count,
            memberships: index.members.values.count, partnerships: index.partnershipCount, overlap: pairs,
            clusters: clusters, heatmapOrder: clusters.heatmapOrder, inclusion: inclusion,
            largestCitiesInNoNetwork: excluded, coverage: coverage, componentSizes: components.sizes,
            cityMetrics: metrics, timings: timings)
    }
}
