/// Where a figure the advisor assumes comes from, so that the advice can
/// say so: a figure the city set is not a figure Cityweave guessed.
public enum AssumptionSource: String, Sendable, Codable, CaseIterable {
    /// The figure someone is trying in a what-if.
    case whatIf
    /// The figure the city's strategy sets for a new network.
    case strategy
    /// Cityweave's own, because the strategy sets none.
    case cityweaveDefault = "default"

    /// Words for the source of one figure, or of two when `plural`: counted as a plural message,
    /// so that a language with a dual words the two figures (hours and fee) as two.
    public func phrase(plural: Bool = false) -> Message {
        let figures = plural ? 2 : 1
        switch self {
        case .whatIf:
            return Message(
                "advice.source.what-if", one: "the figure you are trying", other: "the figures you are trying",
                count: figures)
        case .strategy:
            return Message(
                "advice.source.strategy", one: "your strategy's figure for a new network",
                other: "your strategy's figures for a new network", count: figures)
        case .cityweaveDefault:
            return Message("advice.source.default", "Cityweave's default, as your strategy sets none")
        }
    }
}
