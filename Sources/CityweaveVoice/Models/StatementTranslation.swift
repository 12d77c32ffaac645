import Fluent
import Vapor

/// A statement's text in another language, made from one version of the original.
package final class StatementTranslation: Model, @unchecked Sendable {
    package static let schema = "statement_translations"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @Parent(key: "statement_id") package var statement: Statement
    /// ISO 639-1.
    @Field(key: "language") package var language: String
    @Field(key: "title") package var title: String
    @Field(key: "body") package var body: String
    /// The version of the original it translates: a later original makes it out of date.
    @Field(key: "version") package var version: Int

    package init() {}
}
