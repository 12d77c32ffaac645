import CityweaveCore

/// A titled table of bars (`Resources/Views/Landscape/_share-bars.leaf`).
package struct ShareBarTable: Encodable {
    package var title: String
    package var bars: [ShareBar]
}

/// A row of a bar table: a group, what it counts and a bar of its share,
/// with an optional second, thinner bar for a share to compare it with.
package struct ShareBar: Encodable {
    package var group: String
    package var detail: String
    /// 0 to 100, the bar's width.
    package var percent: Double
    package var percentText: String
    package var comparedPercent: Double?
    package var comparedText: String?

    package init(group: String, detail: String, share: Double, compared: Double? = nil) {
        self.group = group
        self.detail = detail
        percent = (share * 1000).rounded() / 10
        percentText = Self.percentText(share)
        comparedPercent = compared.map { ($0 * 1000).rounded() / 10 }
        comparedText = compared.map(Self.percentText)
    }

    /// Cities of a group in at least one network.
    package static func inclusion(_ shares: [LandscapeInclusion.Share], label: (String) -> String = groupLabel)
        -> [ShareBar]
    {
        shares.map {
            ShareBar(
                group: label($0.group),
                detail: "\(NumberText.count($0.citiesInNetworks)) of \(NumberText.count($0.cities))", share: $0.share)
        }
    }

    /// A network's members in a group against the share expected of cities of their sizes.
    package static func coverage(_ shares: [NetworkCoverage.Share]) -> [ShareBar] {
        shares.map {
            ShareBar(
                group: groupLabel($0.group), detail: NumberText.count($0.members), share: $0.memberShare,
                compared: $0.expectedShare)
        }
    }

    /// Whole percentages from 1%, so that a small share is not rounded to nothing: "0.4%", "<0.1%".
    private static func percentText(_ share: Double) -> String {
        switch share {
        case 0, 0.01...: NumberText.percent(share)
        case ..<0.001: "<0.1%"
        default: String(format: "%.1f%%", share * 100)
        }
    }

    /// Groups of a region or an income group as a reader knows them: countries with no region
    /// recorded say so.
    package static func groupLabel(_ group: String) -> String { group.isEmpty ? "No region recorded" : group }

    /// Income groups poorest first, then those not classified, as the World Bank lists them.
    package static func byIncome<Share>(_ shares: [Share], group: (Share) -> String) -> [Share] {
        let order = CityProfile.incomeGroups
        return shares.sorted {
            (order.firstIndex(of: group($0)) ?? order.count, group($0))
                < (order.firstIndex(of: group($1)) ?? order.count, group($1))
        }
    }
}
