import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The overlaps of a window as the API and the page show them: clusters with their events named, and the
/// busiest weeks with their cities named.
package struct OverlapsReport {
    package struct Cluster {
        package var events: [EventSummaryDTO]
        package var pairs: [Competition]
        package var highestScore: Double
    }

    package var clusters: [Cluster]
    package var busiestWeeks: [BusyWeekDTO]
    package var eventCount: Int

    package init(_ overlaps: EventCompetitionReader.Overlaps, on db: any Database) async throws {
        var names = try await EventRecords.Names.read(for: overlaps.events, on: db)
        try await names.addCities(overlaps.busiestWeeks.map(\.city), on: db)
        let byID = Dictionary(uniqueKeysWithValues: overlaps.events.map { ($0.id!, $0) })
        var pairsByEvent: [Int: [Competition]] = [:]
        for competition in overlaps.competitions { pairsByEvent[competition.first, default: []].append(competition) }
        clusters = overlaps.clusters.map { ids in
            let pairs = ids.flatMap { pairsByEvent[$0] ?? [] }
            return Cluster(
                events: ids.compactMap { byID[$0] }.map { EventRecords.summary($0, names: names) }, pairs: pairs,
                highestScore: pairs.map(\.score).max() ?? 0)
        }
        busiestWeeks = overlaps.busiestWeeks.map {
            BusyWeekDTO(
                city: EventCityDTO(id: $0.city, name: names.cities[$0.city] ?? ""), week: DateText.day($0.week),
                events: $0.events)
        }
        eventCount = overlaps.events.count
    }

    func dto(from: Date, to: Date) -> OverlapsDTO {
        OverlapsDTO(
            from: from, to: to, events: eventCount,
            clusters: clusters.map {
                OverlapClusterDTO(events: $0.events, pairs: $0.pairs.count, highestScore: $0.highestScore)
            },
            busiestWeeks: busiestWeeks)
    }
}
