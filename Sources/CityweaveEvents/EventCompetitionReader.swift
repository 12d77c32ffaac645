import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The fatigue guard as the server reads it: the published events around one event or over a window, their
/// audiences, and the core's comparison of them.
package enum EventCompetitionReader {
    /// The events of other organisers that compete with `event`, best score first: the `limit` best, and
    /// how many there are in all.
    package static func competitors(of event: Event, limit: Int, on db: any Database) async throws
        -> (found: [(Event, Competition)], total: Int)
    {
        let id = try event.requireID()
        let calendar = try await EventSchedule.read(
            from: event.startsAt.addingTimeInterval(-EventCompetition.week),
            to: event.endsAt.addingTimeInterval(EventCompetition.week), on: db)
        let audience = try await EventQueries.audiences(of: [event], on: db)[id] ?? []
        let own = EventRecords.scheduled(
            event, audience: audience, organisers: try await EventQueries.hosts(of: id, on: db))
        let competitions = EventCompetition.competitors(of: own, in: calendar)
        let shown = Array(competitions.prefix(limit))
        let events = try await records(shown.map { $0.other(than: id) }, on: db)
        return (
            shown.compactMap { competition in events[competition.other(than: id)].map { ($0, competition) } },
            competitions.count
        )
    }

    /// Every competing pair of the published events overlapping `from`..<`to`, the largest clusters with
    /// their events, and how many events each city's people are invited to per week.
    package struct Overlaps {
        /// How many published events the window holds.
        package var eventCount: Int
        package var competitions: [Competition]
        /// The `clusters` largest groups: the ids of all their events, and the first `eventsPerCluster` of them.
        package var clusters: [(ids: [Int], events: [Event])]
        package var clusterCount: Int
        package var busiestWeeks: [(city: Int, week: Date, events: Int)]
    }

    package static func overlaps(
        from: Date, to: Date, clusters limit: Int, eventsPerCluster: Int, busiest: Int, on db: any Database
    ) async throws -> Overlaps {
        let scheduled = try await EventSchedule.read(from: from, to: to, on: db)
        let competitions = EventCompetition.all(scheduled)
        let clusters = EventCompetition.clusters(competitions, events: scheduled)
        let shown = Array(clusters.prefix(limit))
        let events = try await records(shown.flatMap { $0.prefix(eventsPerCluster) }, on: db)
        return Overlaps(
            eventCount: scheduled.count, competitions: competitions,
            clusters: shown.map { ids in (ids, ids.prefix(eventsPerCluster).compactMap { events[$0] }) },
            clusterCount: clusters.count,
            busiestWeeks: WeeklyInvitations(scheduled).busiest(limit: busiest))
    }

    /// The events of `ids`, by id.
    private static func records(_ ids: [Int], on db: any Database) async throws -> [Int: Event] {
        var events: [Int: Event] = [:]
        for batch in EventQueries.batches(ids) {
            for event in try await Event.query(on: db).filter(\.$id ~~ batch).all() { events[event.id!] = event }
        }
        return events
    }

    /// Why two events compete, in a sentence.
    package static func reason(_ competition: Competition) -> Message {
        let themes = Message.Value.list(competition.sharedThemes.themes.map(\.message))
        switch (competition.sameThemeWithinWeek, competition.overlapsWithSharedCities) {
        case (true, true):
            return Message(
                "events.competition.both",
                one:
                    "Same theme ({themes}) and level within a week, and at the same time with {count} city invited to both.",
                other:
                    "Same theme ({themes}) and level within a week, and at the same time with {count} cities invited to both.",
                count: competition.sharedCities, ["themes": themes])
        case (true, false):
            return Message(
                "events.competition.theme", "Same theme ({themes}) and level within a week.", ["themes": themes])
        default:
            return Message(
                "events.competition.time", one: "At the same time, with {count} city invited to both.",
                other: "At the same time, with {count} cities invited to both.", count: competition.sharedCities, [:])
        }
    }
}
