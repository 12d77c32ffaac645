import Fluent
import Vapor

/// One write: who made it, for which organisation, to which record, what
/// changed, when and from where.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?

    // data fields
    @Field(key: "at") var at: Date
    /// Kept as text as well as the user id, so that the entry reads the same after the user changes their address.
    @Field(key: "actor_email") var actorEmail: String
    @OptionalEnum(key: "actor_organisation_kind") var actorOrganisationKind: Organisation.Kind?
    @OptionalField(key: "actor_organisation_id") var actorOrganisationID: Int?
    /// The organisation that owns the record written.
    @OptionalEnum(key: "organisation_kind") var organisationKind: Organisation.Kind?
    @OptionalField(key: "organisation_id") var organisationID: Int?
    /// What was done ("update", "create", "delete", "sign_in"...).
    @Field(key: "action") var action: String
    @Field(key: "record_type") var recordType: String
    @Field(key: "record_id") var recordID: String
    /// The fields that changed, as JSON: `{"field": {"from": …, "to": …}}`.
    @Field(key: "changes") var changes: String
    @Field(key: "ip") var ip: String

    // relationships
    @OptionalParent(key: "user_id") var user: User?

    init() {}

    var organisation: Organisation? {
        guard let kind = organisationKind, let id = organisationID else { return nil }
        return Organisation(kind: kind, id: id)
    }
}
