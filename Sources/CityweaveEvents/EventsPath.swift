import CityweaveShared

/// The pages and feeds of the shared calendar. A feed's last segment is its name and `.ics` (`c40.ics`),
/// and an event's page segment is also its calendar file's (`12.ics`): links fill it with the suffix.
package enum EventsPath: String, SitePath {
    case events = "/events"
    case newEvent = "/events/new"
    case overlaps = "/events/overlaps"
    case event = "/events/:id"
    case editEvent = "/events/:id/edit"
    case eventState = "/events/:id/state"
    case deleteEvent = "/events/:id/delete"
    case confirmOrganiser = "/events/:id/organisers/:organisation/confirm"
    case register = "/events/:id/register"
    case unregister = "/events/:id/unregister"
    case registrations = "/events/:id/registrations"
    case registrationsCSV = "/events/:id/registrations.csv"
    case networkCalendar = "/calendars/networks/:file"
    case cityCalendar = "/calendars/cities/:file"
    case themeCalendar = "/calendars/themes/:file"
    case personalCalendar = "/calendars/me/:file"
    case calendarKey = "/account/calendar-key"
}
