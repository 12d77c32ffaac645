import CityweaveCore
import Vapor

struct LandscapeNetworkDTO: Content, Equatable {
    var id: Int
    var name: String
}

/// How much two networks overlap, in members and in themes.
struct OverlapPairDTO: Content, Equatable {
    var first: LandscapeNetworkDTO
    var second: LandscapeNetworkDTO
    var sharedMembers: Int
    var jaccard: Double
    var overlapCoefficient: Double
    var themeSimilarity: Double
    /// The geometric mean of the overlap coefficient and the theme similarity.
    var redundancy: Double

    init(_ pair: NetworkPairOverlap, names: [Int: String]) {
        first = LandscapeNetworkDTO(id: pair.first, name: names[pair.first] ?? "")
        second = LandscapeNetworkDTO(id: pair.second, name: names[pair.second] ?? "")
        sharedMembers = pair.sharedMembers
        jaccard = pair.jaccard
        overlapCoefficient = pair.overlapCoefficient
        themeSimilarity = pair.themeSimilarity
        redundancy = pair.redundancy
    }
}

struct ClustersDTO: Content {
    var year: Int
    /// Pairs at or above this redundancy are linked; clusters are what the links join.
    var threshold: Double
    var clusters: [[LandscapeNetworkDTO]]
}

/// Whom a network reaches, by region and income group, against the world's cities of its members' sizes.
struct NetworkCoverageDTO: Content {
    var year: Int
    var coverage: NetworkCoverage
}

struct InclusionDTO: Content {
    struct CityDTO: Content {
        var id: Int
        var name: String
        var countryCode: String
        var population: Int
    }

    var year: Int
    var inclusion: LandscapeInclusion
    var largestCitiesInNoNetwork: [CityDTO]
}

/// A city in the graph of cities: its place, its partners and its peers.
struct LandscapeCityDTO: Content {
    var year: Int
    var metrics: CityMetrics
    /// Cities in its component, itself included.
    var componentSize: Int
    var neighbourhood: CityNeighbourhood
}
