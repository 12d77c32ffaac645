/// The landscape's tables as CSV for spreadsheets (see ``CSVExport``).
public enum LandscapeCSV {
    /// The overlap matrix in long form, a row per pair of networks sharing
    /// members, in the order given: what the sortable table shows.
    public static func overlapPairs(_ pairs: [NetworkPairOverlap], names: [Int: String]) throws -> String {
        try CSVExport.text(
            header: [
                "network_a", "network_a_name", "network_b", "network_b_name", "shared_members", "jaccard",
                "overlap_coefficient", "theme_similarity", "redundancy",
            ],
            rows: pairs.map { pair in
                [
                    String(pair.first), names[pair.first] ?? "", String(pair.second), names[pair.second] ?? "",
                    String(pair.sharedMembers), String(pair.jaccard), String(pair.overlapCoefficient),
                    String(pair.themeSimilarity), String(pair.redundancy),
                ]
            })
    }

    /// The square matrix of redundancy, networks in `order` (the heatmap's)
    /// down the rows and across the columns; the diagonal is empty.
    public static func redundancyMatrix(_ overlap: NetworkOverlap, order: [Int], names: [Int: String]) throws -> String
    {
        let positions = Dictionary(uniqueKeysWithValues: overlap.networkIDs.enumerated().map { ($1, $0) })
        let ordered = order.compactMap { positions[$0] }
        return try CSVExport.text(
            header: ["network", "name"] + ordered.map { String(overlap.networkIDs[$0]) },
            rows: ordered.map { row in
                [String(overlap.networkIDs[row]), names[overlap.networkIDs[row]] ?? ""]
                    + ordered.map { $0 == row ? "" : String(overlap.pair(row, $0).redundancy) }
            })
    }

    /// A row per city with its graph metrics, `metrics` by position; only the
    /// `included` cities when given.
    public static func cityMetrics(_ index: LandscapeIndex, metrics: [CityMetrics], included: [Bool]? = nil) throws
        -> String
    {
        precondition(included.map { $0.count == index.cities.count } ?? true, "included must hold a flag per city")
        return try CSVExport.text(
            header: [
                "city", "name", "country", "population", "degree", "weighted_degree", "betweenness",
                "normalized_betweenness", "component",
            ],
            rows: zip(index.cities, metrics).enumerated().filter { included?[$0.offset] ?? true }.map {
                let (city, metric) = $0.element
                return [
                    String(city.id), city.name, city.countryCode, String(city.population), String(metric.degree),
                    String(metric.weightedDegree), String(metric.betweenness), String(metric.normalizedBetweenness),
                    String(metric.component),
                ]
            })
    }
}
