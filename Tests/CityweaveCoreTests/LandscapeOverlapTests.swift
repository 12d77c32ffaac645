import CityweaveCore
import Testing

@Suite struct LandscapeOverlapTests {
    @Test func everyPairMatchesSetArithmetic() throws {
        for seed: UInt64 in 1...200 {
            // setup
            let instance = LandscapeIndexTests.instance(seed: seed)
            let sets = LandscapeIndexTests.memberSets(instance)
            let themes = Dictionary(uniqueKeysWithValues: instance.networks.map { ($0.id, Set($0.themes)) })
            // MUT
            let overlap = NetworkOverlap(try LandscapeIndexTests.index(instance))
            // validate
            let ids = instance.networks.map(\.id).sorted()
            var sharing: [[Int]] = []
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    let pair = overlap.pair(i, ids.firstIndex(of: b)!)
                    let (setA, setB) = (sets[a]!, sets[b]!)
                    let common = setA.intersection(setB).count
                    let union = setA.union(setB).count
                    let smaller = min(setA.count, setB.count)
                    let themeUnion = themes[a]!.union(themes[b]!).count
                    #expect(pair.first == a && pair.second == b)
                    #expect(pair.sharedMembers == common, "seed \(seed)")
                    #expect(pair.jaccard == (union == 0 ? 0 : Double(common) / Double(union)))
                    #expect(pair.overlapCoefficient == (smaller == 0 ? 0 : Double(common) / Double(smaller)))
                    let themeSimilarity =
                        themeUnion == 0 ? 0 : Double(themes[a]!.intersection(themes[b]!).count) / Double(themeUnion)
                    #expect(pair.themeSimilarity == themeSimilarity)
                    #expect(pair.redundancy == (pair.overlapCoefficient * themeSimilarity).squareRoot())
                    if common > 0 { sharing.append([a, b]) }
                }
            }
            #expect(Set(overlap.pairsSharingMembers.map { [$0.first, $0.second] }) == Set(sharing))
        }
    }

    @Test func redundancyNeedsBothSharedMembersAndSharedThemes() {
        #expect(NetworkOverlap.redundancy(overlapCoefficient: 0, themeSimilarity: 1) == 0)
        #expect(NetworkOverlap.redundancy(overlapCoefficient: 1, themeSimilarity: 0) == 0)
        #expect(NetworkOverlap.redundancy(overlapCoefficient: 1, themeSimilarity: 1) == 1)
        #expect(NetworkOverlap.redundancy(overlapCoefficient: 0.25, themeSimilarity: 1) == 0.5)
    }

    @Test func similarNetworksAreRankedByRedundancy() throws {
        for seed: UInt64 in 1...100 {
            let instance = LandscapeIndexTests.instance(seed: seed)
            let overlap = NetworkOverlap(try LandscapeIndexTests.index(instance))
            let first = overlap.networkIDs[0]
            let similar = overlap.similar(to: first, limit: 3)
            #expect(similar.count <= 3)
            #expect(similar.allSatisfy { $0.redundancy > 0 && ($0.first == first || $0.second == first) })
            #expect(zip(similar, similar.dropFirst()).allSatisfy { $0.redundancy >= $1.redundancy })
            let all = (1..<overlap.networkIDs.count).map { overlap.pair(0, $0).redundancy }.filter { $0 > 0 }
            #expect(similar.map(\.redundancy) == Array(all.sorted(by: >).prefix(3)))
        }
        #expect(
            NetworkOverlap(try LandscapeIndexTests.index(LandscapeIndexTests.instance(seed: 1))).similar(
                to: -1, limit: 5
            ).isEmpty)
    }

    @Test func clustersAreTheComponentsOfRedundantPairsInTheirOrder() throws {
        for seed: UInt64 in 1...200 {
            // setup
            let instance = LandscapeIndexTests.instance(seed: seed)
            let overlap = NetworkOverlap(try LandscapeIndexTests.index(instance))
            let threshold = [0.2, 0.5, 0.8][Int(seed % 3)]
            // MUT
            let clusters = RedundancyClusters(overlap, threshold: threshold)
            // validate: two networks share a cluster exactly when a chain of redundant pairs links them.
            let ids = overlap.networkIDs
            var reach = (0..<ids.count).map { a in
                (0..<ids.count).map { b in a == b || (a != b && overlap.pair(a, b).redundancy >= threshold) }
            }
            for k in ids.indices {
                for a in ids.indices where reach[a][k] { for b in ids.indices where reach[k][b] { reach[a][b] = true } }
            }
            let clusterOf = Dictionary(
                uniqueKeysWithValues: clusters.clusters.enumerated().flatMap { number, c in c.map { ($0, number) } })
            for a in ids.indices {
                for b in ids.indices {
                    #expect(reach[a][b] == (clusterOf[ids[a]] == clusterOf[ids[b]]), "seed \(seed)")
                }
            }
            #expect(clusters.heatmapOrder.sorted() == ids)
            #expect(zip(clusters.clusters, clusters.clusters.dropFirst()).allSatisfy { $0.count >= $1.count })
            for cluster in clusters.clusters {
                let sizes = cluster.map { overlap.memberCounts[ids.firstIndex(of: $0)!] }
                #expect(sizes == sizes.sorted(by: >))
            }
        }
    }
}
