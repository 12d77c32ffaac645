import CityweaveCore
import Foundation
import Vapor

/// The world map every page draws on: country outlines projected once at
/// start-up, and dots and lines placed per page.
package struct WorldBaseMap: Sendable {
    package struct Shape: Encodable, Sendable {
        package var name: String
        package var path: String
    }

    /// The outlines with the countries' names in each interface language, named once at start-up.
    package var shapes: [InterfaceLanguage: [Shape]]
    package static let credit = Message("shared.map.credit", "Country outlines: Natural Earth (public domain)")

    package static func load(referenceFolder: String) throws -> WorldBaseMap {
        let data = try Data(contentsOf: URL(fileURLWithPath: referenceFolder + "world-outlines.json"))
        let outlines = try JSONDecoder().decode(WorldOutlines.self, from: data)
        let paths = outlines.countries.map { WorldMap.path(rings: $0.rings) }
        var shapes: [InterfaceLanguage: [Shape]] = [:]
        for language in InterfaceLanguage.allCases {
            shapes[language] = zip(outlines.countries, paths).map { country, path in
                let name =
                    language == .source
                    ? country.name : language.locale.localizedString(forRegionCode: country.iso2) ?? country.name
                return Shape(name: name, path: path)
            }
        }
        return WorldBaseMap(shapes: shapes)
    }
}

package struct WorldOutlineKey: StorageKey {
    package typealias Value = WorldBaseMap
}

/// One map as a page renders it (`Resources/Views/Shared/map.leaf`).
package struct MapView: Encodable {
    package struct Dot: Encodable {
        package var x: Double
        package var y: Double
        package var radius: Double
        package var label: String
        package var href: String?
        package var highlighted: Bool
    }

    package struct Line: Encodable {
        package var x1: Double
        package var y1: Double
        package var x2: Double
        package var y2: Double
    }

    package var width = WorldMap.width
    package var height = WorldMap.height
    package var title: String
    package var shapes: [WorldBaseMap.Shape]
    package var credit: String
    package var dots: [Dot] = []
    package var lines: [Line] = []

    package init(title: String, shapes: [WorldBaseMap.Shape], credit: String) {
        self.title = title
        self.shapes = shapes
        self.credit = credit
    }

    /// Adds a city; larger cities get larger dots (by the cube root of population).
    package mutating func addDot(
        at point: GeoPoint, label: String, href: String?, population: Int, highlighted: Bool = false
    ) {
        let (x, y) = WorldMap.project(point)
        let radius = min(8, 1.5 + cbrt(Double(max(population, 0))) / 60)
        dots.append(
            Dot(x: x, y: y, radius: (radius * 10).rounded() / 10, label: label, href: href, highlighted: highlighted))
    }

    package mutating func addLine(from a: GeoPoint, to b: GeoPoint) {
        let (x1, y1) = WorldMap.project(a)
        let (x2, y2) = WorldMap.project(b)
        lines.append(Line(x1: x1, y1: y1, x2: x2, y2: y2))
    }
}

extension Request {
    /// A map with the world's outlines and nothing on it yet.
    package func worldMap(title: String) -> MapView {
        MapView(
            title: title, shapes: application.storage[WorldOutlineKey.self]!.shapes[language] ?? [],
            credit: text(WorldBaseMap.credit))
    }
}

extension MapView {
    /// The map as a standalone SVG document, written here rather than by a template: a map of thousands of
    /// dots (a statement's signatories) is served as an image of its own, so that its page stays light. The
    /// colours are the site's, as attributes (the site's policy allows no inline style).
    package var svgDocument: String {
        var svg = """
            <?xml version="1.0" encoding="utf-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)">
            <title>\(XMLText.escaped(title))</title>
            <rect width="\(width)" height="\(height)" fill="#f7fbfd"/>
            <g fill="#dfe5ec" stroke="#fff" stroke-width=".5">
            """
        svg.reserveCapacity(400_000)
        for shape in shapes { svg += "<path d=\"\(shape.path)\"><title>\(XMLText.escaped(shape.name))</title></path>" }
        svg += "</g>\n<g fill=\"#d1495b\" fill-opacity=\".75\" stroke=\"#fff\" stroke-width=\".4\">"
        for dot in dots {
            svg += "<circle cx=\"\(Self.number(dot.x))\" cy=\"\(Self.number(dot.y))\" r=\"\(dot.radius)\">"
            svg += "<title>\(XMLText.escaped(dot.label))</title></circle>"
        }
        return svg + "</g>\n</svg>\n"
    }

    /// A coordinate to one decimal.
    private static func number(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}
