import CityweaveCore

/// Everything the landscape page and API show for one year, computed once
/// per landscape generation (see ``LandscapeDirectory/analysis(year:on:threadPool:)``)
/// so that a page is rendered from memory.
struct LandscapeAnalysis: Sendable {
    /// Redundancy at which two networks count as doing the same work for the same cities.
    static let clusterThreshold = 0.5
    /// How many of the largest cities in no network are kept (the map's and the API's).
    static let largestOutsideLimit = 50

    let year: Int
    /// The landscape generation it was computed at.
    let generation: Int
    let index: LandscapeIndex
    let networkNames: [Int: String]
    let overlap: NetworkOverlap
    /// The pairs of networks that share members, most redundant first.
    let pairs: [NetworkPairOverlap]
    let clusters: RedundancyClusters
    let inclusion: LandscapeInclusion
    /// By network position.
    let coverage: [NetworkCoverage]
    let largestCitiesInNoNetwork: [LandscapeCity]

    init(year: Int, generation: Int, index: LandscapeIndex, networkNames: [Int: String]) {
        self.year = year
        self.generation = generation
        self.index = index
        self.networkNames = networkNames
        overlap = NetworkOverlap(index)
        pairs = overlap.pairsSharingMembers.sorted {
            ($0.redundancy, $0.sharedMembers, -$0.first, -$0.second)
                > ($1.redundancy, $1.sharedMembers, -$1.first, -$1.second)
        }
        clusters = RedundancyClusters(overlap, threshold: Self.clusterThreshold)
        inclusion = LandscapeInclusion(index)
        coverage = NetworkCoverage.all(index)
        largestCitiesInNoNetwork = LandscapeInclusion.largestCitiesInNoNetwork(index, limit: Self.largestOutsideLimit)
    }

    func name(ofNetwork id: Int) -> String { networkNames[id] ?? "" }
}
