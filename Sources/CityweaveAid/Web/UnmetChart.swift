import CityweaveCore
import CityweaveShared
import Foundation

/// The unmet quantity of a resource over the last days, as an inline SVG
/// step line with its highest value and the first and last day labelled.
package struct UnmetChart: Encodable {
    package static let width = 720.0
    package static let height = 160.0

    package var path: String
    /// The highest unmet quantity, in its unit: "600 masks".
    package var peakText: String
    package var firstDay: String
    package var lastDay: String
    /// The unmet quantity on the last day, in its unit.
    package var currentText: String

    /// The chart of `series` from `firstDay` (a day number), `amount` wording a quantity in the resource's unit.
    package init(series: [Int], firstDay: Int, amount: (Int) -> String) {
        let peak = max(1, series.max() ?? 0)
        let step = Self.width / Double(max(1, series.count))
        var path = ""
        for (index, value) in series.enumerated() {
            let y = Self.height - Double(value) / Double(peak) * Self.height
            let x = Double(index) * step
            path += index == 0 ? "M0,\(Self.rounded(y))" : "L\(Self.rounded(x)),\(Self.rounded(y))"
            path += "L\(Self.rounded(x + step)),\(Self.rounded(y))"
        }
        self.path = path
        peakText = amount(series.max() ?? 0)
        self.firstDay = DateText.day(number: firstDay)
        lastDay = DateText.day(number: firstDay + max(0, series.count - 1))
        currentText = amount(series.last ?? 0)
    }

    private static func rounded(_ value: Double) -> String { String(format: "%.1f", value) }
}
