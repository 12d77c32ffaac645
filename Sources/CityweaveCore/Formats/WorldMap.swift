import Foundation

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018) scaled to
/// an SVG canvas: an equal-area world map whose shapes people recognise.
public enum WorldMap {
    public static let width = 960.0
    private static let a1 = 1.340264
    private static let a2 = -0.081106
    private static let a3 = 0.000893
    private static let a4 = 0.003796
    private static let m = 3.0.squareRoot() / 2
    /// Half the projected width of the world at scale 1 (longitude ±180°).
    private static let halfWidth = raw(GeoPoint(latitude: 0, longitude: 180)).x
    /// Half the projected height of the world at scale 1 (latitude ±90°).
    private static let halfHeight = raw(GeoPoint(latitude: 90, longitude: 0)).y
    private static let scale = width / (2 * halfWidth)
    public static let height = (2 * halfHeight * scale).rounded()

    private static func raw(_ point: GeoPoint) -> (x: Double, y: Double) {
        let lambda = point.longitude * .pi / 180
        let theta = asin(m * sin(point.latitude * .pi / 180))
        let t2 = theta * theta
        let t6 = t2 * t2 * t2
        let x = 2 * 3.0.squareRoot() * lambda * cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
        let y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1)
        return (x, y)
    }

    /// The point on the canvas, origin top left, y downwards.
    public static func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        let (x, y) = raw(point)
        return ((x + halfWidth) * scale, (halfHeight - y) * scale)
    }

    /// An SVG path for a country's rings, with coordinates to one decimal.
    public static func path(rings: [[GeoPoint]]) -> String {
        var path = ""
        for ring in rings where ring.count >= 3 {
            for (index, point) in ring.enumerated() {
                let (x, y) = project(point)
                path += (index == 0 ? "M" : "L") + format(x) + "," + format(y)
            }
            path += "Z"
        }
        return path
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

/// Country outlines as the project ships them (`Resources/Reference/world-outlines.json`).
public struct WorldOutlines: Decodable, Sendable {
    public struct Country: Decodable, Sendable {
        public var iso2: String
        public var name: String
        /// Exterior rings as `[longitude, latitude]` pairs.
        public var polygons: [[[Double]]]

        public var rings: [[GeoPoint]] {
            polygons.map { ring in ring.map { GeoPoint(latitude: $0[1], longitude: $0[0]) } }
        }
    }

    public var source: String
    public var countries: [Country]
}
