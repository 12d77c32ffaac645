import CityweaveCore
import Foundation

/// Seeded landscapes at the scale of the real one, the same for the tests
/// and the benchmarks (see `Benchmarks/LandscapeBenchmarks`);
/// `scripts/compare_landscape.py` draws its own by the same recipe.
public enum SyntheticLandscape {
    public static let regions = ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    public static let incomeGroups = ["Low income", "Lower middle income", "Upper middle income", "High income"]

    /// `cities` cities in 150 countries over the five UN regions, with
    /// populations from a Pareto law (most under 100,000, a few over
    /// 5 million), and `networks` networks whose sizes fall as 1/rank
    /// (the largest has `cities` × 0.4 members, most have tens: about
    /// 6.3 × that in all for 300 networks). A third of the networks are
    /// regional; members are drawn with a weight growing with population,
    /// so large cities belong to many networks and most towns to none.
    /// Themes come from one of four families, so that networks of a family
    /// overlap in themes; memberships begin between the network's founding
    /// and 2024, and one in ten has ended.
    public static func landscape(
        cities cityCount: Int, networks networkCount: Int, seed: UInt64
    ) -> (cities: [LandscapeCity], networks: [LandscapeNetwork], memberships: [LandscapeMembership]) {
        var random = SeededGenerator(seed: seed)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let countries = (0..<150).map { number -> (code: String, region: String, income: String?) in
            let region = regions.randomElement(using: &random)!
            let unclassified = Int.random(in: 0..<30, using: &random) == 0
            let income = incomeGroups.randomElement(using: &random)!
            return (String([letters[number / 26], letters[number % 26]]), region, unclassified ? nil : income)
        }
        let cities = (0..<cityCount).map { number in
            let country = countries.randomElement(using: &random)!
            let draw = Double.random(in: Double.ulpOfOne..<1, using: &random)
            return LandscapeCity(
                id: number + 1, name: "City \(number + 1)",
                population: min(30_000_000, Int(20_000 / pow(draw, 1 / 1.1))), countryCode: country.code,
                region: country.region, incomeGroup: country.income)
        }
        let families: [[Theme]] = [
            [.climate, .energy, .environment, .resilience], [.economy, .digital, .mobility, .housing],
            [.culture, .education, .equity, .migration], [.peace, .governance, .security, .health],
        ]
        var networks: [LandscapeNetwork] = []
        var memberships: [LandscapeMembership] = []
        let ranks = Array(1...networkCount).shuffled(using: &random)
        for (number, rank) in ranks.enumerated() {
            let family = families.randomElement(using: &random)!
            var themes = Set(family.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            if Bool.random(using: &random) { themes.insert(Theme.allCases.randomElement(using: &random)!) }
            let network = LandscapeNetwork(id: number + 1, name: "Network \(number + 1)", themes: themes.sorted())
            networks.append(network)
            let region = Int.random(in: 0..<3, using: &random) == 0 ? regions.randomElement(using: &random) : nil
            let eligible = cities.indices.filter { region == nil || cities[$0].region == region }
            let size = min(
                eligible.count,
                max(8, Int(Double(cityCount) * 0.4 / Double(rank) * Double.random(in: 0.7...1.3, using: &random))))
            // Weighted sampling without replacement (Efraimidis and Spirakis): the largest u^(1/w) win.
            let keyed = eligible.map { city in
                let weight = pow(Double(cities[city].population), 0.6)
                return (key: pow(Double.random(in: Double.ulpOfOne..<1, using: &random), 1 / weight), city: city)
            }
            let founded = Int.random(in: 1950...2015, using: &random)
            for member in keyed.sorted(by: { $0.key > $1.key }).prefix(size) {
                let since = Int.random(in: founded...2024, using: &random)
                let ended = Int.random(in: 0..<10, using: &random) == 0
                memberships.append(
                    LandscapeMembership(
                        networkID: network.id, cityID: cities[member.city].id,
                        since: Int.random(in: 0..<8, using: &random) == 0 ? nil : since,
                        until: ended ? Int.random(in: since...2024, using: &random) : nil))
            }
        }
        return (cities, networks, memberships)
    }

    /// A partnership graph on the first `cities` city ids with about `edges`
    /// partnerships and the degree skew of the real one: each new
    /// partnership picks its first city at random and its second in
    /// proportion to partners already held (preferential attachment), half
    /// the time, so a few cities have hundreds of partners and most a few.
    public static func partnerships(cities: Int, edges: Int, seed: UInt64) -> [LandscapePartnership] {
        var random = SeededGenerator(seed: seed)
        var ends: [Int] = []
        var seen = Set<[Int]>()
        var partnerships: [LandscapePartnership] = []
        while partnerships.count < edges {
            let first = Int.random(in: 1...cities, using: &random)
            let second =
                ends.isEmpty || Bool.random(using: &random)
                ? Int.random(in: 1...cities, using: &random) : ends.randomElement(using: &random)!
            guard first != second, seen.insert([min(first, second), max(first, second)]).inserted else { continue }
            ends += [first, second]
            partnerships.append(
                LandscapePartnership(first, second, since: Int.random(in: 1950...2024, using: &random)))
        }
        return partnerships
    }
}
