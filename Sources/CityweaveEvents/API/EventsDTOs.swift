import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

package struct EventOrganiserDTO: Content {
    package var kind: Organisation.Kind
    package var id: Int
    package var name: String
    /// False while the organisation is asked to co-organise and its editors have not confirmed.
    package var isConfirmed: Bool
}

package struct EventCityDTO: Content {
    package var id: Int
    package var name: String
}

/// An event as calendars list it.
package struct EventSummaryDTO: Content {
    package var id: Int
    package var kind: EventKind
    package var title: String
    package var state: EventState
    /// Instants in UTC.
    package var start: Date
    package var end: Date
    /// The organiser's time zone, and the start and end as the organiser reads them there.
    package var timeZone: String
    package var startLocal: String
    package var endLocal: String
    package var themes: [String]
    package var level: EventLevel
    package var access: EventAccess
    package var languages: [String]
    package var organisers: [EventOrganiserDTO]
    package var venueCity: EventCityDTO?
    package var isOnline: Bool
    package var isExample: Bool
}

package struct EventDTO: Content {
    package var id: Int
    package var kind: EventKind
    package var title: String
    /// Markdown.
    package var description: String
    package var state: EventState
    package var cancelReason: String?
    package var start: Date
    package var end: Date
    package var timeZone: String
    package var startLocal: String
    package var endLocal: String
    /// The online link; left out of events for invited or member cities for those who may not come.
    package var onlineURL: String?
    package var isOnline: Bool
    package var venueCity: EventCityDTO?
    package var venueAddress: String
    package var languages: [String]
    package var interpretation: [String]
    package var themes: [String]
    package var level: EventLevel
    package var access: EventAccess
    /// Nil: no limit.
    package var capacity: Int?
    package var registered: Int
    package var waiting: Int
    package var organisers: [EventOrganiserDTO]
    package var invitedCities: [EventCityDTO]
    package var partnerCities: [EventCityDTO]
    package var sectors: [String]
    package var outcomeSummary: String?
    package var recordingURL: String?
    package var slidesURL: String?
    /// iCalendar's SEQUENCE: raised on every change once published.
    package var sequence: Int
    package var isExample: Bool
    /// The one-event calendar file.
    package var calendarURL: String
}

package struct RegistrationDTO: Content {
    package var user: UUID
    package var name: String
    package var email: String
    package var organisation: EventOrganiserDTO?
    package var state: Registration.State
    /// Its place on the waiting list, from 1; nil for a place.
    package var waitingPosition: Int?
    package var registeredAt: Date?
    package var registeredBy: UUID?
}

package struct RegistrationListDTO: Content {
    package var event: Int
    package var capacity: Int?
    package var registered: Int
    package var waiting: Int
    /// Everyone, for the organisers' people; otherwise the person's own registration only.
    package var items: [RegistrationDTO]
}

/// Who to register: the person themselves when left out, or a colleague (their editor registers them).
package struct RegistrationInput: Content {
    package var user: UUID?
}

package struct CompetitionDTO: Content {
    package var event: EventSummaryDTO
    /// From 0 to 1: how much the two events draw on the same people at the same time.
    package var score: Double
    package var sharedThemes: [String]
    package var sharedCities: Int
    package var sameThemeWithinWeek: Bool
    package var overlapsWithSharedCities: Bool
    /// The reason in a sentence, in the language of Accept-Language.
    package var reason: String
}

package struct CompetingListDTO: Content {
    package var event: Int
    /// How many events compete with it; `items` lists the best 50.
    package var total: Int
    package var items: [CompetitionDTO]
}

package struct OverlapClusterDTO: Content {
    /// Its first events (20 at most), in order.
    package var events: [EventSummaryDTO]
    /// How many events the group holds.
    package var eventCount: Int
    package var pairs: Int
    package var highestScore: Double
}

package struct BusyWeekDTO: Content {
    package var city: EventCityDTO
    /// Monday of the week (UTC).
    package var week: String
    package var events: Int
}

package struct OverlapsDTO: Content {
    package var from: Date
    package var to: Date
    package var events: Int
    /// How many groups of competing events the window holds; `clusters` lists the largest.
    package var clusterCount: Int
    package var clusters: [OverlapClusterDTO]
    /// The cities whose people are invited to the most events in one week, most first.
    package var busiestWeeks: [BusyWeekDTO]
}
