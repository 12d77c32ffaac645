/// Whom one network reaches, by region and by income group, against whom it
/// would reach if it drew its members at random among the world's cities
/// of the same sizes.
///
/// For a group g (a region, or an income group), with the network's members
/// counted by population band b (m_b of M members in all) and the
/// directory's cities counted by band (w_b) and by band and group (w_bg):
///
///     memberShare(g)   = (members in g) / M
///     expectedShare(g) = Σ_b (m_b / M) × (w_bg / w_b)
///
/// the share of g among the world's cities of each band, weighted by how
/// the network's members are spread over the bands (direct standardisation
/// by size). A network of megacities is compared with the world's
/// megacities, not with its towns, so a gap is about regions or incomes,
/// not size. The sum runs over bands smallest first, starting from 0.
public struct NetworkCoverage: Sendable, Codable, Equatable {
    public struct Share: Sendable, Codable, Equatable {
        public var group: String
        public var members: Int
        public var memberShare: Double
        public var expectedShare: Double
    }

    public var networkID: Int
    public var members: Int
    /// Every group that has members or an expected share above 0, by name.
    public var byRegion: [Share]
    public var byIncomeGroup: [Share]

    /// The coverage of every network of the index, by position.
    public static func all(_ index: LandscapeIndex) -> [NetworkCoverage] {
        let bands = PopulationBand.allCases
        let bandOf = index.cities.map { bands.firstIndex(of: $0.populationBand)! }
        let regionOf = index.cities.map(\.region)
        let incomeOf = index.cities.map { $0.incomeGroup ?? LandscapeInclusion.unclassifiedIncome }
        let worldByBand = bandOf.reduce(into: [Int](repeating: 0, count: bands.count)) { $0[$1] += 1 }
        let worldRegions = tally(bandOf, regionOf, bands: bands.count)
        let worldIncomes = tally(bandOf, incomeOf, bands: bands.count)
        return index.networks.indices.map { network in
            let members = index.members[network].map { Int($0) }
            var byBand = [Int](repeating: 0, count: bands.count)
            for city in members { byBand[bandOf[city]] += 1 }
            let compare = { (groupOf: [String], world: [String: [Int]]) -> [Share] in
                var counts: [String: Int] = [:]
                for city in members { counts[groupOf[city], default: 0] += 1 }
                return Set(counts.keys).union(world.keys).sorted().compactMap { group in
                    var expected = 0.0
                    for band in bands.indices where byBand[band] > 0 {
                        expected +=
                            Double(byBand[band]) / Double(members.count)
                            * (Double(world[group]![band]) / Double(worldByBand[band]))
                    }
                    let count = counts[group] ?? 0
                    guard count > 0 || expected > 0 else { return nil }
                    return Share(
                        group: group, members: count, memberShare: Double(count) / Double(members.count),
                        expectedShare: expected)
                }
            }
            return NetworkCoverage(
                networkID: index.networks[network].id, members: members.count,
                byRegion: members.isEmpty ? [] : compare(regionOf, worldRegions),
                byIncomeGroup: members.isEmpty ? [] : compare(incomeOf, worldIncomes))
        }
    }

    /// The directory's cities by group, then by band.
    private static func tally(_ bandOf: [Int], _ groupOf: [String], bands: Int) -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for (band, group) in zip(bandOf, groupOf) {
            counts[group, default: [Int](repeating: 0, count: bands)][band] += 1
        }
        return counts
    }
}
