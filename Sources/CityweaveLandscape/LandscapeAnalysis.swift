import CityweaveAccounts
import CityweaveCore

/// Everything the landscape page and API show for one year, computed once
/// per landscape generation (see ``LandscapeDirectory/analysis(year:on:threadPool:)``)
/// so that a page is rendered from memory.
package struct LandscapeAnalysis: Sendable {
    package let year: Int
    /// The landscape generation it was computed at.
    package let generation: Int
    package let index: LandscapeIndex
    package let networkNames: [Int: String]
    package let overlap: NetworkOverlap
    /// The pairs of networks that share members, most redundant first.
    package let pairs: [NetworkPairOverlap]
    package let clusters: RedundancyClusters
    package let inclusion: LandscapeInclusion
    /// By network position.
    package let coverage: [NetworkCoverage]
    package let largestCitiesInNoNetwork: [LandscapeCity]

    package init(year: Int, generation: Int, index: LandscapeIndex, networkNames: [Int: String]) {
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

    package func name(ofNetwork id: Int) -> String { networkNames[id] ?? "" }
}
