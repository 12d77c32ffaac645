import CityweaveAccounts
import Fluent
import Vapor

/// A city or network that holds an event. A co-organiser named by another organiser's editor takes part
/// once its own editors confirm: no organisation is made to host an event its people did not choose.
package final class EventOrganiser: Model, @unchecked Sendable {
    package static let schema = "event_organisers"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Parent(key: "event_id") package var event: Event
    @Enum(key: "organisation_kind") package var organisationKind: Organisation.Kind
    @Field(key: "organisation_id") package var organisationID: Int
    @Field(key: "is_confirmed") package var isConfirmed: Bool

    package init() {}

    package init(eventID: Int, organisation: Organisation, isConfirmed: Bool) {
        $event.id = eventID
        organisationKind = organisation.kind
        organisationID = organisation.id
        self.isConfirmed = isConfirmed
    }

    package var organisation: Organisation { Organisation(kind: organisationKind, id: organisationID) }
}
