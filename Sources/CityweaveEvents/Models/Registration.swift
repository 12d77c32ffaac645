import CityweaveAccounts
import Fluent
import Vapor

/// A person's place at an event, or on its waiting list. Places are taken in order of `id`: the first on
/// the waiting list moves up when someone cancels.
package final class Registration: Model, @unchecked Sendable {
    package static let schema = "event_registrations"

    package enum State: String, Codable, Sendable {
        case registered, waiting
    }

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "event_id") package var event: Event
    @Parent(key: "user_id") package var user: User
    @Enum(key: "state") package var state: State
    /// The colleague who registered the person, when not the person themselves.
    @OptionalField(key: "registered_by_id") package var registeredByID: UUID?

    package init() {}

    package init(eventID: Int, userID: UUID, state: State, registeredBy: UUID?) {
        $event.id = eventID
        $user.id = userID
        self.state = state
        registeredByID = registeredBy == userID ? nil : registeredBy
    }
}
