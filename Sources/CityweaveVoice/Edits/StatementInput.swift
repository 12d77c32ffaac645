import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// A statement as a client writes it, whole (to create) or in part (to
/// change: fields left out stay as they are).
package struct StatementInput: Content {
    package var title: String?
    package var body: String?
    package var language: String?
    package var themes: [String]?
    package var addressees: [Addressee]?
    /// `YYYY-MM-DD`; empty clears it.
    package var deadline: String?
    package var leads: [Organisation]?

    package init(
        title: String? = nil, body: String? = nil, language: String? = nil, themes: [String]? = nil,
        addressees: [Addressee]? = nil, deadline: String? = nil, leads: [Organisation]? = nil
    ) {
        self.title = title
        self.body = body
        self.language = language
        self.themes = themes
        self.addressees = addressees
        self.deadline = deadline
        self.leads = leads
    }

    package static let maximumTitleLength = 300
    package static let maximumAddressees = 10
    package static let maximumLeads = 20

    static func tooMany(_ field: String, limit: Int) -> BadRequest {
        BadRequest(
            Message(
                "voice.error.too-many", one: "'{field}' may list at most {count} item.",
                other: "'{field}' may list at most {count} items.", count: limit, ["field": .text(field)]))
    }

    /// Writes the fields given into `statement`; returns whether its text (title or body) changed.
    func apply(to statement: Statement, isNew: Bool) throws -> Bool {
        let title = try EditText.line(
            title ?? (isNew ? nil : statement.title), field: "title", limit: Self.maximumTitleLength)
        let body = try EditText.markdown(body ?? (isNew ? nil : statement.body), field: "body")
        let textChanged = isNew || title != statement.title || body != statement.body
        statement.title = title
        statement.body = body
        if let language {
            statement.language = try LanguageName.code(language)
        } else if isNew {
            throw BadRequest.required("language")
        }
        if let themes {
            switch Theme.parse(themes) {
            case .success(let parsed): statement.themes = parsed.map(\.rawValue)
            case .failure(let unknown):
                throw BadRequest(
                    FieldChoice.refusal(
                        field: "themes", allowed: Theme.allCases.map(\.rawValue).joined(separator: ", "),
                        given: unknown.name))
            }
        } else if isNew {
            statement.themes = []
        }
        if let addressees {
            guard addressees.count <= Self.maximumAddressees else {
                throw Self.tooMany("addressees", limit: Self.maximumAddressees)
            }
            statement.addressees = try addressees.map {
                Addressee(kind: $0.kind, name: try EditText.line($0.name, field: "addressees.name", limit: 200))
            }
        } else if isNew {
            statement.addressees = []
        }
        // A deadline already set may have passed: saving the form again keeps it.
        if let deadline, isNew || deadline.trimmingCharacters(in: .whitespaces) != statement.deadline ?? "" {
            statement.deadline = try EditText.comingDay(deadline, field: "deadline")
        }
        return textChanged
    }
}
