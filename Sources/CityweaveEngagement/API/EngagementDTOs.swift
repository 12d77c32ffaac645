import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import Foundation
import Vapor

/// A city's strategy: the current revision and how its priorities moved.
package struct StrategyDTO: Content {
    package var cityID: Int
    package var revision: Int
    package var priorities: [StrategyPriority]
    package var objectives: String
    package var hoursPerMonth: Double
    package var yearlyBudget: Double
    package var costPerHour: Double
    package var currency: String
    package var reviewOn: String?
    package var newEngagementHours: Double
    package var newEngagementFee: Double
    package var sharesValueRatings: Bool
    package var savedAt: Date?
    package var savedBy: String
    package var isExample: Bool
    /// Every revision, newest first.
    package var history: [RevisionDTO]

    package struct RevisionDTO: Content {
        package var revision: Int
        package var savedAt: Date?
        package var savedBy: String
        package var priorities: [StrategyPriority]
        package var hoursPerMonth: Double
        package var yearlyBudget: Double
    }
}

/// Someone of the city who carries engagements.
package struct PersonRefDTO: Content {
    package var id: UUID
    package var name: String
    package var isActive: Bool
}

package struct EngagementDTO: Content {
    package var id: Int
    package var cityID: Int
    package var title: String
    package var kind: String
    package var network: NetworkRefDTO?
    package var partnership: PartnershipRefDTO?
    package var owner: PersonRefDTO?
    package var backup: PersonRefDTO?
    package var sponsor: String
    package var level: String
    package var hoursPerMonth: Double
    package var yearlyFee: Double
    package var objectives: String
    package var status: String
    package var handoverNotes: String
    /// Without an active owner: the city must name one.
    package var needsOwner: Bool
    /// Fee plus a year of hours at the strategy's cost per hour.
    package var yearlyCost: Double
    package var value: ValueSummaryDTO
    package var isExample: Bool
    package var updatedAt: Date?

    /// Active or paused: counted in the portfolio's hours and costs.
    package var drawsOnCapacity: Bool { EngagementStatus(rawValue: status)?.drawsOnCapacity ?? false }
}

/// A partnership an engagement carries, seen from the engagement's city.
package struct PartnershipRefDTO: Content {
    package var id: Int
    package var kind: String
    package var partnerCityID: Int
    package var partnerName: String
}

/// The value an engagement gave: all of it, and the last twelve months.
package struct ValueSummaryDTO: Content {
    package var entries: Int
    package var recentEntries: Int
    package var recentMeanRating: Double?
    /// The sum of the ratings of the last twelve months: what the cost is set against.
    package var recentScore: Int
    package var lastDate: String?
}

package struct ValueEntryDTO: Content {
    package var id: Int
    package var engagementID: Int
    package var date: String
    package var kind: String
    package var rating: Int
    package var note: String
    package var link: String
    package var recordedBy: String?
    package var isExample: Bool
}

/// The advisor's answer, as the API gives it and as a plan keeps it.
package struct PortfolioAdviceDTO: Content {
    package struct Settings: Content {
        package var priorities: [StrategyPriority]
        package var hoursPerMonth: Double
        package var yearlyBudget: Double
        package var currency: String
        package var newEngagementHours: Double
        package var newEngagementFee: Double
        /// Where each assumed figure comes from: `whatIf`, `strategy` or `default`
        /// (absent from plans saved before the advice said so).
        package var newEngagementHoursSource: String?
        package var newEngagementFeeSource: String?
        /// What engagements outside networks already take, before the advisor chooses.
        package var fixedHoursPerMonth: Double
        package var fixedYearlyCost: Double
        /// The strategy revision these start from; nil when everything came from the request.
        package var strategyRevision: Int?
    }

    package struct Scores: Content {
        package var fit: Double
        package var peers: Double
        package var similarMembers: Int
        package var evidence: Double
        package var loggedValue: Double
        package var redundancy: Double
        package var cost: Double
    }

    package struct Action: Content {
        package var action: String
        package var network: NetworkRefDTO
        /// The city's engagements in the network, if it has any.
        package var engagements: [Int]
        package var hoursPerMonth: Double
        package var yearlyFee: Double
        package var isEstimate: Bool
        /// False when the network publishes no member list: its peers could not be weighed.
        package var membersKnown: Bool
        /// In the language of the request that asked; a plan keeps them as worded for whoever saved it.
        package var summary: String
        package var reasons: [String]
        package var scores: Scores
    }

    package struct ThemeCoverage: Content {
        package var theme: String
        /// The theme's name in the language of the request that asked.
        package var label: String
        package var weight: Double
        package var networks: Int
    }

    package var cityID: Int
    package var settings: Settings
    package var actions: [Action]
    /// The worth of the proposal (see the README's advisor section), and the proven bound on the best.
    package var objective: Double
    package var upperBound: Double
    package var optimal: Bool
    package var gap: Double
    package var candidates: Int
    /// Networks the city could join that publish no member list: not weighed, named apart.
    package var withoutMemberData: [NetworkRefDTO]
    /// Fees a year the proposal takes (staff time aside), engagements outside networks included.
    package var yearlyFees: Double
    package var hoursPerMonth: Double
    package var coverage: [ThemeCoverage]
    package var computedAt: Date
}

package struct PortfolioPlanDTO: Content {
    package var id: Int
    package var cityID: Int
    package var name: String
    package var savedAt: Date?
    package var savedBy: String
    package var advice: PortfolioAdviceDTO
}
