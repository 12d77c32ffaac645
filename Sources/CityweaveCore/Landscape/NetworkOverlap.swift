import Foundation

/// The overlap of every pair of networks (see ``NetworkPairOverlap``).
///
/// Member sets are the index's sorted rows, and the shared counts of all
/// pairs come from one walk over the cities: each city adds one to every
/// pair of the networks it belongs to. That costs the sum over cities of
/// k(k-1)/2 for a city in k networks (about a million steps for 100,000
/// memberships), where merging sorted lists pair by pair would cost
/// (networks - 1) x memberships (30 million) and bitsets networks²/2 x
/// cities/64 words (14 million) whatever the sets' sizes.
public struct NetworkOverlap: Sendable {
    public let networkIDs: [Int]
    public let memberCounts: [Int]
    private let themes: [ThemeSet]
    /// Shared members of networks at positions a < b, at `a * count + b`.
    private let shared: [Int32]

    public init(_ index: LandscapeIndex) {
        let count = index.networks.count
        var shared = [Int32](repeating: 0, count: count * count)
        shared.withUnsafeMutableBufferPointer { shared in
            index.memberships.values.withUnsafeBufferPointer { networks in
                let offsets = index.memberships.offsets
                for city in 0..<index.memberships.rowCount {
                    let (start, end) = (offsets[city], offsets[city + 1])
                    for i in start..<end {
                        let row = Int(networks[i]) * count
                        for j in (i + 1)..<end { shared[row + Int(networks[j])] += 1 }
                    }
                }
            }
        }
        networkIDs = index.networks.map(\.id)
        memberCounts = (0..<count).map { index.members.count(ofRow: $0) }
        themes = index.networkThemes
        self.shared = shared
    }

    /// The score by which pairs are ranked and clustered: the geometric mean
    /// of the overlap coefficient and the theme similarity. Two networks are
    /// redundant for a city only when they bring it the same peers *and* the
    /// same work, so the score is 0 when either is 0: two climate networks
    /// on different continents, or a health and a culture network that
    /// happen to share members, are not redundant. (A plain mean would rate
    /// the first pair 0.5.) The overlap coefficient, not Jaccard, because a
    /// small network whose members all belong to a large one on the same
    /// themes is redundant for every one of its members, however much larger
    /// the other is.
    public static func redundancy(overlapCoefficient: Double, themeSimilarity: Double) -> Double {
        (overlapCoefficient * themeSimilarity).squareRoot()
    }

    /// The overlap of the networks at positions `a` and `b` (in either order, distinct).
    public func pair(_ a: Int, _ b: Int) -> NetworkPairOverlap {
        let (low, high) = a < b ? (a, b) : (b, a)
        let common = Int(shared[low * networkIDs.count + high])
        let (lowCount, highCount) = (memberCounts[low], memberCounts[high])
        let union = lowCount + highCount - common
        let smaller = min(lowCount, highCount)
        let themeUnion = themes[low].union(themes[high]).count
        let overlapCoefficient = smaller == 0 ? 0 : Double(common) / Double(smaller)
        let themeSimilarity =
            themeUnion == 0 ? 0 : Double(themes[low].intersection(themes[high]).count) / Double(themeUnion)
        return NetworkPairOverlap(
            first: networkIDs[low], second: networkIDs[high], sharedMembers: common,
            jaccard: union == 0 ? 0 : Double(common) / Double(union), overlapCoefficient: overlapCoefficient,
            themeSimilarity: themeSimilarity,
            redundancy: Self.redundancy(overlapCoefficient: overlapCoefficient, themeSimilarity: themeSimilarity))
    }

    /// Every pair with a shared member (the others have a redundancy of 0),
    /// most redundant first, then by shared members, then by ids: the
    /// landscape's table before the reader sorts it.
    public var pairsSharingMembers: [NetworkPairOverlap] {
        var pairs: [NetworkPairOverlap] = []
        let count = networkIDs.count
        for a in 0..<count {
            for b in (a + 1)..<count where shared[a * count + b] > 0 { pairs.append(pair(a, b)) }
        }
        return pairs.sorted(by: Self.ranking)
    }

    /// The networks most like the network `id` (by redundancy, then shared
    /// members, then id), those with a redundancy above 0, at most `limit`.
    /// Empty for an unknown id.
    public func similar(to id: Int, limit: Int) -> [NetworkPairOverlap] {
        guard let position = networkIDs.firstIndex(of: id) else { return [] }
        let pairs = networkIDs.indices.lazy.filter { $0 != position }.map { pair(position, $0) }
            .filter { $0.redundancy > 0 }
        return Array(pairs.sorted(by: Self.ranking).prefix(limit))
    }

    private static func ranking(_ a: NetworkPairOverlap, _ b: NetworkPairOverlap) -> Bool {
        (-a.redundancy, -a.sharedMembers, a.first, a.second) < (-b.redundancy, -b.sharedMembers, b.first, b.second)
    }
}
