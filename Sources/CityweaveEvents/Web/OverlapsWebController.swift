import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

/// `/events/overlaps`: clusters of competing events over the coming months, and the weeks in which a city's
/// people are invited to the most events, so that networks can consolidate.
package struct OverlapsWebController {
    struct EventRow: Encodable {
        var href: String
        var title: String
        var organisers: String
        var time: EventTimeText
        var kind: String
        var themes: String
        var level: String
    }

    struct ClusterBlock: Encodable {
        var number: Int
        var events: [EventRow]
        var eventCount: Int
        var pairs: Int
        var score: String
        var reasons: [String]
    }

    struct WeekRow: Encodable {
        var city: String
        var href: String
        var week: String
        var events: Int
    }

    struct Page: Encodable {
        var layout: Layout
        var from: String
        var to: String
        var eventCount: Int
        var clusterCount: Int
        var clusters: [ClusterBlock]
        var weeks: [WeekRow]
        var zone: String
    }

    @Sendable
    package func overlaps(_ request: Request) async throws -> Response {
        let today = CalendarWindow.day(containing: Date(), in: .gmt).lowerBound
        let filter = try EventFilter(
            query: request, defaultFrom: today, defaultTo: today.addingTimeInterval(90 * 86_400))
        let overlaps = try await EventCompetitionReader.overlaps(
            from: filter.from, to: filter.to, clusters: 30, eventsPerCluster: 30, busiest: 30, on: request.db)
        let report = try await OverlapsReport(overlaps, on: request.db)
        let zone = ViewerTimeZone.of(request)
        let locale = request.language.locale
        let byID = Dictionary(uniqueKeysWithValues: overlaps.clusters.flatMap(\.events).map { ($0.id!, $0) })
        let clusters = report.clusters.enumerated().map { index, cluster in
            ClusterBlock(
                number: index + 1,
                events: cluster.events.compactMap { summary in
                    guard let event = byID[summary.id] else { return nil }
                    return EventRow(
                        href: request.localized(EventsPath.event.href(summary.id)), title: summary.title,
                        organisers: summary.organisers.filter(\.isConfirmed).map(\.name).joined(separator: " · "),
                        time: EventTimeText(
                            start: event.startsAt, end: event.endsAt, organiserZone: event.zone, viewer: zone,
                            locale: locale),
                        kind: request.text(event.kind.message),
                        themes: event.themes.themes.map { request.text($0.message) }.joined(separator: " · "),
                        level: request.text(event.level.message))
                },
                eventCount: cluster.eventCount, pairs: cluster.pairs.count,
                score: request.text(value: .percent(cluster.highestScore)),
                reasons: Array(Set(cluster.pairs.map { request.text(EventCompetitionReader.reason($0)) })).sorted())
        }
        let page = Page(
            layout: Layout(title: Message("events.overlaps.title", "Competing events"), request: request),
            from: DateText.day(filter.from), to: DateText.day(filter.to), eventCount: report.eventCount,
            clusterCount: report.clusterCount, clusters: clusters,
            weeks: report.busiestWeeks.map {
                WeekRow(
                    city: $0.city.name, href: request.localized(DirectoryPath.city.href($0.city.id)),
                    week: request.text(day: DateText.parseDay($0.week) ?? Date()), events: $0.events)
            },
            zone: zone.identifier.replacingOccurrences(of: "_", with: " "))
        return try await request.view.render("Events/overlaps", page).encodeResponse(for: request)
    }
}
