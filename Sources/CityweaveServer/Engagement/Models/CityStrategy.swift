import CityweaveCore
import Fluent
import Vapor

/// One revision of a city's strategy for its international engagement:
/// what it weighs, what it wants, and what it can spend. Revisions are
/// never changed, only followed by a new one, so that the city can see how
/// its priorities moved.
final class CityStrategy: Model, @unchecked Sendable {
    static let schema = "city_strategies"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// 1 for the first strategy, then one more for each revision.
    @Field(key: "revision") var revision: Int
    @Field(key: "priorities") var priorities: [StrategyPriority]
    @Field(key: "objectives") var objectives: String
    /// Staff hours a month the international office can give to engagements.
    @Field(key: "hours_per_month") var hoursPerMonth: Double
    /// Money a year for fees and travel.
    @Field(key: "yearly_budget") var yearlyBudget: Double
    /// What an hour of staff time costs the city, to set time beside fees.
    @Field(key: "cost_per_hour") var costPerHour: Double
    @Field(key: "currency") var currency: String
    /// "YYYY-MM-DD": when the city means to look at it again.
    @OptionalField(key: "review_on") var reviewOn: String?
    /// What the advisor assumes joining a network takes, until the city knows better.
    @Field(key: "new_engagement_hours") var newEngagementHours: Double
    @Field(key: "new_engagement_fee") var newEngagementFee: Double
    /// Whether the city lets the advisor count its value ratings, without names or notes, as evidence for similar cities.
    @Field(key: "shares_value_ratings") var sharesValueRatings: Bool
    @Field(key: "author_name") var authorName: String
    @Field(key: "is_example") var isExample: Bool

    // relationships
    @Parent(key: "city_id") var city: City

    init() {}
}

/// A priority theme of a strategy and how much it weighs.
struct StrategyPriority: Codable, Sendable, Equatable {
    var theme: String
    var weight: Double
}

extension [StrategyPriority] {
    /// Theme → weight, for the advisor.
    var weights: [Theme: Double] {
        Dictionary(compactMap { priority in Theme(rawValue: priority.theme).map { ($0, priority.weight) } }) { $0 + $1 }
    }
}
