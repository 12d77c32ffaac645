import CityweaveCore
import Foundation
import Vapor

/// A city's strategy: the current revision and how its priorities moved.
struct StrategyDTO: Content {
    var cityID: Int
    var revision: Int
    var priorities: [StrategyPriority]
    var objectives: String
    var hoursPerMonth: Double
    var yearlyBudget: Double
    var costPerHour: Double
    var currency: String
    var reviewOn: String?
    var newEngagementHours: Double
    var newEngagementFee: Double
    var sharesValueRatings: Bool
    var savedAt: Date?
    var savedBy: String
    var isExample: Bool
    /// Every revision, newest first.
    var history: [RevisionDTO]

    struct RevisionDTO: Content {
        var revision: Int
        var savedAt: Date?
        var savedBy: String
        var priorities: [StrategyPriority]
        var hoursPerMonth: Double
        var yearlyBudget: Double
    }
}

/// Someone of the city who carries engagements.
struct PersonRefDTO: Content {
    var id: UUID
    var name: String
    var isActive: Bool
}

struct EngagementDTO: Content {
    var id: Int
    var cityID: Int
    var title: String
    var kind: String
    var network: NetworkRefDTO?
    var partnership: PartnershipRefDTO?
    var owner: PersonRefDTO?
    var backup: PersonRefDTO?
    var sponsor: String
    var level: String
    var hoursPerMonth: Double
    var yearlyFee: Double
    var objectives: String
    var status: String
    var handoverNotes: String
    /// Without an active owner: the city must name one.
    var needsOwner: Bool
    /// Fee plus a year of hours at the strategy's cost per hour.
    var yearlyCost: Double
    var value: ValueSummaryDTO
    var isExample: Bool
    var updatedAt: Date?

    /// Active or paused: counted in the portfolio's hours and costs.
    var drawsOnCapacity: Bool { EngagementStatus(rawValue: status)?.drawsOnCapacity ?? false }
}

/// A partnership an engagement carries, seen from the engagement's city.
struct PartnershipRefDTO: Content {
    var id: Int
    var kind: String
    var partnerCityID: Int
    var partnerName: String
}

struct NetworkRefDTO: Content {
    var id: Int
    var slug: String
    var name: String
}

/// The value an engagement gave: all of it, and the last twelve months.
struct ValueSummaryDTO: Content {
    var entries: Int
    var recentEntries: Int
    var recentMeanRating: Double?
    /// The sum of the ratings of the last twelve months: what the cost is set against.
    var recentScore: Int
    var lastDate: String?
}

struct ValueEntryDTO: Content {
    var id: Int
    var engagementID: Int
    var date: String
    var kind: String
    var rating: Int
    var note: String
    var link: String
    var recordedBy: String?
    var isExample: Bool
}

/// The advisor's answer, as the API gives it and as a plan keeps it.
struct PortfolioAdviceDTO: Content {
    struct Settings: Content {
        var priorities: [StrategyPriority]
        var hoursPerMonth: Double
        var yearlyBudget: Double
        var currency: String
        var newEngagementHours: Double
        var newEngagementFee: Double
        /// What engagements outside networks already take, before the advisor chooses.
        var fixedHoursPerMonth: Double
        var fixedYearlyCost: Double
        /// The strategy revision these start from; nil when everything came from the request.
        var strategyRevision: Int?
    }

    struct Scores: Content {
        var fit: Double
        var peers: Double
        var similarMembers: Int
        var evidence: Double
        var loggedValue: Double
        var redundancy: Double
        var cost: Double
    }

    struct Action: Content {
        var action: String
        var network: NetworkRefDTO
        /// The city's engagements in the network, if it has any.
        var engagements: [Int]
        var hoursPerMonth: Double
        var yearlyFee: Double
        var isEstimate: Bool
        var summary: String
        var reasons: [String]
        var scores: Scores
    }

    struct ThemeCoverage: Content {
        var theme: String
        var label: String
        var weight: Double
        var networks: Int
    }

    var cityID: Int
    var settings: Settings
    var actions: [Action]
    /// The worth of the proposal (see the README's advisor section), and the proven bound on the best.
    var objective: Double
    var upperBound: Double
    var optimal: Bool
    var gap: Double
    var candidates: Int
    /// Fees a year the proposal takes (staff time aside), engagements outside networks included.
    var yearlyFees: Double
    var hoursPerMonth: Double
    var coverage: [ThemeCoverage]
    var computedAt: Date
}

struct PortfolioPlanDTO: Content {
    var id: Int
    var cityID: Int
    var name: String
    var savedAt: Date?
    var savedBy: String
    var advice: PortfolioAdviceDTO
}
