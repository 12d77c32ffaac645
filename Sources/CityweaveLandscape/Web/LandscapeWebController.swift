import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// `/landscape`: overlap and redundancy between networks, who is left out,
/// and the world's largest cities in no network, in a chosen year. Rendered
/// from the year's analysis held in memory (``LandscapeDirectory``); one query
/// reads the coordinates of the cities on its map.
package struct LandscapeWebController {
    package enum OverlapSort: String, CaseIterable, Sendable {
        case redundancy, shared, jaccard, overlap, themes
    }

    package struct PairRow: Encodable {
        package var firstID: Int
        package var first: String
        package var secondID: Int
        package var second: String
        package var shared: String
        package var jaccard: String
        package var overlap: String
        package var themes: String
        package var redundancy: String
    }

    package struct CoverageRow: Encodable {
        package var id: Int
        package var name: String
        package var members: String
        /// Members in low and lower-middle income countries, and the share expected of cities of their sizes.
        package var emerging: String
        package var emergingExpected: String
        package var leastReached: String
    }

    package struct Page: Encodable {
        package var layout: Layout
        package var year: Int
        package var thisYear: Int
        package var networks: String
        package var cities: String
        package var memberships: String
        package var partnerships: String
        package var included: String
        /// The overlap table's first column, which is not sorted by.
        package var leadingHeader: String
        package var columns: [SortableColumn]
        package var pairs: [PairRow]
        package var pager: Pager
        package var clusters: [[LandscapeNetworkDTO]]
        package var threshold: String
        package var heatmap: RedundancyHeatmap
        package var inclusionTables: [ShareBarTable]
        package var distributionTables: [ShareBarTable]
        package var edgeLimit: String
        package var lorenz: LorenzChart
        package var map: MapView
        package var coverage: [CoverageRow]
    }

    /// How many of the largest networks the coverage table lists; each network's page has its own.
    package static let coverageRows = 30
    /// Low and lower-middle income, the World Bank's two poorest groups.
    package static let emergingIncomeGroups = Set(CityProfile.incomeGroups.prefix(2))

    @Sendable
    package func landscape(_ request: Request) async throws -> View {
        let analysis = try await request.landscapeAnalysis()
        let sort = try SortRequest<OverlapSort>(from: request, default: .redundancy, descending: true)
        let page = try PageParameters(from: request, defaultPer: 25)
        let pairs = Self.sorted(analysis.pairs, by: sort)
        let index = analysis.index
        let inclusion = analysis.inclusion
        let context = Page(
            layout: Layout(title: Message("landscape.landscape.title", "Landscape of city networks"), request: request),
            year: analysis.year,
            thisYear: DirectoryEdits.thisYear,
            networks: request.text(count: index.networks.count), cities: request.text(count: index.cities.count),
            memberships: request.text(count: index.memberships.values.count),
            partnerships: request.text(count: index.partnershipCount),
            included: request.text(
                Message(
                    "landscape.landscape.included-share", "{cities} ({share})",
                    [
                        "cities": .message(ShareBar.citiesInNetworks(inclusion.overall)),
                        "share": .percent(inclusion.overall.share),
                    ])),
            leadingHeader: request.text(Message("landscape.overlap.column.networks", "Networks")),
            columns: SortableColumn.columns(
                [
                    (.shared, Message("landscape.overlap.column.shared", "Shared members")),
                    (.jaccard, Message("landscape.overlap.column.jaccard", "Jaccard")),
                    (.overlap, Message("landscape.overlap.column.overlap", "Overlap coefficient")),
                    (.themes, Message("landscape.overlap.column.themes", "Theme similarity")),
                    (.redundancy, Message("landscape.overlap.column.redundancy", "Redundancy")),
                ], current: sort, request: request),
            pairs: pairs.dropFirst(page.offset).prefix(page.per).map { Self.row($0, analysis, request: request) },
            pager: Pager(ListPageMetadata(page, total: pairs.count), request: request),
            clusters: analysis.clusters.clusters.filter { $0.count > 1 }.map {
                $0.map { LandscapeNetworkDTO(id: $0, name: analysis.name(ofNetwork: $0)) }
            },
            threshold: request.text(value: .fixed(analysis.clusters.threshold, digits: 2)),
            heatmap: RedundancyHeatmap(analysis, request: request),
            inclusionTables: [
                ShareBarTable(
                    title: request.text(
                        Message("landscape.inclusion.by-region", "Cities in at least one network, by region")),
                    bars: ShareBar.inclusion(inclusion.byRegion, request: request)),
                ShareBarTable(
                    title: request.text(ShareBarTable.byIncomeGroup),
                    bars: ShareBar.inclusion(
                        ShareBar.byIncome(inclusion.byIncomeGroup, group: \.group), request: request)),
                ShareBarTable(
                    title: request.text(Message("landscape.inclusion.by-population", "By population")),
                    bars: ShareBar.inclusion(inclusion.byPopulationBand, request: request) {
                        PopulationBand(rawValue: $0)?.message ?? .name($0)
                    }),
            ],
            distributionTables: [
                ShareBarTable(
                    title: request.text(Message("landscape.distribution.title", "Memberships per city")),
                    bars: Self.membershipCounts(inclusion, request: request))
            ],
            edgeLimit: request.text(count: CityGraphExport.defaultEdgeLimit),
            lorenz: LorenzChart(inclusion, request: request), map: try await Self.outsideMap(analysis, request),
            coverage: Self.coverage(analysis, request: request))
        return try await request.view.render("Landscape/landscape", context)
    }

    private static func sorted(_ pairs: [NetworkPairOverlap], by sort: SortRequest<OverlapSort>) -> [NetworkPairOverlap]
    {
        guard sort.key != .redundancy || !sort.descending else { return pairs }
        let value: (NetworkPairOverlap) -> Double =
            switch sort.key {
            case .redundancy: \.redundancy
            case .shared: { Double($0.sharedMembers) }
            case .jaccard: \.jaccard
            case .overlap: \.overlapCoefficient
            case .themes: \.themeSimilarity
            }
        // Ties keep the default order, most redundant first.
        return pairs.enumerated().sorted { a, b in
            let (x, y) = (value(a.element), value(b.element))
            return x != y ? (sort.descending ? x > y : x < y) : a.offset < b.offset
        }.map(\.element)
    }

    private static func row(_ pair: NetworkPairOverlap, _ analysis: LandscapeAnalysis, request: Request) -> PairRow {
        PairRow(
            firstID: pair.first, first: analysis.name(ofNetwork: pair.first), secondID: pair.second,
            second: analysis.name(ofNetwork: pair.second), shared: request.text(count: pair.sharedMembers),
            jaccard: request.text(value: .fixed(pair.jaccard, digits: 2)),
            overlap: request.text(value: .fixed(pair.overlapCoefficient, digits: 2)),
            themes: request.text(value: .fixed(pair.themeSimilarity, digits: 2)),
            redundancy: request.text(value: .fixed(pair.redundancy, digits: 2)))
    }

    /// Cities by how many networks they belong to, ten or more together.
    private static func membershipCounts(_ inclusion: LandscapeInclusion, request: Request) -> [ShareBar] {
        let histogram = inclusion.citiesByMembershipCount
        let total = max(1, histogram.reduce(0, +))
        let tail = histogram.dropFirst(10).reduce(0, +)
        var rows = histogram.prefix(10).enumerated().map { count, cities in
            let networks = Message(
                "landscape.distribution.networks", one: "{count} network", other: "{count} networks", count: count)
            return (networks, cities)
        }
        if tail > 0 { rows.append((Message("landscape.distribution.ten-or-more", "10 or more"), tail)) }
        return rows.map {
            ShareBar(
                group: request.text($0.0), detail: request.text(count: $0.1), share: Double($0.1) / Double(total),
                request: request)
        }
    }

    private static func outsideMap(_ analysis: LandscapeAnalysis, _ request: Request) async throws -> MapView {
        let outside = analysis.largestCitiesInNoNetwork
        var map = request.worldMap(
            title: request.text(
                Message(
                    "landscape.outside.map-title", one: "The {count} largest city in no network in {year}",
                    other: "The {count} largest cities in no network in {year}", count: outside.count,
                    ["year": .year(analysis.year)])))
        let cities = try await City.query(on: request.db).filter(\.$id ~~ outside.map(\.id)).all()
        for city in cities {
            map.addDot(
                at: GeoPoint(latitude: city.latitude, longitude: city.longitude),
                label: request.text(
                    Message(
                        "landscape.outside.city", one: "{city}, {count} person", other: "{city}, {count} people",
                        count: city.population, ["city": .text(city.name)])),
                href: DirectoryPath.city.href(city.id!),
                population: city.population)
        }
        return map
    }

    /// The largest networks' reach into emerging economies and their least reached region, against
    /// the world's cities of the same sizes (``NetworkCoverage``).
    private static func coverage(_ analysis: LandscapeAnalysis, request: Request) -> [CoverageRow] {
        analysis.coverage.filter { $0.members > 0 }.sorted { ($0.members, $1.networkID) > ($1.members, $0.networkID) }
            .prefix(coverageRows).map { coverage in
                let emerging = coverage.byIncomeGroup.filter { emergingIncomeGroups.contains($0.group) }
                let least = coverage.byRegion.min {
                    ($0.memberShare - $0.expectedShare, $0.group) < ($1.memberShare - $1.expectedShare, $1.group)
                }
                return CoverageRow(
                    id: coverage.networkID, name: analysis.name(ofNetwork: coverage.networkID),
                    members: request.text(count: coverage.members),
                    emerging: request.text(value: .percent(emerging.map(\.memberShare).reduce(0, +))),
                    emergingExpected: request.text(value: .percent(emerging.map(\.expectedShare).reduce(0, +))),
                    leastReached: least.map {
                        request.text(
                            Message(
                                "landscape.coverage.least-reached", "{region}: {share} of members, {expected} expected",
                                [
                                    "region": .message(ShareBar.groupLabel($0.group)),
                                    "share": .percent($0.memberShare), "expected": .percent($0.expectedShare),
                                ]))
                    } ?? "")
            }
    }
}
