import CityweaveCore
import Foundation

/// The portfolio's cost set against the value logged, one pair of bars per
/// engagement, as coordinates an inline SVG draws.
struct CostValueChart: Encodable {
    struct Row: Encodable {
        var label: String
        var y: Int
        var costWidth: Double
        var valueWidth: Double
        var costText: String
        var valueText: String
    }

    var rows: [Row]
    var height: Int
    static let barArea = 300.0
    static let rowHeight = 34

    init(_ engagements: [EngagementDTO], currency: String) {
        let current = engagements.filter(\.drawsOnCapacity)
        let maxCost = max(1, current.map(\.yearlyCost).max() ?? 1)
        let maxValue = Double(max(1, current.map(\.value.recentScore).max() ?? 1))
        rows = current.enumerated().map { index, engagement in
            Row(
                label: engagement.title.count > 38 ? engagement.title.prefix(37) + "…" : engagement.title,
                y: index * Self.rowHeight, costWidth: engagement.yearlyCost / maxCost * Self.barArea,
                valueWidth: Double(engagement.value.recentScore) / maxValue * Self.barArea,
                costText: "\(NumberText.money(engagement.yearlyCost)) \(currency)",
                valueText: "value \(engagement.value.recentScore)")
        }
        height = max(1, rows.count) * Self.rowHeight
    }
}
