/// Where a figure the advisor assumes comes from, so that the advice can
/// say so: a figure the city set is not a figure Cityweave guessed.
public enum AssumptionSource: String, Sendable, Codable, CaseIterable {
    /// The figure someone is trying in a what-if.
    case whatIf
    /// The figure the city's strategy sets for a new network.
    case strategy
    /// Cityweave's own, because the strategy sets none.
    case cityweaveDefault = "default"

    /// Words for the source of one figure, or of two when `plural`.
    public func phrase(plural: Bool = false) -> String {
        switch self {
        case .whatIf: plural ? "the figures you are trying" : "the figure you are trying"
        case .strategy:
            plural ? "your strategy's figures for a new network" : "your strategy's figure for a new network"
        case .cityweaveDefault: "Cityweave's default, as your strategy sets none"
        }
    }
}
