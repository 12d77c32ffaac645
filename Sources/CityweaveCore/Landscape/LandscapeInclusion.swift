/// Who is left out: how many of the directory's cities belong to at least
/// one network, by group, and how unequally memberships are spread.
///
/// Every figure counts every city of the directory, those in no network
/// included: a landscape where a few cities hold every membership is what
/// these figures are there to show.
public struct LandscapeInclusion: Sendable, Codable, Equatable {
    /// The cities of one group and how many of them belong to a network.
    public struct Share: Sendable, Codable, Equatable {
        public var group: String
        public var cities: Int
        public var citiesInNetworks: Int
        /// `citiesInNetworks / cities`.
        public var share: Double

        init(group: String, cities: Int, citiesInNetworks: Int) {
            self.group = group
            self.cities = cities
            self.citiesInNetworks = citiesInNetworks
            share = cities == 0 ? 0 : Double(citiesInNetworks) / Double(cities)
        }
    }

    /// A corner of the Lorenz curve: the poorest `cityShare` of cities hold
    /// `membershipShare` of the memberships. Between corners the curve is straight.
    public struct LorenzPoint: Sendable, Codable, Equatable {
        public var cityShare: Double
        public var membershipShare: Double
    }

    /// The group of cities whose country the World Bank does not classify.
    public static let unclassifiedIncome = "Not classified"

    public var overall: Share
    /// By UN region, by name.
    public var byRegion: [Share]
    /// By income group, by name, ``unclassifiedIncome`` among them.
    public var byIncomeGroup: [Share]
    /// By population band, smallest first.
    public var byPopulationBand: [Share]
    /// Cities by number of memberships: `[k]` cities belong to k networks.
    public var citiesByMembershipCount: [Int]
    /// From (0, 0) to (1, 1), at each change in the number of memberships.
    public var lorenzCurve: [LorenzPoint]
    /// 0 when every city holds as many memberships as every other (or none
    /// holds any), towards 1 when one city holds them all.
    public var gini: Double

    public init(_ index: LandscapeIndex) {
        let memberships = index.memberships
        let cities = index.cities
        var regions: [String: (Int, Int)] = [:]
        var incomes: [String: (Int, Int)] = [:]
        var bands = [PopulationBand: (Int, Int)]()
        var histogram: [Int] = [0]
        var included = 0
        for (position, city) in cities.enumerated() {
            let count = memberships.count(ofRow: position)
            let inNetwork = count > 0 ? 1 : 0
            included += inNetwork
            regions[city.region, default: (0, 0)].0 += 1
            regions[city.region, default: (0, 0)].1 += inNetwork
            incomes[city.incomeGroup ?? Self.unclassifiedIncome, default: (0, 0)].0 += 1
            incomes[city.incomeGroup ?? Self.unclassifiedIncome, default: (0, 0)].1 += inNetwork
            bands[city.populationBand, default: (0, 0)].0 += 1
            bands[city.populationBand, default: (0, 0)].1 += inNetwork
            while histogram.count <= count { histogram.append(0) }
            histogram[count] += 1
        }
        let shares = { (tally: [String: (Int, Int)]) in
            tally.sorted { $0.key < $1.key }.map {
                Share(group: $0.key, cities: $0.value.0, citiesInNetworks: $0.value.1)
            }
        }
        overall = Share(group: "all", cities: cities.count, citiesInNetworks: included)
        byRegion = shares(regions)
        byIncomeGroup = shares(incomes)
        byPopulationBand = PopulationBand.allCases.compactMap { band in
            bands[band].map { Share(group: band.rawValue, cities: $0.0, citiesInNetworks: $0.1) }
        }
        citiesByMembershipCount = histogram
        (lorenzCurve, gini) = Self.lorenz(histogram: histogram)
    }

    /// The Lorenz curve's corners and the Gini coefficient of a distribution
    /// given as a histogram. With the n values ascending, x(1) ≤ ... ≤ x(n),
    /// and T their sum, G = (2 Σ i x(i) - (n + 1) T) / (n T), which equals the
    /// mean absolute difference over twice the mean; it is computed in whole
    /// numbers and divided once, so it is exact to the last bit.
    static func lorenz(histogram: [Int]) -> ([LorenzPoint], Double) {
        let n = histogram.reduce(0, +)
        let total = histogram.enumerated().reduce(0) { $0 + $1.offset * $1.element }
        guard n > 0, total > 0 else {
            return ([LorenzPoint(cityShare: 0, membershipShare: 0), LorenzPoint(cityShare: 1, membershipShare: 1)], 0)
        }
        var points = [LorenzPoint(cityShare: 0, membershipShare: 0)]
        var (rank, held, weightedSum) = (0, 0, 0)
        for (value, cities) in histogram.enumerated() where cities > 0 {
            // Σ i over the ranks rank+1 ... rank+cities.
            weightedSum += value * (cities * (2 * rank + cities + 1) / 2)
            rank += cities
            held += value * cities
            points.append(
                LorenzPoint(cityShare: Double(rank) / Double(n), membershipShare: Double(held) / Double(total)))
        }
        return (points, Double(2 * weightedSum - (n + 1) * total) / Double(n * total))
    }

    /// The most populous cities in no network (then by id), at most `limit`.
    public static func largestCitiesInNoNetwork(_ index: LandscapeIndex, limit: Int) -> [LandscapeCity] {
        let outside = index.cities.indices.filter { index.memberships.count(ofRow: $0) == 0 }.map { index.cities[$0] }
        return Array(outside.sorted { ($0.population, $1.id) > ($1.population, $0.id) }.prefix(limit))
    }
}
