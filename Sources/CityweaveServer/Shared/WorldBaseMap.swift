import CityweaveCore
import Foundation
import Vapor

/// The world map every page draws on: country outlines projected once at
/// start-up, and dots and lines placed per page.
struct WorldBaseMap: Sendable {
    struct Shape: Encodable, Sendable {
        var name: String
        var path: String
    }

    var shapes: [Shape]
    var credit: String

    static func load(referenceFolder: String) throws -> WorldBaseMap {
        let data = try Data(contentsOf: URL(fileURLWithPath: referenceFolder + "world-outlines.json"))
        let outlines = try JSONDecoder().decode(WorldOutlines.self, from: data)
        return WorldBaseMap(
            shapes: outlines.countries.map { Shape(name: $0.name, path: WorldMap.path(rings: $0.rings)) },
            credit: "Country outlines: Natural Earth (public domain)")
    }
}

struct WorldOutlineKey: StorageKey {
    typealias Value = WorldBaseMap
}

/// One map as a page renders it (`Resources/Views/Shared/map.leaf`).
struct MapView: Encodable {
    struct Dot: Encodable {
        var x: Double
        var y: Double
        var radius: Double
        var label: String
        var href: String?
        var highlighted: Bool
    }

    struct Line: Encodable {
        var x1: Double
        var y1: Double
        var x2: Double
        var y2: Double
    }

    var width = WorldMap.width
    var height = WorldMap.height
    var title: String
    var shapes: [WorldBaseMap.Shape]
    var credit: String
    var dots: [Dot] = []
    var lines: [Line] = []

    init(title: String, base: WorldBaseMap) {
        self.title = title
        shapes = base.shapes
        credit = base.credit
    }

    /// Adds a city; larger cities get larger dots (by the cube root of population).
    mutating func addDot(at point: GeoPoint, label: String, href: String?, population: Int, highlighted: Bool = false) {
        let (x, y) = WorldMap.project(point)
        let radius = min(8, 1.5 + cbrt(Double(max(population, 0))) / 60)
        dots.append(
            Dot(x: x, y: y, radius: (radius * 10).rounded() / 10, label: label, href: href, highlighted: highlighted))
    }

    mutating func addLine(from a: GeoPoint, to b: GeoPoint) {
        let (x1, y1) = WorldMap.project(a)
        let (x2, y2) = WorldMap.project(b)
        lines.append(Line(x1: x1, y1: y1, x2: x2, y2: y2))
    }
}

extension Request {
    /// A map with the world's outlines and nothing on it yet.
    func worldMap(title: String) -> MapView {
        MapView(title: title, base: application.storage[WorldOutlineKey.self]!)
    }
}
