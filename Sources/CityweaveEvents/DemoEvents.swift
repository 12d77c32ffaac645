import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import Vapor

/// The example events of `Resources/Demo/events.json`, written through the same edits as an organiser's and
/// marked as examples, so that a first start shows a calendar worth reading: webinars, roundtables, study
/// visits and conferences of networks and cities over the next four months, a week in which four networks
/// hold health webinars for the same technical staff (what the overlap warning is for), an event held by two
/// networks, a trade mission with its partner cities, a cancelled study visit that people had registered for,
/// and an event already held, with its summary and recording.
///
/// The file gives each event a day counted from the Monday after the first start and a wall-clock time in its
/// zone, not a date: the calendar is current whenever the demo is started. An event naming a network or city
/// the directory lacks (a directory loaded with a selection of cities) is skipped, not the whole file.
package enum DemoEvents {
    package struct File: Decodable, Sendable {
        package var events: [Item]
    }

    package struct Item: Decodable, Sendable {
        package var kind: String
        package var title: String
        package var description: String
        /// Network slugs.
        package var organisers: [String]?
        package var organiserCities: [CityName]?
        /// Days after the Monday that follows the first start; negative for an event already held.
        package var day: Int
        /// `HH:MM` on the clocks of `timeZone`.
        package var time: String
        package var durationMinutes: Int
        package var timeZone: String
        package var online: String?
        package var venue: CityName?
        package var venueAddress: String?
        package var languages: [String]
        package var interpretation: [String]?
        package var themes: [String]
        package var level: String
        package var access: String
        package var capacity: Int?
        package var invited: [CityName]?
        /// A trade mission's partner cities.
        package var partners: [CityName]?
        package var sectors: [String]?
        /// E-mails of demo accounts to register; they are registered before a cancellation, so that the
        /// cancelled event shows people who learn it is off.
        package var registrants: [String]?
        /// Given for an event to cancel once published.
        package var cancelReason: String?
        package var outcomeSummary: String?
        package var recordingURL: String?
        package var slidesURL: String?
    }

    /// A city as the file names it, `["Mombasa", "KE"]`: its name in the directory and its country code.
    package struct CityName: Decodable, Sendable, CustomStringConvertible {
        package var name: String
        package var country: String

        package init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            name = try pair.decode(String.self)
            country = try pair.decode(String.self)
            guard pair.isAtEnd else {
                throw DecodingError.dataCorruptedError(
                    in: pair, debugDescription: "A city is written as [name, country code].")
            }
        }

        package var description: String { "\(name) (\(country))" }
    }

    /// Reads the file itself (rather than through the typed loader, as DemoVoice does) to have the
    /// application's logger: the events and registrations it skips are said, not silently left out.
    package static let loadIfEmpty = DemoContentFile.loader(
        "events.json", what: "example events", isEmpty: { try await Event.query(on: $0).count() == 0 },
        load: { data, app, db in
            try await load(JSONDecoder().decode(File.self, from: data), on: db, logger: app.logger)
        })

    /// Creates, publishes, fills and (where the file says) cancels the file's events through the edits, as the
    /// system writing examples; returns how many events were created.
    package static func load(_ file: File, on db: any Database, logger: Logger, now: Date = Date()) async throws
        -> Int
    {
        let context = EditContext.examples(on: db)
        let monday = nextMonday(after: now)
        var created = 0
        for item in file.events {
            guard let places = try await resolve(item, on: db, logger: logger) else { continue }
            guard let when = times(of: item, monday: monday) else {
                logger.warning("Example event '\(item.title)' skipped: its time '\(item.time)' is not HH:MM.")
                continue
            }
            var input = EventInput()
            input.kind = item.kind
            input.title = item.title
            input.description = item.description
            input.timeZone = item.timeZone
            input.start = when.start
            input.end = when.end
            input.onlineURL = item.online
            input.venueCity = places.venue
            input.venueAddress = item.venueAddress
            input.languages = item.languages
            input.interpretation = item.interpretation
            input.themes = item.themes
            input.level = item.level
            input.access = item.access
            input.capacity = item.capacity
            input.organisers = places.organisers
            input.invitedCities = places.invited
            input.partnerCities = places.partners
            input.sectors = item.sectors
            // Outcomes are accepted at creation for an event that is over, and refused (by the edit) for one
            // that is not: the file gives them for the held event only.
            input.outcomeSummary = item.outcomeSummary
            input.recordingURL = item.recordingURL
            input.slidesURL = item.slidesURL
            let event = try await EventEdits.create(input, context: context)
            created += 1
            if event.isOver(now: now) {
                try await publishHeld(event, context: context)
                continue
            }
            try await EventEdits.change(event, .init(state: "published"), context: context)
            for email in item.registrants ?? [] {
                try await register(email, for: event, context: context, logger: logger)
            }
            if let reason = item.cancelReason {
                try await EventEdits.change(event, .init(state: "cancelled", reason: reason), context: context)
            }
        }
        return created
    }

    /// The directory's organisations and cities an item names.
    private struct Places {
        var organisers: [Organisation]
        var venue: Int?
        var invited: [Int]
        var partners: [Int]
    }

    /// What the item names, looked up in the directory; nil, after a log line, when one of them is missing.
    private static func resolve(_ item: Item, on db: any Database, logger: Logger) async throws -> Places? {
        let directory = DirectoryOrganisations()
        func skip(_ missing: String) -> Places? {
            logger.info("Example event '\(item.title)' skipped: the directory has no \(missing).")
            return nil
        }
        func cities(_ names: [CityName]) async throws -> (found: [Organisation], missing: CityName?) {
            var found: [Organisation] = []
            for name in names {
                guard let city = try await directory.city(named: name.name, inCountry: name.country, on: db) else {
                    return (found, name)
                }
                found.append(city)
            }
            return (found, nil)
        }
        var organisers: [Organisation] = []
        for slug in item.organisers ?? [] {
            guard let network = try await directory.network(slug, on: db) else { return skip("network '\(slug)'") }
            organisers.append(network)
        }
        let hosts = try await cities(item.organiserCities ?? [])
        if let missing = hosts.missing { return skip("city \(missing)") }
        organisers += hosts.found
        let venue = try await cities(item.venue.map { [$0] } ?? [])
        if let missing = venue.missing { return skip("city \(missing)") }
        let invited = try await cities(item.invited ?? [])
        if let missing = invited.missing { return skip("city \(missing)") }
        let partners = try await cities(item.partners ?? [])
        if let missing = partners.missing { return skip("city \(missing)") }
        return Places(
            organisers: organisers, venue: venue.found.first?.id, invited: invited.found.map(\.id),
            partners: partners.found.map(\.id))
    }

    /// Days from 1970-01-01 (a Thursday) to the first Monday after `now`'s day in UTC: a week ahead when `now`
    /// falls on a Monday, so that the file's day 0 is never today, when its morning may be over in some zone.
    static func nextMonday(after now: Date) -> Int {
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return today + 7 - (today + 3) % 7
    }

    /// The item's start and end as `EventInput` takes them, `YYYY-MM-DDTHH:MM` in its zone: `day` days after
    /// `monday` at `time`, and `durationMinutes` later. The sums are made on the wall clock (the days and minutes
    /// read as if they were UTC), because the file means "14:00 in Brussels" whatever Brussels' offset is that
    /// day; the file keeps its times clear of the night hours in which clocks change, so each exists once.
    static func times(of item: Item, monday: Int) -> (start: String, end: String)? {
        let parts = item.time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute), (1...31 * 24 * 60).contains(item.durationMinutes),
            abs(item.day) <= 3_660
        else { return nil }
        let start = (monday + item.day) * 86_400 + hour * 3_600 + minute * 60
        let end = start + item.durationMinutes * 60
        func text(_ seconds: Int) -> String {
            LocalTime(Date(timeIntervalSince1970: TimeInterval(seconds)), in: .gmt).text
        }
        return (text(start), text(end))
    }

    /// Publishes an event that is already over. `EventEdits.change` refuses to publish an event that is over
    /// (an organiser publishing one now would announce a meeting nobody can attend), yet the example calendar
    /// needs one held event, to show what readers find after an event: its summary, recording and slides.
    /// Those went through `EventEdits.create`, which accepts outcomes for an event that is over; only the state
    /// is set here, with the audit entry the edit would write, in the loader's transaction.
    private static func publishHeld(_ event: Event, context: EditContext) async throws {
        let id = try event.requireID()
        event.state = .published
        try await event.update(on: context.db)
        try await AuditLog.record(
            context, action: EventState.published.rawValue, recordType: "event", recordID: "\(id)",
            organisation: try await EventQueries.hosts(of: id, on: context.db).first,
            changes: AuditChanges([("state", EventState.draft.rawValue, EventState.published.rawValue)]),
            on: context.db)
    }

    /// Registers the demo account with `email`. The accounts exist only when the start creates them, and who
    /// may come depends on the memberships the directory loaded, so an account that is missing or refused
    /// (not a member, the event begun) is skipped with a log line; other errors stop the load.
    private static func register(_ email: String, for event: Event, context: EditContext, logger: Logger)
        async throws
    {
        guard let person = try await User.query(on: context.db).filter(\.$email == email).first() else {
            logger.info("Example registration of \(email) for '\(event.title)' skipped: there is no such account.")
            return
        }
        do {
            try await RegistrationEdits.register(person, for: event, context: context)
        } catch let refusal as any WordedRefusal {
            logger.info("Example registration of \(email) for '\(event.title)' skipped: \(refusal.reason)")
        }
    }
}
