import CityweaveCore
import Foundation

/// The portfolio's cost set against the value logged, one pair of bars per
/// engagement, as coordinates an inline SVG draws.
package struct CostValueChart: Encodable {
    package struct Row: Encodable {
        package var label: String
        package var y: Int
        package var costWidth: Double
        package var valueWidth: Double
        package var costText: String
        package var valueText: String
    }

    package var rows: [Row]
    package var height: Int
    package static let barArea = 300.0
    package static let rowHeight = 34

    /// `text` words the bars' figures in the reader's language.
    package init(_ engagements: [EngagementDTO], currency: String, text: (Message) -> String) {
        let current = engagements.filter(\.drawsOnCapacity)
        let maxCost = max(1, current.map(\.yearlyCost).max() ?? 1)
        let maxValue = Double(max(1, current.map(\.value.recentScore).max() ?? 1))
        rows = current.enumerated().map { index, engagement in
            Row(
                label: engagement.title.count > 38 ? engagement.title.prefix(37) + "…" : engagement.title,
                y: index * Self.rowHeight, costWidth: engagement.yearlyCost / maxCost * Self.barArea,
                valueWidth: Double(engagement.value.recentScore) / maxValue * Self.barArea,
                costText: text(
                    Message(
                        "engagement.portfolio.chart-cost", "{cost} {currency}",
                        ["cost": .money(engagement.yearlyCost), "currency": .text(currency)])),
                valueText: text(
                    Message(
                        "engagement.portfolio.chart-value", "value {score}",
                        ["score": .count(engagement.value.recentScore)])))
        }
        height = max(1, rows.count) * Self.rowHeight
    }
}
