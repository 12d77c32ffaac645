import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// A city: from GeoNames (verified) or added by an import at a file's
/// coordinates (unverified), with the context profile it fills in itself.
package final class City: Model, @unchecked Sendable {
    package static let schema = "cities"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    @OptionalField(key: "geonameid") package var geonameid: Int?
    @Field(key: "name") package var name: String
    @Field(key: "admin1_code") package var admin1Code: String
    @Field(key: "latitude") package var latitude: Double
    @Field(key: "longitude") package var longitude: Double
    @Field(key: "population") package var population: Int
    /// False for cities an import added from a file's own coordinates.
    @Field(key: "verified") package var verified: Bool

    // context profile, filled in by the city
    @OptionalEnum(key: "form_of_government") package var formOfGovernment: FormOfGovernment?
    @OptionalEnum(key: "fiscal_autonomy") package var fiscalAutonomy: FiscalAutonomy?
    /// Share of the city budget spent on international work, in percent.
    @OptionalField(key: "international_budget_share") package var internationalBudgetShare: Double?
    /// Full-time staff working on international affairs.
    @OptionalField(key: "international_staff") package var internationalStaff: Int?
    /// Languages the city works in, as ISO 639-1 codes.
    @Field(key: "working_languages") package var workingLanguages: [String]

    // relationships
    @Parent(key: "country_code") package var country: Country
    @Children(for: \.$city) package var memberships: [Membership]

    package init() {}
}

/// How a city is governed, as the context for comparing cities.
package enum FormOfGovernment: String, Codable, CaseIterable, Sendable {
    case strongMayor = "strong_mayor"
    case councilManager = "council_manager"
    case committee
    case appointedExecutive = "appointed_executive"
    case other

    package var message: Message {
        switch self {
        case .strongMayor: Message("directory.government.strong-mayor", "Directly elected executive mayor")
        case .councilManager: Message("directory.government.council-manager", "Council with an appointed manager")
        case .committee: Message("directory.government.committee", "Council committees")
        case .appointedExecutive:
            Message("directory.government.appointed-executive", "Executive appointed by a higher government")
        case .other: Message("directory.government.other", "Other")
        }
    }
}

/// How much of its own revenue and spending a city controls.
package enum FiscalAutonomy: String, Codable, CaseIterable, Sendable {
    case low, medium, high

    package var message: Message {
        switch self {
        case .low: Message("directory.fiscal-autonomy.low", "Low")
        case .medium: Message("directory.fiscal-autonomy.medium", "Medium")
        case .high: Message("directory.fiscal-autonomy.high", "High")
        }
    }
}
