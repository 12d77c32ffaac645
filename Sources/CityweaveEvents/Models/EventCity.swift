import Fluent
import Vapor

/// A city an event names: invited to it, or (for a trade mission) the partner it travels to or receives.
package final class EventCity: Model, @unchecked Sendable {
    package static let schema = "event_cities"

    package enum Role: String, Codable, Sendable {
        case invited, partner
    }

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Parent(key: "event_id") package var event: Event
    @Field(key: "city_id") package var cityID: Int
    @Enum(key: "role") package var role: Role

    package init() {}

    package init(eventID: Int, cityID: Int, role: Role) {
        $event.id = eventID
        self.cityID = cityID
        self.role = role
    }
}
