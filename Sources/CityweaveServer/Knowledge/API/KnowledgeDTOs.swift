import CityweaveCore
import Foundation
import Vapor

/// A practice in a list: enough to choose it, with the passage that matched.
struct PracticeSummaryDTO: Content {
    var id: Int
    var title: String
    var summary: String
    var language: String
    var stage: PracticeStage
    var themes: [String]
    var city: CitySummaryDTO
    var countryName: String
    var publishedAt: Date?
    var isExample: Bool
    /// The title split into matched and unmatched parts (search results only).
    var titleParts: [Snippet.Part]?
    /// The passage where the search terms occur (search results only).
    var snippet: [Snippet.Part]?
}

/// A practice in full, with its versions, reviews and the transfers cited as evidence.
struct PracticeDTO: Content {
    struct KnowHow: Content {
        var staff: String
        var budgetBand: BudgetBand?
        var partners: String
        var legalInstruments: String
        var pitfalls: String
    }

    struct Contact: Content {
        var name: String?
        var role: String?
        var email: String?
    }

    struct Version: Content {
        var id: Int
        var language: String
        var title: String
        var isOriginal: Bool
        var isPublished: Bool
    }

    struct Review: Content {
        var network: NetworkReferenceDTO
        var reviewedAt: Date
        var reviewer: String
        var missingSections: [String]
        var readableAlone: Bool
        var evidenceGiven: Bool
        var complete: Bool
        var comment: String
    }

    var id: Int
    var city: CitySummaryDTO
    var countryName: String
    var language: String
    var isOriginal: Bool
    var title: String
    var summary: String
    var problem: String
    var method: [String]
    var knowHow: KnowHow
    var resources: String
    var evidence: String
    var stage: PracticeStage
    var themes: [String]
    var links: [PracticeLink]
    var contact: Contact?
    var publishedAt: Date?
    var updatedAt: Date?
    var isExample: Bool
    var versions: [Version]
    var reviews: [Review]
    /// Transfers whose result the practice's city cites as evidence.
    var evidenceFromTransfers: [TransferDTO]
}

struct NetworkReferenceDTO: Content {
    var id: Int
    var slug: String
    var name: String
}

/// A city adapting a practice, with every stage it reached.
struct TransferDTO: Content {
    struct Step: Content {
        var stage: TransferStage
        var date: String
        var notes: String
    }

    var id: Int
    var practiceId: Int
    var city: CitySummaryDTO
    var countryName: String
    var stage: TransferStage
    var countsAsEvidence: Bool
    var isExample: Bool
    var steps: [Step]
}

/// The search's answer: a page of practices and the facet counts of all matches.
struct PracticeSearchDTO: Content {
    struct FacetValue: Content {
        var value: String
        var label: String
        var count: Int
    }

    var items: [PracticeSummaryDTO]
    var metadata: PageMetadata
    var facets: [String: [FacetValue]]
}

/// A practice recommended to a city, and why.
struct RecommendedPracticeDTO: Content {
    var practice: PracticeSummaryDTO
    /// From 0 to 1: how alike the cities are (70%) and how well the themes fit (30%).
    var score: Double
    var reasons: [String]
    var sharedThemes: [String]
}

/// A city like a practice's city that works on its themes, with someone to ask.
struct PeerCityDTO: Content {
    var city: CitySummaryDTO
    var countryName: String
    var score: Double
    var reasons: [String]
    var sharedThemes: [String]
    var contact: PracticeDTO.Contact?
    /// The peer's own practice on these themes, if any.
    var practiceId: Int?
}

/// A measure a city took, as a tracker recorded it.
struct MeasureDTO: Content {
    struct Category: Content {
        var code: String
        var name: String
        var group: String
        var theme: String
    }

    var id: Int
    var city: CitySummaryDTO
    var date: String
    var category: Category
    var score: Double?
    var targeted: Bool?
    var note: String
    var sourceUrl: String?
    var tracker: String
}
