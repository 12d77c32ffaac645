import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// A city's measures as an inline SVG chart: one row per category, a bar
/// for every period a score held, darker for stricter measures.
package struct MeasureTimelineChart: Encodable {
    package struct Row: Encodable {
        package var label: String
        package var y: Int
        package var textY: Int
        package var bars: [Bar]
    }

    package struct Bar: Encodable {
        package var x: Double
        package var width: Double
        package var opacity: Double
        package var title: String
    }

    package struct Tick: Encodable {
        package var x: Double
        package var label: String
    }

    package static let labelWidth = 200.0
    package static let plotWidth = 560.0
    package static let rowHeight = 22

    package var width = Int(labelWidth + plotWidth + 10)
    package var height: Int
    package var rows: [Row]
    package var ticks: [Tick]
    package var axisY: Int

    /// The chart of `measures`, its bars titled in the request's language.
    package init(_ measures: [MeasureDTO], request: Request) {
        let days = measures.compactMap { DateText.parseDay($0.date) }
        let start = days.min() ?? Date()
        // The chart runs to the last measure plus a month, so the latest stays visible.
        let end = max((days.max() ?? start).addingTimeInterval(30 * 86_400), start.addingTimeInterval(86_400))
        let span = end.timeIntervalSince(start)
        func x(_ date: Date) -> Double { Self.labelWidth + Self.plotWidth * date.timeIntervalSince(start) / span }

        var rows: [Row] = []
        for (index, code) in Set(measures.map(\.category.code)).sorted().enumerated() {
            let items = measures.filter { $0.category.code == code && $0.score != nil }
                .sorted { $0.date < $1.date }
            let strongest = max(1, items.compactMap(\.score).max() ?? 1)
            var bars: [Bar] = []
            for (position, item) in items.enumerated() {
                guard let score = item.score, score > 0, let from = DateText.parseDay(item.date) else { continue }
                let until = position + 1 < items.count ? DateText.parseDay(items[position + 1].date) ?? end : end
                bars.append(
                    Bar(
                        x: x(from), width: max(1, x(until) - x(from)), opacity: 0.25 + 0.75 * score / strongest,
                        title: request.text(
                            Message(
                                "knowledge.timeline.bar-title", "{date}: {measure}, score {score}",
                                [
                                    "date": .text(item.date), "measure": .text(item.category.name),
                                    "score": .decimal(score),
                                ]))))
            }
            let y = 4 + index * Self.rowHeight
            let name = measures.first { $0.category.code == code }?.category.name ?? ""
            rows.append(Row(label: "\(code) \(name)", y: y, textY: y + 14, bars: bars))
        }
        self.rows = rows
        axisY = 8 + rows.count * Self.rowHeight
        height = axisY + 20
        var ticks: [Tick] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var month = calendar.date(from: calendar.dateComponents([.year, .month], from: start)) ?? start
        while month <= end {
            if month >= start { ticks.append(Tick(x: x(month), label: String(DateText.day(month).prefix(7)))) }
            month = calendar.date(byAdding: .month, value: 1, to: month) ?? end.addingTimeInterval(1)
        }
        self.ticks = ticks
    }
}
