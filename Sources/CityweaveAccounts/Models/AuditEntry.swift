import Fluent
import Vapor

/// One write: who made it, for which organisation, to which record, what
/// changed, when and from where.
package final class AuditEntry: Model, @unchecked Sendable {
    package static let schema = "audit_entries"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?

    // data fields
    @Field(key: "at") package var at: Date
    /// Kept as text as well as the user id, so that the entry reads the same after the user changes their address.
    @Field(key: "actor_email") package var actorEmail: String
    @OptionalEnum(key: "actor_organisation_kind") package var actorOrganisationKind: Organisation.Kind?
    @OptionalField(key: "actor_organisation_id") package var actorOrganisationID: Int?
    /// The organisation that owns the record written.
    @OptionalEnum(key: "organisation_kind") package var organisationKind: Organisation.Kind?
    @OptionalField(key: "organisation_id") package var organisationID: Int?
    /// What was done ("update", "create", "delete", "sign_in"...).
    @Field(key: "action") package var action: String
    @Field(key: "record_type") package var recordType: String
    @Field(key: "record_id") package var recordID: String
    /// The fields that changed, as JSON: `{"field": {"from": …, "to": …}}`.
    @Field(key: "changes") package var changes: String
    @Field(key: "ip") package var ip: String

    // relationships
    @OptionalParent(key: "user_id") package var user: User?

    package init() {}

    package var organisation: Organisation? {
        guard let kind = organisationKind, let id = organisationID else { return nil }
        return Organisation(kind: kind, id: id)
    }
}
