import CityweaveAccounts
import CityweaveCore
import Fluent
import Vapor

/// A kind of help in the catalogue (FFP2 masks, drinking water, family
/// tents, a search-and-rescue team, expert hours in epidemiology), counted
/// in one unit and grouped by humanitarian cluster. Platform administrators
/// extend it.
package final class AidResource: Model, @unchecked Sendable {
    package static let schema = "aid_resources"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    /// The stable name clients use: lowercase letters, digits and hyphens.
    @Field(key: "code") package var code: String
    @Field(key: "name") package var name: String
    /// What one counts in ("masks", "hours"), plural.
    @Field(key: "unit") package var unit: String
    @Enum(key: "category") package var category: AidCategory
    @Enum(key: "cluster") package var cluster: AidCluster

    package init() {}

    package init(code: String, name: String, unit: String, category: AidCategory, cluster: AidCluster) {
        self.code = code
        self.name = name
        self.unit = unit
        self.category = category
        self.cluster = cluster
    }
}

package enum AidCategory: String, Codable, CaseIterable, Sendable {
    case protection, testing, equipment, medicine, relief, expertise, water, shelter, power, teams, machinery

    package var label: Message {
        switch self {
        case .protection: Message("aid.category.protection", "Personal protection")
        case .testing: Message("aid.category.testing", "Testing")
        case .equipment: Message("aid.category.equipment", "Medical equipment")
        case .medicine: Message("aid.category.medicine", "Medicines and vaccines")
        case .relief: Message("aid.category.relief", "Relief supplies")
        case .expertise: Message("aid.category.expertise", "Expertise")
        case .water: Message("aid.category.water", "Water and purification")
        case .shelter: Message("aid.category.shelter", "Shelter")
        case .power: Message("aid.category.power", "Power and communications")
        case .teams: Message("aid.category.teams", "Response teams")
        case .machinery: Message("aid.category.machinery", "Machinery")
        }
    }

    /// The cluster a new resource of this kind belongs to unless its maker says otherwise.
    package var usualCluster: AidCluster {
        switch self {
        case .protection, .testing, .equipment, .medicine, .expertise, .teams: .health
        case .relief: .foodSecurity
        case .water: .wash
        case .shelter: .shelter
        case .power: .logistics
        case .machinery: .earlyRecovery
        }
    }
}
