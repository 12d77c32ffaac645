import Fluent

/// The events module's migrations, in the order they landed.
package enum EventsMigrations {
    package static let all: [any Migration] = [
        CreateEvent(), CreateEventOrganiser(), CreateEventCity(), CreateRegistration(), CreateCalendarKey(),
        AddCalendarIndex(),
    ]
}
