import CityweaveAccounts
import Fluent
import Vapor

/// A city or network that leads a statement: its editors draft and steer it.
package final class StatementLead: Model, @unchecked Sendable {
    package static let schema = "statement_leads"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Parent(key: "statement_id") package var statement: Statement
    @Enum(key: "organisation_kind") package var organisationKind: Organisation.Kind
    @Field(key: "organisation_id") package var organisationID: Int

    package init() {}

    package init(statementID: Int, organisation: Organisation) {
        $statement.id = statementID
        organisationKind = organisation.kind
        organisationID = organisation.id
    }

    package var organisation: Organisation { Organisation(kind: organisationKind, id: organisationID) }
}
