import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// The Lorenz curve of memberships per city as an inline SVG: cities from
/// those with fewest memberships to those with most across, the share of
/// all memberships they hold up; the diagonal is perfect equality.
package struct LorenzChart: Encodable {
    /// The side of the square the template (`Landscape/landscape.leaf`) frames the curve in.
    package static let size = 240.0

    package var path: String
    package var summary: String

    package init(_ inclusion: LandscapeInclusion, request: Request) {
        var path = "M0,\(Self.size)"
        for point in inclusion.lorenzCurve {
            path += "L\(Self.coordinate(point.cityShare)),\(Self.coordinate(1 - point.membershipShare))"
        }
        self.path = path
        let gini: Message.Value = .fixed(inclusion.gini, digits: 2)
        summary = request.text(
            inclusion.overall.citiesInNetworks > 0
                ? Message(
                    "landscape.lorenz.summary-half",
                    "Gini coefficient {gini}, the half of cities with fewest memberships hold {share} of them",
                    ["gini": gini, "share": .percent(Self.share(heldBy: 0.5, inclusion.lorenzCurve))])
                : Message("landscape.lorenz.summary", "Gini coefficient {gini}", ["gini": gini]))
    }

    /// The share of memberships held by the share `cities` of cities with fewest, read off the curve
    /// (straight between its corners, the first of which is 0, 0).
    package static func share(heldBy cities: Double, _ curve: [LandscapeInclusion.LorenzPoint]) -> Double {
        for (previous, point) in zip(curve, curve.dropFirst()) where point.cityShare >= cities {
            let width = point.cityShare - previous.cityShare
            guard width > 0 else { return point.membershipShare }
            return previous.membershipShare
                + (point.membershipShare - previous.membershipShare) * (cities - previous.cityShare) / width
        }
        return curve.last?.membershipShare ?? 0
    }

    private static func coordinate(_ share: Double) -> String { String(format: "%.1f", share * size) }
}
