import Fluent
import Vapor

/// A text a statement had: every version an endorsement may point to stays readable.
package final class StatementVersion: Model, @unchecked Sendable {
    package static let schema = "statement_versions"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "statement_id") package var statement: Statement
    @Field(key: "version") package var version: Int
    @Field(key: "title") package var title: String
    @Field(key: "body") package var body: String

    package init() {}

    package init(of statement: Statement) throws {
        $statement.id = try statement.requireID()
        version = statement.version
        title = statement.title
        body = statement.body
    }
}
