import Fluent
import Vapor

/// A kind of help in the catalogue (FFP2 masks, ventilators, expert hours
/// in epidemiology), counted in one unit. Platform administrators extend it.
final class AidResource: Model, @unchecked Sendable {
    static let schema = "aid_resources"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// The stable name clients use: lowercase letters, digits and hyphens.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// What one counts in ("masks", "hours"), plural.
    @Field(key: "unit") var unit: String
    @Enum(key: "category") var category: AidCategory

    init() {}

    init(code: String, name: String, unit: String, category: AidCategory) {
        self.code = code
        self.name = name
        self.unit = unit
        self.category = category
    }
}

enum AidCategory: String, Codable, CaseIterable, Sendable {
    case protection, testing, equipment, medicine, relief, expertise

    var label: String {
        switch self {
        case .protection: "Personal protection"
        case .testing: "Testing"
        case .equipment: "Medical equipment"
        case .medicine: "Medicines and vaccines"
        case .relief: "Relief supplies"
        case .expertise: "Expertise"
        }
    }
}
