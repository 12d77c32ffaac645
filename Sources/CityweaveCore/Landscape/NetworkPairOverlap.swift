/// How much two networks overlap, in members and in what they work on.
public struct NetworkPairOverlap: Sendable, Codable, Equatable {
    /// The networks' ids, the lower first.
    public var first: Int
    public var second: Int
    public var sharedMembers: Int
    /// Shared members over members of either (0 when neither has any).
    public var jaccard: Double
    /// Shared members over the members of the smaller network (0 when it has
    /// none): 1 when one network's members all belong to the other.
    public var overlapCoefficient: Double
    /// Jaccard of the two theme sets (0 when neither names a theme).
    public var themeSimilarity: Double
    /// See ``NetworkOverlap/redundancy(overlapCoefficient:themeSimilarity:)``.
    public var redundancy: Double
}
