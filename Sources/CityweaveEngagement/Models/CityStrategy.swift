import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import Fluent
import Vapor

/// One revision of a city's strategy for its international engagement:
/// what it weighs, what it wants, and what it can spend. Revisions are
/// never changed, only followed by a new one, so that the city can see how
/// its priorities moved.
package final class CityStrategy: Model, @unchecked Sendable {
    package static let schema = "city_strategies"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    /// 1 for the first strategy, then one more for each revision.
    @Field(key: "revision") package var revision: Int
    @Field(key: "priorities") package var priorities: [StrategyPriority]
    @Field(key: "objectives") package var objectives: String
    /// Staff hours a month the international office can give to engagements.
    @Field(key: "hours_per_month") package var hoursPerMonth: Double
    /// Money a year for fees and travel.
    @Field(key: "yearly_budget") package var yearlyBudget: Double
    /// What an hour of staff time costs the city, to set time beside fees.
    @Field(key: "cost_per_hour") package var costPerHour: Double
    @Field(key: "currency") package var currency: String
    /// "YYYY-MM-DD": when the city means to look at it again.
    @OptionalField(key: "review_on") package var reviewOn: String?
    /// What the advisor assumes joining a network takes, until the city knows better.
    @Field(key: "new_engagement_hours") package var newEngagementHours: Double
    @Field(key: "new_engagement_fee") package var newEngagementFee: Double
    /// Whether the city lets the advisor count its value ratings, without names or notes, as evidence for similar cities.
    @Field(key: "shares_value_ratings") package var sharesValueRatings: Bool
    @Field(key: "author_name") package var authorName: String
    @Field(key: "is_example") package var isExample: Bool

    // relationships
    @Parent(key: "city_id") package var city: City

    package init() {}
}

/// A priority theme of a strategy and how much it weighs.
package struct StrategyPriority: Codable, Sendable, Equatable {
    package var theme: String
    package var weight: Double
}

extension [StrategyPriority] {
    /// Theme → weight, for the advisor.
    package var weights: [Theme: Double] {
        Dictionary(compactMap { priority in Theme(rawValue: priority.theme).map { ($0, priority.weight) } }) { $0 + $1 }
    }
}
