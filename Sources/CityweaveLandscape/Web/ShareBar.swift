import CityweaveCore
import CityweaveShared
import Vapor

/// A titled table of bars (`Resources/Views/Landscape/_share-bars.leaf`).
package struct ShareBarTable: Encodable {
    package var title: String
    package var bars: [ShareBar]

    /// The title of the table by income group, on the landscape page and on a network's.
    package static let byIncomeGroup = Message("landscape.table.by-income", "By their country's income group")
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

    package init(group: String, detail: String, share: Double, compared: Double? = nil, request: Request) {
        self.group = group
        self.detail = detail
        percent = (share * 1000).rounded() / 10
        percentText = Self.percentText(share, request: request)
        comparedPercent = compared.map { ($0 * 1000).rounded() / 10 }
        comparedText = compared.map { Self.percentText($0, request: request) }
    }

    /// Cities of a group in at least one network.
    package static func inclusion(
        _ shares: [LandscapeInclusion.Share], request: Request, label: (String) -> Message = groupLabel
    ) -> [ShareBar] {
        shares.map {
            ShareBar(
                group: request.text(label($0.group)), detail: request.text(citiesInNetworks($0)), share: $0.share,
                request: request)
        }
    }

    /// "12,345 of 170,391": how many of a group's cities are in at least one network.
    package static func citiesInNetworks(_ share: LandscapeInclusion.Share) -> Message {
        Message(
            "landscape.share.cities-of", "{cities} of {total}",
            ["cities": .count(share.citiesInNetworks), "total": .count(share.cities)])
    }

    /// A network's members in a group against the share expected of cities of their sizes.
    package static func coverage(_ shares: [NetworkCoverage.Share], request: Request) -> [ShareBar] {
        shares.map {
            ShareBar(
                group: request.text(groupLabel($0.group)), detail: request.text(count: $0.members),
                share: $0.memberShare, compared: $0.expectedShare, request: request)
        }
    }

    /// Whole percentages from 1%, so that a small share is not rounded to nothing: "0.4%", "<0.1%";
    /// as the reader's locale writes them.
    private static func percentText(_ share: Double, request: Request) -> String {
        let locale = request.language.locale
        return switch share {
        case 0, 0.01...: request.text(value: .percent(share))
        case ..<0.001: "<" + 0.001.formatted(.percent.precision(.fractionLength(1)).locale(locale))
        default: share.formatted(.percent.precision(.fractionLength(1)).locale(locale))
        }
    }

    /// Groups of a region or an income group as a reader knows them: countries with no region
    /// recorded, or whose income group the World Bank does not classify, say so.
    package static func groupLabel(_ group: String) -> Message {
        switch group {
        case "": Message("landscape.group.no-region", "No region recorded")
        case LandscapeInclusion.unclassifiedIncome: Message("landscape.group.not-classified", "Not classified")
        default:
            // A region's name, else an income group's; shown as written when the catalogues know neither.
            ReferenceName.region(group).key.isEmpty ? ReferenceName.incomeGroup(group) : ReferenceName.region(group)
        }
    }

    /// Income groups poorest first, then those not classified, as the World Bank lists them.
    package static func byIncome<Share>(_ shares: [Share], group: (Share) -> String) -> [Share] {
        let order = CityProfile.incomeGroups
        return shares.sorted {
            (order.firstIndex(of: group($0)) ?? order.count, group($0))
                < (order.firstIndex(of: group($1)) ?? order.count, group($1))
        }
    }
}
