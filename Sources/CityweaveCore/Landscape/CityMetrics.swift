/// One city's place in the graph of cities.
public struct CityMetrics: Sendable, Codable, Equatable {
    public var cityID: Int
    /// Partners.
    public var degree: Int
    /// Partnerships plus networks shared with each other city (see ``LandscapeIndex/weightedDegrees``).
    public var weightedDegree: Int
    /// See ``PartnershipBetweenness``.
    public var betweenness: Double
    public var normalizedBetweenness: Double
    /// See ``PartnershipComponents``.
    public var component: Int

    /// Every city's metrics, by position.
    public static func all(
        _ index: LandscapeIndex, weightedDegrees: [Int], components: PartnershipComponents,
        betweenness: PartnershipBetweenness
    ) -> [CityMetrics] {
        index.cities.indices.map { city in
            CityMetrics(
                cityID: index.cities[city].id, degree: index.partners.count(ofRow: city),
                weightedDegree: weightedDegrees[city], betweenness: betweenness.raw[city],
                normalizedBetweenness: betweenness.normalized[city], component: components.componentOfCity[city])
        }
    }
}
