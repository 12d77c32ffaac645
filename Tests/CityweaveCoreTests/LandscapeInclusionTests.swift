import CityweaveCore
import Testing

@Suite struct LandscapeInclusionTests {
    @Test func giniIsTheMeanAbsoluteDifferenceOverTwiceTheMean() throws {
        for seed: UInt64 in 1...200 {
            // setup
            let instance = LandscapeIndexTests.instance(seed: seed)
            let index = try LandscapeIndexTests.index(instance)
            let counts = index.cities.indices.map { index.memberships.count(ofRow: $0) }
            // MUT
            let inclusion = LandscapeInclusion(index)
            // validate
            let n = Double(counts.count)
            let mean = Double(counts.reduce(0, +)) / n
            let differences = counts.reduce(0) { sum, a in sum + counts.reduce(0) { $0 + abs(a - $1) } }
            let gini = mean == 0 ? 0 : Double(differences) / (n * n) / (2 * mean)
            #expect(abs(inclusion.gini - gini) < 1e-12, "seed \(seed)")
            #expect(inclusion.citiesByMembershipCount.reduce(0, +) == counts.count)
            for (k, cities) in inclusion.citiesByMembershipCount.enumerated() {
                #expect(cities == counts.filter { $0 == k }.count)
            }
        }
    }

    @Test func theLorenzCurveRunsThroughEveryPrefixOfTheSortedCounts() throws {
        for seed: UInt64 in 1...200 {
            let index = try LandscapeIndexTests.index(LandscapeIndexTests.instance(seed: seed))
            let counts = index.cities.indices.map { index.memberships.count(ofRow: $0) }.sorted()
            let total = counts.reduce(0, +)
            let curve = LandscapeInclusion(index).lorenzCurve
            #expect(curve.first?.cityShare == 0 && curve.first?.membershipShare == 0)
            #expect(curve.last?.cityShare == 1 && curve.last?.membershipShare == 1)
            guard total > 0 else { continue }
            // Every prefix lies on the curve, which is straight between its corners.
            for prefix in 0...counts.count {
                let x = Double(prefix) / Double(counts.count)
                let y = Double(counts.prefix(prefix).reduce(0, +)) / Double(total)
                let right = curve.firstIndex { $0.cityShare >= x - 1e-12 }!
                let left = max(right - 1, 0)
                let (a, b) = (curve[left], curve[right])
                let onCurve =
                    b.cityShare == a.cityShare
                    ? b.membershipShare
                    : a.membershipShare + (x - a.cityShare) / (b.cityShare - a.cityShare)
                        * (b.membershipShare - a.membershipShare)
                #expect(abs(onCurve - y) < 1e-12, "seed \(seed), prefix \(prefix)")
            }
        }
    }

    @Test func sharesCountEveryCityOfEachGroup() throws {
        for seed: UInt64 in 1...100 {
            let instance = LandscapeIndexTests.instance(seed: seed)
            let sets = LandscapeIndexTests.memberSets(instance)
            let included = Set(sets.values.flatMap(\.self))
            let inclusion = LandscapeInclusion(try LandscapeIndexTests.index(instance))
            let check = { (shares: [LandscapeInclusion.Share], order: [String], group: (LandscapeCity) -> String) in
                let groups = Set(instance.cities.map(group))
                #expect(shares.map(\.group) == order.filter(groups.contains))
                for share in shares {
                    let cities = instance.cities.filter { group($0) == share.group }
                    #expect(share.cities == cities.count)
                    #expect(share.citiesInNetworks == cities.filter { included.contains($0.id) }.count)
                    #expect(share.share == Double(share.citiesInNetworks) / Double(share.cities))
                }
            }
            let names = instance.cities.flatMap {
                [$0.region, $0.incomeGroup ?? LandscapeInclusion.unclassifiedIncome]
            }
            check(inclusion.byRegion, Set(names).sorted(), \.region)
            check(inclusion.byIncomeGroup, Set(names).sorted()) {
                $0.incomeGroup ?? LandscapeInclusion.unclassifiedIncome
            }
            check(inclusion.byPopulationBand, PopulationBand.allCases.map(\.rawValue)) { $0.populationBand.rawValue }
            #expect(inclusion.overall.citiesInNetworks == included.count)
            let outside = LandscapeInclusion.largestCitiesInNoNetwork(
                try LandscapeIndexTests.index(instance), limit: 3)
            let expected = instance.cities.filter { !included.contains($0.id) }
                .sorted { ($0.population, $1.id) > ($1.population, $0.id) }.prefix(3)
            #expect(outside == Array(expected))
        }
    }

    @Test func coverageComparesMembersWithTheWorldsCitiesOfTheirSizes() throws {
        for seed: UInt64 in 1...100 {
            let instance = LandscapeIndexTests.instance(seed: seed)
            let sets = LandscapeIndexTests.memberSets(instance)
            let coverage = NetworkCoverage.all(try LandscapeIndexTests.index(instance))
            for entry in coverage {
                let members = instance.cities.filter { sets[entry.networkID]!.contains($0.id) }
                #expect(entry.members == members.count)
                for share in entry.byRegion {
                    #expect(share.members == members.filter { $0.region == share.group }.count)
                    // Expected: a member's chance of being in the region, had it been drawn among the
                    // world's cities of its band.
                    let expected =
                        members.reduce(0.0) { sum, member in
                            let peers = instance.cities.filter { $0.populationBand == member.populationBand }
                            return sum + Double(peers.filter { $0.region == share.group }.count) / Double(peers.count)
                        } / Double(members.count)
                    #expect(abs(share.expectedShare - expected) < 1e-12, "seed \(seed)")
                }
                let shares = entry.byIncomeGroup.map(\.memberShare).reduce(0, +)
                #expect(members.isEmpty || abs(shares - 1) < 1e-12)
                #expect(members.isEmpty || abs(entry.byRegion.map(\.expectedShare).reduce(0, +) - 1) < 1e-12)
            }
        }
    }
}
