import CityweaveAccounts
import Fluent
import Vapor

/// One organisation's endorsement of a statement, given by one of its
/// signatories to one version of the text. At most one per organisation.
package final class Endorsement: Model, @unchecked Sendable {
    package static let schema = "statement_endorsements"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Parent(key: "statement_id") package var statement: Statement
    @Enum(key: "organisation_kind") package var organisationKind: Organisation.Kind
    @Field(key: "organisation_id") package var organisationID: Int
    /// The person who signed; their name and title are kept as signed, whatever happens to the account.
    @OptionalField(key: "signed_by_id") package var signedByID: UUID?
    @Field(key: "signer_name") package var signerName: String
    @Field(key: "signer_title") package var signerTitle: String
    @Field(key: "comment") package var comment: String
    /// The version of the text endorsed (or last confirmed).
    @Field(key: "version") package var version: Int
    @Field(key: "endorsed_at") package var endorsedAt: Date
    @Field(key: "is_example") package var isExample: Bool

    package init() {}

    package var organisation: Organisation { Organisation(kind: organisationKind, id: organisationID) }
}
