import CityweaveCore
import Testing

@Suite struct LandscapeGraphTests {
    /// Betweenness by definition: for every pair {s, t}, all shortest paths
    /// counted from all-pairs distances (Floyd–Warshall), and v's share of
    /// them: σ(s,v)·σ(v,t)/σ(s,t) when d(s,v) + d(v,t) = d(s,t).
    static func naiveBetweenness(_ adjacency: [[Bool]]) -> [Double] {
        let n = adjacency.count
        let far = Int.max / 4
        var distance = (0..<n).map { a in (0..<n).map { b in a == b ? 0 : adjacency[a][b] ? 1 : far } }
        for k in 0..<n {
            for a in 0..<n { for b in 0..<n { distance[a][b] = min(distance[a][b], distance[a][k] + distance[k][b]) } }
        }
        // Shortest paths counted by distance layers.
        var paths = (0..<n).map { a in (0..<n).map { b in a == b ? 1.0 : 0 } }
        for s in 0..<n {
            for t in (0..<n).sorted(by: { distance[s][$0] < distance[s][$1] }) where t != s && distance[s][t] < far {
                paths[s][t] = (0..<n).filter { adjacency[$0][t] && distance[s][$0] == distance[s][t] - 1 }
                    .reduce(0) { $0 + paths[s][$1] }
            }
        }
        var result = [Double](repeating: 0, count: n)
        for s in 0..<n {
            for t in (s + 1)..<n where distance[s][t] < far {
                for v in 0..<n where v != s && v != t && distance[s][v] + distance[v][t] == distance[s][t] {
                    result[v] += paths[s][v] * paths[v][t] / paths[s][t]
                }
            }
        }
        return result
    }

    static func adjacency(_ index: LandscapeIndex) -> [[Bool]] {
        index.cities.indices.map { a in index.cities.indices.map { index.partners[a].contains(Int32($0)) } }
    }

    @Test func betweennessMatchesCountingEveryShortestPath() throws {
        for seed: UInt64 in 1...300 {
            // setup
            let index = try LandscapeIndexTests.index(LandscapeIndexTests.instance(seed: seed))
            let expected = Self.naiveBetweenness(Self.adjacency(index))
            // MUT
            let betweenness = PartnershipBetweenness(index.partners)
            // validate
            let n = Double(index.cities.count)
            for city in index.cities.indices {
                #expect(abs(betweenness.raw[city] - expected[city]) < 1e-9, "seed \(seed)")
                let normalized = n > 2 ? expected[city] * 2 / ((n - 1) * (n - 2)) : expected[city]
                #expect(abs(betweenness.normalized[city] - normalized) < 1e-12)
            }
        }
    }

    @Test func betweennessOfAStarAndAPath() throws {
        // A star: the centre lies on every path between two leaves.
        let star = try LandscapeIndex(
            cities: (1...5).map {
                LandscapeCity(id: $0, name: "", population: 1, countryCode: "", region: "", incomeGroup: nil)
            },
            networks: [], memberships: [], partnerships: (2...5).map { LandscapePartnership(1, $0) })
        let betweenness = PartnershipBetweenness(star.partners)
        #expect(betweenness.raw == [6, 0, 0, 0, 0])
        #expect(betweenness.normalized == [1, 0, 0, 0, 0])
    }

    @Test func componentsAreWhatABreadthFirstSearchReaches() throws {
        for seed: UInt64 in 1...200 {
            let index = try LandscapeIndexTests.index(LandscapeIndexTests.instance(seed: seed))
            let adjacency = Self.adjacency(index)
            let components = PartnershipComponents(index.partners)
            // Union-find over the pairs.
            var parent = Array(index.cities.indices)
            func root(_ a: Int) -> Int { parent[a] == a ? a : root(parent[a]) }
            for a in adjacency.indices {
                for b in adjacency.indices where adjacency[a][b] { parent[root(a)] = root(b) }
            }
            for a in adjacency.indices {
                for b in adjacency.indices {
                    #expect((root(a) == root(b)) == (components.componentOfCity[a] == components.componentOfCity[b]))
                }
            }
            #expect(components.sizes == components.sizes.sorted(by: >))
            #expect(components.sizes.reduce(0, +) == index.cities.count)
            for (number, size) in components.sizes.enumerated() {
                #expect(components.componentOfCity.filter { $0 == number }.count == size)
            }
        }
    }

    @Test func weightedDegreeIsTheSumOverTheProjectionsEdges() throws {
        for seed: UInt64 in 1...200 {
            let instance = LandscapeIndexTests.instance(seed: seed)
            let index = try LandscapeIndexTests.index(instance)
            let sets = LandscapeIndexTests.memberSets(instance)
            let adjacency = Self.adjacency(index)
            let weighted = index.weightedDegrees
            for (a, city) in index.cities.enumerated() {
                let shared = index.cities.filter { $0.id != city.id }.reduce(0) { sum, other in
                    sum + sets.values.filter { $0.contains(city.id) && $0.contains(other.id) }.count
                }
                #expect(weighted[a] == shared + adjacency[a].filter(\.self).count, "seed \(seed)")
                #expect(index.partnershipDegrees[a] == adjacency[a].filter(\.self).count)
            }
        }
    }

    @Test func aNeighbourhoodRanksPeersBySharedNetworks() throws {
        for seed: UInt64 in 1...100 {
            let instance = LandscapeIndexTests.instance(seed: seed)
            let index = try LandscapeIndexTests.index(instance)
            let sets = LandscapeIndexTests.memberSets(instance)
            let city = index.cities[0]
            let neighbourhood = try #require(CityNeighbourhood(index, cityID: city.id, peerLimit: 100))
            let shared = { (other: Int) in sets.values.filter { $0.contains(city.id) && $0.contains(other) }.count }
            let peers = index.cities.filter { $0.id != city.id && shared($0.id) > 0 }
            #expect(Set(neighbourhood.peers.map(\.city.id)) == Set(peers.map(\.id)))
            #expect(neighbourhood.peers.allSatisfy { $0.sharedNetworks == shared($0.city.id) })
            let keys = neighbourhood.peers.map { (-$0.sharedNetworks, $0.city.name, $0.city.id) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
            #expect(
                Set(neighbourhood.partners.map(\.city.id)) == Set(index.partners[0].map { index.cities[Int($0)].id }))
            #expect(neighbourhood.partners.allSatisfy { $0.isPartner })
        }
        #expect(
            CityNeighbourhood(
                try LandscapeIndexTests.index(LandscapeIndexTests.instance(seed: 1)), cityID: -5, peerLimit: 1) == nil)
    }

    @Test func aYearLeavesOutWhatHadNotBegunOrHadEnded() throws {
        let cities = (1...3).map {
            LandscapeCity(id: $0, name: "\($0)", population: 1, countryCode: "", region: "", incomeGroup: nil)
        }
        let instance = LandscapeInstance(
            cities: cities, networks: [LandscapeNetwork(id: 1, name: "N", themes: [.climate])],
            memberships: [
                .init(networkID: 1, cityID: 1, since: 1990), .init(networkID: 1, cityID: 2, since: 2000, until: 2004),
                .init(networkID: 1, cityID: 3),
            ],
            partnerships: [.init(1, 2, since: 1995), .init(2, 3)])
        let in1992 = try LandscapeIndexTests.index(instance, year: 1992)
        #expect(Array(in1992.members[0]) == [0, 2])
        #expect(in1992.partnershipCount == 1)
        let in2002 = try LandscapeIndexTests.index(instance, year: 2002)
        #expect(Array(in2002.members[0]) == [0, 1, 2])
        #expect(in2002.weightedDegrees == [2 + 1, 2 + 2, 2 + 1])
        #expect(Array(try LandscapeIndexTests.index(instance, year: 2005).members[0]) == [0, 2])
    }
}
