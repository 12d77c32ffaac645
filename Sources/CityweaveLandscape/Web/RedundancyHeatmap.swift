import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Foundation
import Vapor

/// The redundancy of pairs of networks as an inline SVG matrix, networks in
/// the clusters' order so that redundant groups show as dark blocks on the
/// diagonal. A matrix of all 300 networks would be 90,000 cells; it shows
/// the `limit` networks most redundant with another, and the CSV export
/// holds the whole matrix.
package struct RedundancyHeatmap: Encodable {
    package static let limit = 40
    package static let cell = 14.0
    package static let labelWidth = 250.0

    package struct Label: Encodable {
        package var y: Double
        package var text: String
        package var href: String
    }

    package struct Cell: Encodable {
        package var x: Double
        package var y: Double
        package var opacity: String
        package var title: String
    }

    package struct Outline: Encodable {
        package var x: Double
        package var y: Double
        package var size: Double
    }

    package var width: Double
    package var height: Double
    package var cell = RedundancyHeatmap.cell
    package var labels: [Label]
    package var cells: [Cell]
    /// One square around each cluster of two or more networks shown.
    package var outlines: [Outline]
    package var shown: Int
    package var total: Int

    package init(_ analysis: LandscapeAnalysis, request: Request) {
        var chosen: Set<Int> = []
        for pair in analysis.pairs where pair.redundancy > 0 && chosen.count < Self.limit {
            for id in [pair.first, pair.second] where chosen.count < Self.limit { chosen.insert(id) }
        }
        let order = analysis.clusters.heatmapOrder.filter(chosen.contains)
        let positions = order.map { analysis.index.position(ofNetwork: $0)! }
        height = Double(order.count) * Self.cell
        width = Self.labelWidth + height
        labels = order.enumerated().map { row, id in
            Label(
                y: (Double(row) + 0.75) * Self.cell,
                text: "\(row + 1). \(Self.shortened(analysis.name(ofNetwork: id)))",
                href: DirectoryPath.network.href(id))
        }
        var cells: [Cell] = []
        for (row, a) in positions.enumerated() {
            for (column, b) in positions.enumerated() where row != column {
                let pair = analysis.overlap.pair(a, b)
                guard pair.redundancy > 0 else { continue }
                cells.append(
                    Cell(
                        x: Self.labelWidth + Double(column) * Self.cell, y: Double(row) * Self.cell,
                        opacity: String(format: "%.2f", max(0.08, pair.redundancy)),
                        title: request.text(
                            Self.title(
                                pair, analysis.name(ofNetwork: order[row]), analysis.name(ofNetwork: order[column])))))
            }
        }
        self.cells = cells
        let clusterOf = Dictionary(
            uniqueKeysWithValues: analysis.clusters.clusters.enumerated().flatMap { cluster, ids in
                ids.map { ($0, cluster) }
            })
        outlines = Self.runs(of: order.map { clusterOf[$0]! }).filter { $0.count > 1 }.map {
            Outline(
                x: Self.labelWidth + Double($0.lowerBound) * Self.cell, y: Double($0.lowerBound) * Self.cell,
                size: Double($0.count) * Self.cell)
        }
        shown = order.count
        total = analysis.index.networks.count
    }

    /// What a cell says when hovered: the two networks, their redundancy and the members they share.
    private static func title(_ pair: NetworkPairOverlap, _ first: String, _ second: String) -> Message {
        Message(
            "landscape.heatmap.cell", one: "{first} and {second}: redundancy {redundancy}, {count} shared member",
            other: "{first} and {second}: redundancy {redundancy}, {count} shared members", count: pair.sharedMembers,
            [
                "first": .text(first), "second": .text(second),
                "redundancy": .fixed(pair.redundancy, digits: 2),
            ])
    }

    /// The ranges of equal neighbours in `values`.
    private static func runs(of values: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for end in values.indices.dropFirst() where values[end] != values[start] {
            runs.append(start..<end)
            start = end
        }
        if !values.isEmpty { runs.append(start..<values.count) }
        return runs
    }

    private static func shortened(_ name: String) -> String {
        name.count > 34 ? String(name.prefix(33)) + "…" : name
    }
}
