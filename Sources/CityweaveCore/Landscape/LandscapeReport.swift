import Foundation

/// Every metric of one landscape, as `cityweave landscape compute` prints it.
public struct LandscapeReport: Sendable, Codable, Equatable {
    /// How long one part of the computation took.
    public struct Timing: Sendable, Codable, Equatable {
        public var part: String
        public var seconds: Double
    }

    public var year: Int?
    public var cities: Int
    public var networks: Int
    /// Memberships and partnerships that hold in the year, each counted once.
    public var memberships: Int
    public var partnerships: Int
    /// Pairs of networks sharing members, most redundant first.
    public var overlap: [NetworkPairOverlap]
    public var clusters: RedundancyClusters
    public var heatmapOrder: [Int]
    public var inclusion: LandscapeInclusion
    public var largestCitiesInNoNetwork: [LandscapeCity]
    /// By network position (ascending id).
    public var coverage: [NetworkCoverage]
    public var componentSizes: [Int]
    /// By city position (ascending id).
    public var cityMetrics: [CityMetrics]
    /// In the order computed; the index's first.
    public var timings: [Timing]

    /// The report as key-sorted JSON.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
