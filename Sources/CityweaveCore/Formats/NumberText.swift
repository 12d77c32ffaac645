import Foundation

/// Numbers as people read them.
public enum NumberText {
    /// Whole when whole, one decimal otherwise: hours, weights.
    public static func short(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A count, with thousands grouped: "150,000".
    public static func count(_ value: Int) -> String {
        value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
    }

    /// A share from 0 to 1 as a whole percentage: "31%".
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
