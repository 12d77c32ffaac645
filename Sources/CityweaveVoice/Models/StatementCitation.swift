import Fluent
import Vapor

/// A figure a statement rests on: one answer of a closed survey's question
/// ("82 of 120 responding cities lacked testing capacity"), read live from its results.
package final class StatementCitation: Model, @unchecked Sendable {
    package static let schema = "statement_citations"

    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Parent(key: "statement_id") package var statement: Statement
    @Parent(key: "survey_id") package var survey: Survey
    @Field(key: "question") package var question: String
    /// The option counted (a choice, `yes`); nil cites the question's n and, for numbers, its median.
    @OptionalField(key: "option") package var option: String?

    package init() {}
}
