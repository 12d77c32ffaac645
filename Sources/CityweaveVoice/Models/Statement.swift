import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// A joint statement or campaign: a text that cities and networks endorse
/// through their signatories. Its `version` moves on whenever the text
/// (title or body) changes, and each endorsement says which version it was given to.
package final class Statement: Model, @unchecked Sendable {
    package static let schema = "statements"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @Field(key: "title") package var title: String
    /// Markdown, shown through the sanitizing renderer.
    @Field(key: "body") package var body: String
    /// The language of the original text (ISO 639-1).
    @Field(key: "language") package var language: String
    @Field(key: "version") package var version: Int
    @Enum(key: "state") package var state: StatementState
    @Field(key: "themes") package var themes: [String]
    /// JSON of `[Addressee]`, written and read by ``addressees``.
    @Field(key: "addressees") package var addresseesJSON: String
    /// The last day endorsements are taken (`YYYY-MM-DD`, UTC).
    @OptionalField(key: "deadline") package var deadline: String?
    @OptionalField(key: "opened_at") package var openedAt: Date?
    @OptionalField(key: "delivered_on") package var deliveredOn: String?
    @Field(key: "delivered_to") package var deliveredTo: String
    @Field(key: "delivered_how") package var deliveredHow: String
    @OptionalField(key: "answer_url") package var answerURL: String?
    @Field(key: "is_example") package var isExample: Bool
    @OptionalField(key: "created_by_id") package var createdByID: UUID?

    package init() {}

    package var addressees: [Addressee] {
        get { (try? JSONDecoder().decode([Addressee].self, from: Data(addresseesJSON.utf8))) ?? [] }
        set {
            addresseesJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self)
        }
    }

    /// Whether endorsements are taken today.
    package func takesEndorsements(today: String = DateText.day(Date())) -> Bool {
        state == .open && (deadline.map { today <= $0 } ?? true)
    }
}

/// Where a statement is in its life.
package enum StatementState: String, Codable, CaseIterable, Sendable {
    /// Seen and edited by its leads only.
    case draft
    /// Public, taking endorsements until its deadline.
    case open
    /// Public, no more endorsements.
    case closed
    /// Handed to its addressees.
    case delivered

    package var message: Message {
        switch self {
        case .draft: Message("voice.statement-state.draft", "Draft")
        case .open: Message("voice.statement-state.open", "Open for endorsement")
        case .closed: Message("voice.statement-state.closed", "Closed")
        case .delivered: Message("voice.statement-state.delivered", "Delivered")
        }
    }

    /// The states a statement may move to from this one.
    package var next: [StatementState] {
        switch self {
        case .draft: [.open]
        case .open: [.closed, .draft]
        case .closed: [.open, .delivered]
        case .delivered: []
        }
    }
}

/// Whom a statement speaks to.
package struct Addressee: Codable, Sendable, Equatable {
    package enum Kind: String, Codable, CaseIterable, Sendable {
        case nationalGovernment = "national-government"
        case g20
        case unBody = "un-body"
        case euInstitution = "eu-institution"
        case developmentBank = "development-bank"
        case other

        package var message: Message {
            switch self {
            case .nationalGovernment: Message("voice.addressee.national-government", "National government")
            case .g20: Message("voice.addressee.g20", "G20 / U20")
            case .unBody: Message("voice.addressee.un-body", "United Nations body")
            case .euInstitution: Message("voice.addressee.eu-institution", "European Union institution")
            case .developmentBank: Message("voice.addressee.development-bank", "Development bank")
            case .other: Message("voice.addressee.other", "Other")
            }
        }
    }

    package var kind: Kind
    /// Who exactly ("Ministry of Health of Brazil").
    package var name: String

    package init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }
}
