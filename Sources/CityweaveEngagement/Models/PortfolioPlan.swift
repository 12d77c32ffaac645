import CityweaveAccounts
import CityweaveDirectory
import Fluent
import Vapor

/// An advisor's proposal the city kept, with the weights and capacity it was made for.
package final class PortfolioPlan: Model, @unchecked Sendable {
    package static let schema = "portfolio_plans"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Field(key: "name") package var name: String
    /// The strategy revision the proposal started from, if any.
    @OptionalField(key: "strategy_revision") package var strategyRevision: Int?
    /// The advice as the API returned it (`PortfolioAdviceDTO`), settings included.
    @Field(key: "advice") package var advice: PortfolioAdviceDTO
    @Field(key: "author_name") package var authorName: String

    // relationships
    @Parent(key: "city_id") package var city: City

    package init() {}
}
