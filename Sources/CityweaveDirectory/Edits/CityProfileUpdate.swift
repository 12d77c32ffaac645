import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// A change to a city's context profile, from `PATCH /api/v1/cities/{id}`
/// (fields left out stay as they are) or from the profile form (every field sent).
package struct CityProfileUpdate: Decodable, Sendable {
    package var formOfGovernment: FieldUpdate<String> = .unchanged
    package var fiscalAutonomy: FieldUpdate<String> = .unchanged
    package var internationalBudgetShare: FieldUpdate<Double> = .unchanged
    package var internationalStaff: FieldUpdate<Int> = .unchanged
    package var workingLanguages: FieldUpdate<[String]> = .unchanged

    private enum CodingKeys: String, CodingKey {
        case formOfGovernment, fiscalAutonomy, internationalBudgetShare, internationalStaff, workingLanguages
    }

    package init() {}

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formOfGovernment = try container.update(String.self, forKey: .formOfGovernment)
        fiscalAutonomy = try container.update(String.self, forKey: .fiscalAutonomy)
        internationalBudgetShare = try container.update(Double.self, forKey: .internationalBudgetShare)
        internationalStaff = try container.update(Int.self, forKey: .internationalStaff)
        workingLanguages = try container.update([String].self, forKey: .workingLanguages)
    }

    /// Checks every field and applies them all, or throws naming the first bad one and changes nothing.
    package func apply(to city: City) throws {
        let government = try formOfGovernment.applied(to: city.formOfGovernment?.rawValue).map {
            try FieldChoice.parse(FormOfGovernment.self, $0, field: "formOfGovernment")
        }
        let autonomy = try fiscalAutonomy.applied(to: city.fiscalAutonomy?.rawValue).map {
            try FieldChoice.parse(FiscalAutonomy.self, $0, field: "fiscalAutonomy")
        }
        let share = internationalBudgetShare.applied(to: city.internationalBudgetShare)
        if let share, !(0...100).contains(share) {
            throw BadRequest(
                Message(
                    "directory.error.budget-share",
                    "'{field}' is a percentage of the city budget, from 0 to 100; got {given}.",
                    ["field": .text("internationalBudgetShare"), "given": .text("\(share)")]))
        }
        let staff = internationalStaff.applied(to: city.internationalStaff)
        if let staff, !(0...100_000).contains(staff) {
            throw BadRequest(
                Message(
                    "directory.error.staff", "'{field}' must be a number of people from 0 to 100000; got {given}.",
                    ["field": .text("internationalStaff"), "given": .text(String(staff))]))
        }
        let languages = (workingLanguages.applied(to: city.workingLanguages) ?? []).map { $0.lowercased() }
        for language in languages where language.count != 2 || !language.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw BadRequest(
                Message(
                    "directory.error.working-languages",
                    "'{field}' must hold ISO 639-1 codes such as en or zh; got '{given}'.",
                    ["field": .text("workingLanguages"), "given": .text(language)]))
        }
        city.formOfGovernment = government
        city.fiscalAutonomy = autonomy
        city.internationalBudgetShare = share
        city.internationalStaff = staff
        var seen = Set<String>()
        city.workingLanguages = languages.filter { seen.insert($0).inserted }
    }
}

/// What the audit log records of a city's profile.
package struct CityProfileSnapshot: Encodable {
    package var formOfGovernment: String?
    package var fiscalAutonomy: String?
    package var internationalBudgetShare: Double?
    package var internationalStaff: Int?
    package var workingLanguages: [String]

    package init(_ city: City) {
        formOfGovernment = city.formOfGovernment?.rawValue
        fiscalAutonomy = city.fiscalAutonomy?.rawValue
        internationalBudgetShare = city.internationalBudgetShare
        internationalStaff = city.internationalStaff
        workingLanguages = city.workingLanguages
    }
}
