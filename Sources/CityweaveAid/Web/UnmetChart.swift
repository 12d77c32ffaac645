import CityweaveCore
import CityweaveShared
import Foundation

/// The unmet quantity of a resource over the last days, as an inline SVG
/// step line with its highest value and the first and last day labelled.
package struct UnmetChart: Encodable {
    package static let width = 720.0
    package static let height = 160.0

    package var path: String
    package var peakText: String
    package var firstDay: String
    package var lastDay: String
    package var currentText: String

    package init(series: [Int], firstDay: Int, unit: String) {
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
        peakText = "\(NumberText.count(series.max() ?? 0)) \(unit)"
        self.firstDay = DateText.day(number: firstDay)
        lastDay = DateText.day(number: firstDay + max(0, series.count - 1))
        currentText = "\(NumberText.count(series.last ?? 0)) \(unit)"
    }

    private static func rounded(_ value: Double) -> String { String(format: "%.1f", value) }
}
