import CityweaveCore
import Foundation

/// The Lorenz curve of memberships per city as an inline SVG: cities from
/// those with fewest memberships to those with most across, the share of
/// all memberships they hold up; the diagonal is perfect equality.
struct LorenzChart: Encodable {
    static let size = 240.0

    var path: String
    var gini: String
    var summary: String

    init(_ inclusion: LandscapeInclusion) {
        var path = "M0,\(Self.size)"
        for point in inclusion.lorenzCurve {
            path += "L\(Self.coordinate(point.cityShare)),\(Self.coordinate(1 - point.membershipShare))"
        }
        self.path = path
        gini = String(format: "%.2f", inclusion.gini)
        let half = inclusion.lorenzCurve.first { $0.cityShare >= 0.5 }
        summary =
            "Gini coefficient \(gini)"
            + (half.map {
                ", the half of cities with fewest memberships hold \(NumberText.percent($0.membershipShare)) of them"
            }
                ?? "")
    }

    private static func coordinate(_ share: Double) -> String { String(format: "%.1f", share * size) }
}
