import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// A webinar, meeting, conference, study visit or trade mission on the shared calendar. Its times are
/// stored as instants (UTC) and as the wall-clock times the organiser typed in its time zone, so that a
/// change of the zone's rules later keeps what the organiser meant visible.
package final class Event: Model, @unchecked Sendable {
    package static let schema = "events"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @Enum(key: "kind") package var kind: EventKind
    @Field(key: "title") package var title: String
    /// Markdown, shown through the sanitizing renderer.
    @Field(key: "description") package var details: String
    /// The organiser's IANA time zone.
    @Field(key: "time_zone") package var timeZone: String
    @Field(key: "starts_at") package var startsAt: Date
    @Field(key: "ends_at") package var endsAt: Date
    @OptionalField(key: "online_url") package var onlineURL: String?
    @OptionalField(key: "venue_city_id") package var venueCityID: Int?
    @Field(key: "venue_address") package var venueAddress: String
    /// The languages spoken, ISO 639-1 codes joined by commas, so that both databases filter them alike.
    @Field(key: "languages") package var languageList: String
    @Field(key: "interpretation") package var interpretation: [String]
    /// A ``ThemeSet``'s bits: a filter by theme is one bitwise test in SQL.
    @Field(key: "themes") package var themeBits: Int
    @Enum(key: "level") package var level: EventLevel
    @Enum(key: "access") package var access: EventAccess
    @OptionalField(key: "capacity") package var capacity: Int?
    @Enum(key: "state") package var state: EventState
    @Field(key: "cancel_reason") package var cancelReason: String
    /// What a trade mission is about; empty for other kinds.
    @Field(key: "sectors") package var sectors: [String]
    @Field(key: "outcome_summary") package var outcomeSummary: String
    @OptionalField(key: "recording_url") package var recordingURL: String?
    @OptionalField(key: "slides_url") package var slidesURL: String?
    /// Raised on every change once published, as iCalendar's SEQUENCE, so that calendar programs take the change.
    @Field(key: "sequence") package var sequence: Int
    @Field(key: "is_example") package var isExample: Bool
    @OptionalField(key: "created_by_id") package var createdByID: UUID?

    package init() {}

    package var languages: [String] {
        get { languageList.split(separator: ",").map(String.init) }
        set { languageList = newValue.joined(separator: ",") }
    }

    package var themes: ThemeSet {
        get { ThemeSet(rawValue: UInt32(truncatingIfNeeded: themeBits)) }
        set { themeBits = Int(newValue.rawValue) }
    }

    package var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }

    /// Whether it has ended, so that its outcomes may be recorded and nobody registers any more.
    package func isOver(now: Date = Date()) -> Bool { endsAt <= now }
}

package enum EventKind: String, Codable, CaseIterable, Sendable {
    case webinar, roundtable, conference
    case workingGroup = "working-group"
    case studyVisit = "study-visit"
    case tradeMission = "trade-mission"
    case other

    package var message: Message {
        switch self {
        case .webinar: Message("events.kind.webinar", "Webinar")
        case .roundtable: Message("events.kind.roundtable", "Roundtable")
        case .conference: Message("events.kind.conference", "Conference")
        case .workingGroup: Message("events.kind.working-group", "Working-group meeting")
        case .studyVisit: Message("events.kind.study-visit", "Study visit")
        case .tradeMission: Message("events.kind.trade-mission", "Trade mission")
        case .other: Message("events.kind.other", "Other")
        }
    }
}

/// Who may come.
package enum EventAccess: String, Codable, CaseIterable, Sendable {
    /// Anyone with an account.
    case `public`
    /// The people of the organising networks' member cities, and the organisers' own.
    case members
    /// The people of the invited cities, and the organisers' own.
    case invited

    package var message: Message {
        switch self {
        case .public: Message("events.access.public", "Open to all")
        case .members: Message("events.access.members", "Members of the organising networks")
        case .invited: Message("events.access.invited", "Invited cities")
        }
    }
}

package enum EventState: String, Codable, CaseIterable, Sendable {
    /// Seen by its organisers' people only.
    case draft
    case published
    /// Still shown, with its reason, so that calendars that hold it learn it is off.
    case cancelled

    package var message: Message {
        switch self {
        case .draft: Message("events.state.draft", "Draft")
        case .published: Message("events.state.published", "Published")
        case .cancelled: Message("events.state.cancelled", "Cancelled")
        }
    }
}

extension EventLevel {
    package var message: Message {
        switch self {
        case .political: Message("events.level.political", "Political (mayors, elected officials)")
        case .senior: Message("events.level.senior-adviser", "Senior advisers")
        case .technical: Message("events.level.technical", "Technical staff")
        }
    }
}
