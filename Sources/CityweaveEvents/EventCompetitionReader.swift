import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The fatigue guard as the server reads it: the published events around one event or over a window, their
/// audiences, and the core's comparison of them.
package enum EventCompetitionReader {
    /// The events of other organisers that compete with `event`, best score first.
    package static func competitors(of event: Event, on db: any Database) async throws -> [(Event, Competition)] {
        let id = try event.requireID()
        let calendar = try await Event.query(on: db).filter(\.$state == .published).filter(\.$id != id)
            .filter(\.$startsAt >= event.startsAt.addingTimeInterval(-EventCompetition.week - EventFilter.longestEvent))
            .filter(\.$startsAt < event.endsAt.addingTimeInterval(EventCompetition.week)).all()
        let audiences = try await EventQueries.audiences(of: calendar + [event], on: db)
        let hosts = try await hostsByEvent(calendar + [event], on: db)
        let scheduled = calendar.map {
            EventRecords.scheduled($0, audience: audiences[$0.id!] ?? [], organisers: hosts[$0.id!] ?? [])
        }
        let own = EventRecords.scheduled(event, audience: audiences[id] ?? [], organisers: hosts[id] ?? [])
        let byID = Dictionary(uniqueKeysWithValues: calendar.map { ($0.id!, $0) })
        return EventCompetition.competitors(of: own, in: scheduled).compactMap { competition in
            byID[competition.other(than: id)].map { ($0, competition) }
        }
    }

    /// Every competing pair of the published events overlapping `from`..<`to`, their clusters, and how many
    /// events each city's people are invited to per week.
    package struct Overlaps {
        package var events: [Event]
        package var competitions: [Competition]
        package var clusters: [[Int]]
        package var busiestWeeks: [(city: Int, week: Date, events: Int)]
    }

    package static func overlaps(from: Date, to: Date, busiest: Int, on db: any Database) async throws -> Overlaps {
        let events = try await Event.query(on: db).filter(\.$state == .published)
            .filter(\.$startsAt >= from.addingTimeInterval(-EventFilter.longestEvent)).filter(\.$startsAt < to)
            .filter(\.$endsAt > from).sort(\.$startsAt).all()
        let audiences = try await EventQueries.audiences(of: events, on: db)
        let hosts = try await hostsByEvent(events, on: db)
        let scheduled = events.map {
            EventRecords.scheduled($0, audience: audiences[$0.id!] ?? [], organisers: hosts[$0.id!] ?? [])
        }
        let competitions = EventCompetition.all(scheduled)
        let weekly = WeeklyInvitations(scheduled)
        return Overlaps(
            events: events, competitions: competitions,
            clusters: EventCompetition.clusters(competitions, events: scheduled),
            busiestWeeks: weekly.busiest(limit: busiest))
    }

    private static func hostsByEvent(_ events: [Event], on db: any Database) async throws -> [Int: [Organisation]] {
        var hosts: [Int: [Organisation]] = [:]
        for batch in EventQueries.batches(events.compactMap(\.id)) {
            for row in try await EventOrganiser.query(on: db).filter(\.$event.$id ~~ batch)
                .filter(\.$isConfirmed == true).all()
            {
                hosts[row.$event.id, default: []].append(row.organisation)
            }
        }
        return hosts
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
