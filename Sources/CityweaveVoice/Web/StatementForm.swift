import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// The statement form as a browser sends it: up to three addressees in
/// rows, themes as checkboxes, the lead as a menu.
package struct StatementForm: Content {
    package var title: String?
    package var body: String?
    package var language: String?
    package var themes: [String]?
    package var addresseeKinds: [String]?
    package var addresseeNames: [String]?
    package var deadline: String?
    /// `city:ID` or `network:ID` (creation only).
    package var lead: String?

    package static let addresseeRows = 3

    func input(isNew: Bool) throws -> StatementInput {
        let kinds = addresseeKinds ?? []
        let names = addresseeNames ?? []
        var addressees: [Addressee] = []
        for (index, name) in names.enumerated() where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            let kind = try FieldChoice.parse(
                Addressee.Kind.self, index < kinds.count ? kinds[index] : "other", field: "addresseeKinds")
            addressees.append(Addressee(kind: kind, name: name))
        }
        var leads: [Organisation]? = nil
        if isNew {
            guard let lead = lead.flatMap(Organisation.init(reference:)) else { throw BadRequest.required("lead") }
            leads = [lead]
        }
        return StatementInput(
            title: title, body: body, language: language, themes: themes ?? [], addressees: addressees,
            deadline: deadline ?? "", leads: leads)
    }
}
