import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// A practice a city recorded so that peers can transfer it: not only that
/// it worked, but the method, the know-how and what it needed.
package final class Practice: Model, @unchecked Sendable {
    package static let schema = "practices"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    /// Nil while the practice is a draft, seen only by its city.
    @OptionalField(key: "published_at") package var publishedAt: Date?
    /// Example content that the demo ships, labelled as such on every page.
    @Field(key: "is_example") package var isExample: Bool

    // data fields
    /// ISO 639-1 code of the language the practice is written in.
    @Field(key: "language") package var language: String
    @Field(key: "title") package var title: String
    @Field(key: "summary") package var summary: String
    /// Markdown.
    @Field(key: "problem") package var problem: String
    /// Ordered steps, each plain text.
    @Field(key: "method") package var method: [String]
    @Field(key: "know_how_staff") package var staff: String
    @OptionalEnum(key: "know_how_budget_band") package var budgetBand: BudgetBand?
    @Field(key: "know_how_partners") package var partners: String
    @Field(key: "know_how_legal_instruments") package var legalInstruments: String
    /// Markdown.
    @Field(key: "know_how_pitfalls") package var pitfalls: String
    /// Markdown.
    @Field(key: "resources") package var resources: String
    /// Markdown.
    @Field(key: "evidence") package var evidence: String
    @Enum(key: "stage") package var stage: PracticeStage
    /// Theme names from ``Theme``.
    @Field(key: "themes") package var themes: [String]
    @Field(key: "links") package var links: [PracticeLink]
    @OptionalField(key: "contact_name") package var contactName: String?
    @OptionalField(key: "contact_role") package var contactRole: String?
    @OptionalField(key: "contact_email") package var contactEmail: String?

    // relationships
    @Parent(key: "city_id") package var city: City
    /// The practice this one translates; nil for an original.
    @OptionalParent(key: "original_id") package var original: Practice?
    @OptionalParent(key: "created_by_id") package var createdBy: User?

    package init() {}

    package var isPublished: Bool { publishedAt != nil }

    package var themeValues: [Theme] { themes.compactMap(Theme.init(rawValue:)) }

    package var themeSet: ThemeSet { ThemeSet(themeValues) }

    /// The original of this practice's family of translations.
    package var originalID: Int { $original.id ?? id! }
}

/// A link or an attachment, by address.
package struct PracticeLink: Codable, Equatable, Sendable {
    package var title: String
    package var url: String
}
