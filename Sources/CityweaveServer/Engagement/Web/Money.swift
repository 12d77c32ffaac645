import Foundation

/// Amounts as the pages show them: whole, with thousands grouped.
enum Money {
    static func text(_ value: Double) -> String {
        Int(value.rounded()).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
    }
}
