import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The overlaps of a window as the API and the page show them: clusters with their events named, and the
/// busiest weeks with their cities named.
package struct OverlapsReport {
    package struct Cluster {
        /// Its first events, in order.
        package var events: [EventSummaryDTO]
        package var eventCount: Int
        package var pairs: [Competition]
        package var highestScore: Double
    }

    package var clusters: [Cluster]
    package var clusterCount: Int
    package var busiestWeeks: [BusyWeekDTO]
    package var eventCount: Int

    package init(_ overlaps: EventCompetitionReader.Overlaps, on db: any Database) async throws {
        let shown = overlaps.clusters.flatMap(\.events)
        var names = try await EventRecords.Names.read(for: shown, on: db)
        try await names.addCities(overlaps.busiestWeeks.map(\.city), on: db)
        var clusterOf: [Int: Int] = [:]
        for (index, cluster) in overlaps.clusters.enumerated() {
            for id in cluster.ids { clusterOf[id] = index }
        }
        var pairs = Array(repeating: [Competition](), count: overlaps.clusters.count)
        for competition in overlaps.competitions {
            if let index = clusterOf[competition.first] { pairs[index].append(competition) }
        }
        clusters = overlaps.clusters.enumerated().map { index, cluster in
            Cluster(
                events: cluster.events.map { EventRecords.summary($0, names: names) }, eventCount: cluster.ids.count,
                pairs: pairs[index], highestScore: pairs[index].map(\.score).max() ?? 0)
        }
        clusterCount = overlaps.clusterCount
        busiestWeeks = overlaps.busiestWeeks.map {
            BusyWeekDTO(
                city: EventCityDTO(id: $0.city, name: names.cities[$0.city] ?? ""), week: DateText.day($0.week),
                events: $0.events)
        }
        eventCount = overlaps.eventCount
    }

    func dto(from: Date, to: Date) -> OverlapsDTO {
        OverlapsDTO(
            from: from, to: to, events: eventCount, clusterCount: clusterCount,
            clusters: clusters.map {
                OverlapClusterDTO(
                    events: $0.events, eventCount: $0.eventCount, pairs: $0.pairs.count, highestScore: $0.highestScore)
            },
            busiestWeeks: busiestWeeks)
    }
}
