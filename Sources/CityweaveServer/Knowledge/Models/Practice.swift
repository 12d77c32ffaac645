import CityweaveCore
import Fluent
import Vapor

/// A practice a city recorded so that peers can transfer it: not only that
/// it worked, but the method, the know-how and what it needed.
final class Practice: Model, @unchecked Sendable {
    static let schema = "practices"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Nil while the practice is a draft, seen only by its city.
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// Example content that the demo ships, labelled as such on every page.
    @Field(key: "is_example") var isExample: Bool

    // data fields
    /// ISO 639-1 code of the language the practice is written in.
    @Field(key: "language") var language: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// Markdown.
    @Field(key: "problem") var problem: String
    /// Ordered steps, each plain text.
    @Field(key: "method") var method: [String]
    @Field(key: "know_how_staff") var staff: String
    @OptionalEnum(key: "know_how_budget_band") var budgetBand: BudgetBand?
    @Field(key: "know_how_partners") var partners: String
    @Field(key: "know_how_legal_instruments") var legalInstruments: String
    /// Markdown.
    @Field(key: "know_how_pitfalls") var pitfalls: String
    /// Markdown.
    @Field(key: "resources") var resources: String
    /// Markdown.
    @Field(key: "evidence") var evidence: String
    @Enum(key: "stage") var stage: PracticeStage
    /// Theme names from ``Theme``.
    @Field(key: "themes") var themes: [String]
    @Field(key: "links") var links: [PracticeLink]
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_role") var contactRole: String?
    @OptionalField(key: "contact_email") var contactEmail: String?

    // relationships
    @Parent(key: "city_id") var city: City
    /// The practice this one translates; nil for an original.
    @OptionalParent(key: "original_id") var original: Practice?
    @OptionalParent(key: "created_by_id") var createdBy: User?

    init() {}

    var isPublished: Bool { publishedAt != nil }

    var themeValues: [Theme] { themes.compactMap(Theme.init(rawValue:)) }

    var themeSet: ThemeSet { ThemeSet(themeValues) }

    /// The original of this practice's family of translations.
    var originalID: Int { $original.id ?? id! }
}

/// A link or an attachment, by address.
struct PracticeLink: Codable, Equatable, Sendable {
    var title: String
    var url: String
}
