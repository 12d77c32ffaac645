import CityweaveCore

/// Everything the landscape page and API show for one year, computed once
/// per landscape generation (see ``LandscapeDirectory/analysis(year:on:threadPool:)``)
/// so that a page is rendered from memory.
struct LandscapeAnalysis: Sendable {
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
        pairs = overlap.pairsSharingMembers
        clusters = RedundancyClusters(overlap, threshold: LandscapeInstance.defaultRedundancyThreshold)
        inclusion = LandscapeInclusion(index)
        coverage = NetworkCoverage.all(index)
        largestCitiesInNoNetwork = LandscapeInclusion.largestCitiesInNoNetwork(
            index, limit: LandscapeInstance.excludedCityLimit)
    }

    func name(ofNetwork id: Int) -> String { networkNames[id] ?? "" }
}
