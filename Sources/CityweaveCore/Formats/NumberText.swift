import Foundation

/// Numbers as people read them: whole when whole, one decimal otherwise.
public enum NumberText {
    public static func short(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }
}
