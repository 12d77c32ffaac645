import Fluent
import Vapor

/// An advisor's proposal the city kept, with the weights and capacity it was made for.
final class PortfolioPlan: Model, @unchecked Sendable {
    static let schema = "portfolio_plans"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    /// The strategy revision the proposal started from, if any.
    @OptionalField(key: "strategy_revision") var strategyRevision: Int?
    /// The advice as the API returned it (`PortfolioAdviceDTO`), settings included.
    @Field(key: "advice") var advice: PortfolioAdviceDTO
    @Field(key: "author_name") var authorName: String

    // relationships
    @Parent(key: "city_id") var city: City

    init() {}
}
