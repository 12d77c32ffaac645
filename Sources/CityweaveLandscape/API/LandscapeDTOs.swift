import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import Vapor

package struct LandscapeNetworkDTO: Content, Equatable {
    package var id: Int
    package var name: String
}

/// How much two networks overlap, in members and in themes.
package struct OverlapPairDTO: Content, Equatable {
    package var first: LandscapeNetworkDTO
    package var second: LandscapeNetworkDTO
    package var sharedMembers: Int
    package var jaccard: Double
    package var overlapCoefficient: Double
    package var themeSimilarity: Double
    /// The geometric mean of the overlap coefficient and the theme similarity.
    package var redundancy: Double

    package init(_ pair: NetworkPairOverlap, names: [Int: String]) {
        first = LandscapeNetworkDTO(id: pair.first, name: names[pair.first] ?? "")
        second = LandscapeNetworkDTO(id: pair.second, name: names[pair.second] ?? "")
        sharedMembers = pair.sharedMembers
        jaccard = pair.jaccard
        overlapCoefficient = pair.overlapCoefficient
        themeSimilarity = pair.themeSimilarity
        redundancy = pair.redundancy
    }
}

package struct ClustersDTO: Content {
    package var year: Int
    /// Pairs at or above this redundancy are linked; clusters are what the links join.
    package var threshold: Double
    package var clusters: [[LandscapeNetworkDTO]]
}

/// Whom a network reaches, by region and income group, against the world's cities of its members' sizes.
package struct NetworkCoverageDTO: Content {
    package var year: Int
    package var coverage: NetworkCoverage
}

package struct InclusionDTO: Content {
    package struct CityDTO: Content {
        package var id: Int
        package var name: String
        package var countryCode: String
        package var population: Int
    }

    package var year: Int
    package var inclusion: LandscapeInclusion
    package var largestCitiesInNoNetwork: [CityDTO]
}

/// A city in the graph of cities: its place, its partners and its peers.
package struct LandscapeCityDTO: Content {
    package var year: Int
    package var metrics: CityMetrics
    /// Cities in its component, itself included.
    package var componentSize: Int
    package var neighbourhood: CityNeighbourhood
}
