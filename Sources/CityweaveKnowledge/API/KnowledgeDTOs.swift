import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Foundation
import Vapor

/// A practice in a list: enough to choose it, with the passage that matched.
package struct PracticeSummaryDTO: Content {
    package var id: Int
    package var title: String
    package var summary: String
    package var language: String
    package var stage: PracticeStage
    package var themes: [String]
    package var city: CitySummaryDTO
    package var countryName: String
    package var publishedAt: Date?
    package var isExample: Bool
    /// The title split into matched and unmatched parts (search results only).
    package var titleParts: [Snippet.Part]?
    /// The passage where the search terms occur (search results only).
    package var snippet: [Snippet.Part]?
    /// Found because the words name one of its themes, not in its text (search results only).
    package var onTheSameTheme: Bool?
    /// Its other published translations, which a result list does not repeat (search results only).
    package var otherVersions: [PracticeDTO.Version]?
}

/// A practice in full, with its versions, reviews and the transfers cited as evidence.
package struct PracticeDTO: Content {
    package struct KnowHow: Content {
        package var staff: String
        package var budgetBand: BudgetBand?
        package var partners: String
        package var legalInstruments: String
        package var pitfalls: String
    }

    package struct Contact: Content {
        package var name: String?
        package var role: String?
        package var email: String?
    }

    package struct Version: Content {
        package var id: Int
        package var language: String
        package var title: String
        package var isOriginal: Bool
        package var isPublished: Bool
    }

    package struct Review: Content {
        package var network: NetworkReferenceDTO
        package var reviewedAt: Date
        package var reviewer: String
        package var missingSections: [String]
        package var readableAlone: Bool
        package var evidenceGiven: Bool
        package var complete: Bool
        package var comment: String
    }

    package var id: Int
    package var city: CitySummaryDTO
    package var countryName: String
    package var language: String
    package var isOriginal: Bool
    package var title: String
    package var summary: String
    package var problem: String
    package var method: [String]
    package var knowHow: KnowHow
    package var resources: String
    package var evidence: String
    package var stage: PracticeStage
    package var themes: [String]
    package var links: [PracticeLink]
    package var contact: Contact?
    package var publishedAt: Date?
    package var updatedAt: Date?
    package var isExample: Bool
    package var versions: [Version]
    package var reviews: [Review]
    /// Transfers whose result the practice's city cites as evidence.
    package var evidenceFromTransfers: [TransferDTO]
}

package struct NetworkReferenceDTO: Content {
    package var id: Int
    package var slug: String
    package var name: String
}

/// A city adapting a practice, with every stage it reached.
package struct TransferDTO: Content {
    package struct Step: Content {
        package var stage: TransferStage
        package var date: String
        package var notes: String
    }

    package var id: Int
    package var practiceId: Int
    package var city: CitySummaryDTO
    package var countryName: String
    package var stage: TransferStage
    package var countsAsEvidence: Bool
    package var isExample: Bool
    package var steps: [Step]
}

/// The search's answer: a page of practices and the facet counts of all matches.
package struct PracticeSearchDTO: Content {
    package struct FacetValue: Content {
        package var value: String
        package var label: String
        package var count: Int
    }

    package var items: [PracticeSummaryDTO]
    package var metadata: ListPageMetadata
    package var facets: [String: [FacetValue]]
}

/// A practice recommended to a city, and why.
package struct RecommendedPracticeDTO: Content {
    package var practice: PracticeSummaryDTO
    /// From 0 to 1: how alike the cities are (70%) and how well the themes fit (30%).
    package var score: Double
    package var reasons: [String]
    package var sharedThemes: [String]
}

/// A city like a practice's city that works on its themes, with someone to ask.
package struct PeerCityDTO: Content {
    package var city: CitySummaryDTO
    package var countryName: String
    package var score: Double
    package var reasons: [String]
    package var sharedThemes: [String]
    package var contact: PracticeDTO.Contact?
    /// The peer's own practice on these themes, if any.
    package var practiceId: Int?
}

/// A measure a city took, as a tracker recorded it.
package struct MeasureDTO: Content {
    package struct Category: Content {
        package var code: String
        package var name: String
        package var group: String
        package var theme: String
    }

    package var id: Int
    package var city: CitySummaryDTO
    package var date: String
    package var category: Category
    package var score: Double?
    package var targeted: Bool?
    package var note: String
    package var sourceUrl: String?
    package var tracker: String
    /// True for the measures a first start loads to show the tracker.
    package var isExample: Bool
}
