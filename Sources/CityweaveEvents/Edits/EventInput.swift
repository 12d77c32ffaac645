import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// An event as a client writes it, whole (to create) or in part (to change: fields left out stay as they
/// are). Times are wall-clock times in `timeZone`, as the organiser reads them on their own calendar.
package struct EventInput: Content {
    package var kind: String?
    package var title: String?
    package var description: String?
    package var timeZone: String?
    /// `YYYY-MM-DDTHH:MM` in `timeZone`.
    package var start: String?
    package var end: String?
    /// Which of the two moments is meant when a time happens twice as clocks go back (`+02:00`).
    package var startOffset: String?
    package var endOffset: String?
    /// An http or https address; empty clears it.
    package var onlineURL: String?
    /// A city of the directory; 0 clears it.
    package var venueCity: Int?
    package var venueAddress: String?
    package var languages: [String]?
    package var interpretation: [String]?
    package var themes: [String]?
    package var level: String?
    package var access: String?
    /// At least 1; 0 removes the limit.
    package var capacity: Int?
    package var organisers: [Organisation]?
    package var invitedCities: [Int]?
    /// A trade mission's partner cities or metro areas.
    package var partnerCities: [Int]?
    package var sectors: [String]?
    package var outcomeSummary: String?
    package var recordingURL: String?
    package var slidesURL: String?

    package init() {}

    package static let maximumTitleLength = 200
    package static let maximumOrganisers = 10
    package static let maximumCities = 500
    package static let maximumListItems = 20

    package static func tooMany(_ field: String, limit: Int) -> BadRequest {
        BadRequest(
            Message(
                "events.error.too-many", one: "'{field}' may list at most {count} item.",
                other: "'{field}' may list at most {count} items.", count: limit, ["field": .text(field)]))
    }

    /// Writes the fields given into `event` (cities, organisers and outcomes are the edits' to check).
    func apply(to event: Event, isNew: Bool) throws {
        if let kind {
            event.kind = try FieldChoice.parse(EventKind.self, kind, field: "kind")
        } else if isNew {
            throw BadRequest.required("kind")
        }
        event.title = try EditText.line(
            title ?? (isNew ? nil : event.title), field: "title", limit: Self.maximumTitleLength)
        event.details = try EditText.markdown(
            description ?? (isNew ? "" : event.details), field: "description", optional: true)
        try applyTimes(to: event, isNew: isNew)
        if let onlineURL { event.onlineURL = try EditText.webAddress(onlineURL, field: "onlineURL") }
        if let venueAddress {
            event.venueAddress = try EditText.line(venueAddress, field: "venueAddress", limit: 500, optional: true)
        } else if isNew {
            event.venueAddress = ""
        }
        if let languages {
            event.languages = try Self.languageCodes(languages, field: "languages", required: true)
        } else if isNew {
            throw BadRequest.required("languages")
        }
        if let interpretation {
            event.interpretation = try Self.languageCodes(interpretation, field: "interpretation", required: false)
        } else if isNew {
            event.interpretation = []
        }
        if let themes {
            switch Theme.parse(themes) {
            case .success(let parsed): event.themes = ThemeSet(parsed)
            case .failure(let unknown):
                throw BadRequest(
                    FieldChoice.refusal(
                        field: "themes", allowed: Theme.allCases.map(\.rawValue).joined(separator: ", "),
                        given: unknown.name))
            }
        } else if isNew {
            event.themes = []
        }
        if let level {
            event.level = try FieldChoice.parse(EventLevel.self, level, field: "level")
        } else if isNew {
            throw BadRequest.required("level")
        }
        if let access {
            event.access = try FieldChoice.parse(EventAccess.self, access, field: "access")
        } else if isNew {
            event.access = .public
        }
        if let capacity {
            guard capacity >= 0, capacity <= 1_000_000 else {
                throw BadRequest(
                    Message(
                        "events.error.capacity",
                        "'{field}' must be a number of places from 1 to 1,000,000, or 0 for no limit.",
                        ["field": .text("capacity")]))
            }
            event.capacity = capacity == 0 ? nil : capacity
        }
        if let sectors {
            guard sectors.count <= Self.maximumListItems else {
                throw Self.tooMany("sectors", limit: Self.maximumListItems)
            }
            event.sectors = try sectors.map { try EditText.line($0, field: "sectors", limit: 100) }
        } else if isNew {
            event.sectors = []
        }
        if isNew {
            event.outcomeSummary = ""
            event.cancelReason = ""
        }
    }

    /// Start and end as instants, from wall-clock times that must exist once in the zone.
    private func applyTimes(to event: Event, isNew: Bool) throws {
        guard isNew || timeZone != nil || start != nil || end != nil else { return }
        let zoneName = try EditText.line(timeZone ?? (isNew ? nil : event.timeZone), field: "timeZone", limit: 64)
        guard let zone = TimeZone(identifier: zoneName) else {
            throw BadRequest(
                Message(
                    "events.error.time-zone",
                    "'{field}': '{given}' is not a time zone; name one as Europe/Paris or America/Sao_Paulo.",
                    ["field": .text("timeZone"), "given": .text(zoneName)]))
        }
        let zoneChanged = !isNew && zoneName != event.timeZone
        let startText = start ?? (isNew ? nil : LocalTime(event.startsAt, in: zoneChanged ? event.zone : zone).text)
        let endText = end ?? (isNew ? nil : LocalTime(event.endsAt, in: zoneChanged ? event.zone : zone).text)
        let startsAt = try Self.instant(startText, offset: startOffset, field: "start", zone: zone)
        let endsAt = try Self.instant(endText, offset: endOffset, field: "end", zone: zone)
        guard endsAt > startsAt else {
            throw BadRequest(
                Message(
                    "events.error.end-before-start", "'{field}' must come after the start.", ["field": .text("end")]))
        }
        guard endsAt.timeIntervalSince(startsAt) <= 31 * 86_400 else {
            throw BadRequest(
                Message(
                    "events.error.too-long", "An event may last at most 31 days; '{field}' is later.",
                    ["field": .text("end")]))
        }
        event.timeZone = zoneName
        event.startsAt = startsAt
        event.endsAt = endsAt
    }

    /// The one instant a wall-clock time names in `zone`: a time the clocks skip is refused, and a time they
    /// pass twice needs its offset, each with the choices named.
    static func instant(_ text: String?, offset: String?, field: String, zone: TimeZone) throws -> Date {
        let typed = try EditText.line(text, field: field, limit: 40)
        guard let local = LocalTime(parsing: typed) else {
            throw BadRequest(
                Message(
                    "events.error.local-time",
                    "'{field}' must be a date and time such as 2027-03-04T14:30; got '{given}'.",
                    ["field": .text(field), "given": .text(typed)]))
        }
        let zoneName = zone.identifier
        switch local.resolve(in: zone) {
        case .exact(let instant):
            return instant
        case .skipped(let before, let after):
            throw BadRequest(
                Message(
                    "events.error.time-skipped",
                    "'{field}': {time} does not exist in {zone}: the clocks move from {before} to {after} then. Choose another time.",
                    [
                        "field": .text(field), "time": .text(local.text), "zone": .text(zoneName),
                        "before": .text(UTCOffsetText.text(before)), "after": .text(UTCOffsetText.text(after)),
                    ]))
        case .repeated(let earlier, let later):
            let first = zone.secondsFromGMT(for: earlier)
            let second = zone.secondsFromGMT(for: later)
            let offsetField = field + "Offset"
            if let offset, let seconds = UTCOffsetText.parse(offset),
                let instant = local.instant(in: zone, offset: seconds)
            {
                return instant
            }
            throw BadRequest(
                Message(
                    "events.error.time-repeated",
                    "'{field}': {time} happens twice in {zone} as the clocks go back; say which one is meant in '{offsetField}': {first} (the first) or {second} (the second).",
                    [
                        "field": .text(field), "time": .text(local.text), "zone": .text(zoneName),
                        "offsetField": .text(offsetField), "first": .text(UTCOffsetText.text(first)),
                        "second": .text(UTCOffsetText.text(second)),
                    ]))
        }
    }

    /// ISO 639-1 codes, each known, none twice.
    static func languageCodes(_ given: [String], field: String, required: Bool) throws -> [String] {
        guard given.count <= maximumListItems else { throw tooMany(field, limit: maximumListItems) }
        var codes: [String] = []
        for text in given where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            let code = try LanguageName.code(text, field: field)
            if !codes.contains(code) { codes.append(code) }
        }
        if codes.isEmpty, required { throw BadRequest.required(field) }
        return codes
    }
}
