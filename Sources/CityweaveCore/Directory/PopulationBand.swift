/// Cities grouped by size, for facets and comparisons.
public enum PopulationBand: String, CaseIterable, Codable, Sendable {
    case under100k = "under-100k"
    case from100kTo500k = "100k-500k"
    case from500kTo1m = "500k-1m"
    case from1mTo5m = "1m-5m"
    case over5m = "over-5m"

    /// The smallest population in the band; the next band's is its limit.
    public var lowerBound: Int {
        switch self {
        case .under100k: 0
        case .from100kTo500k: 100_000
        case .from500kTo1m: 500_000
        case .from1mTo5m: 1_000_000
        case .over5m: 5_000_000
        }
    }

    public var upperBound: Int? {
        let all = Self.allCases
        let next = all.index(after: all.firstIndex(of: self)!)
        return next < all.endIndex ? all[next].lowerBound : nil
    }

    /// The band as pages show it, worded from the catalogues.
    public var message: Message {
        switch self {
        case .under100k: Message("population-band.under-100k", "Under 100,000")
        case .from100kTo500k: Message("population-band.100k-500k", "100,000 to 500,000")
        case .from500kTo1m: Message("population-band.500k-1m", "500,000 to 1 million")
        case .from1mTo5m: Message("population-band.1m-5m", "1 to 5 million")
        case .over5m: Message("population-band.over-5m", "Over 5 million")
        }
    }

    public init(population: Int) {
        self = Self.allCases.last { population >= $0.lowerBound } ?? .under100k
    }
}
