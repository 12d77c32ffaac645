import CityweaveShared
import Fluent
import Vapor

/// Someone who signs in: staff of a city or a network with a role, or a
/// platform administrator. Users are deactivated, never deleted, so that
/// the audit log keeps saying who did what.
package final class User: Model, @unchecked Sendable {
    package static let schema = "users"

    // managed fields
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data fields
    /// Lower-cased, so that sign-in does not depend on how it was typed.
    @Field(key: "email") package var email: String
    @Field(key: "name") package var name: String
    /// Bcrypt; nil until the user accepts their invitation.
    @OptionalField(key: "password_hash") package var passwordHash: String?
    @Field(key: "is_platform_admin") package var isPlatformAdmin: Bool
    @OptionalEnum(key: "role") package var role: Role?
    /// What the organisation relies on this person for ("health working group, C40 liaison").
    @Field(key: "contact_for") package var contactFor: String
    @OptionalField(key: "deactivated_at") package var deactivatedAt: Date?
    /// The interface language of the last page the person opened with one in its address.
    @OptionalField(key: "language") package var language: String?
    /// May endorse statements on the organisation's behalf, whatever the role.
    @Field(key: "is_signatory") package var isSignatory: Bool
    /// The title the person signs under ("Mayor of Helsinki").
    @Field(key: "signatory_title") package var signatoryTitle: String

    // the organisation, in the directory: at most one of the two is set
    @OptionalField(key: "city_id") package var cityID: Int?
    @OptionalField(key: "network_id") package var networkID: Int?

    package init() {}

    package init(email: String, name: String, organisation: Organisation?, role: Role?, isPlatformAdmin: Bool) {
        self.email = User.normalised(email: email)
        self.name = name
        self.isPlatformAdmin = isPlatformAdmin
        self.role = role
        self.contactFor = ""
        self.isSignatory = false
        self.signatoryTitle = ""
        self.organisation = organisation
    }

    package var organisation: Organisation? {
        get {
            if let cityID { return .city(cityID) }
            if let networkID { return .network(networkID) }
            return nil
        }
        set {
            cityID = newValue?.kind == .city ? newValue?.id : nil
            networkID = newValue?.kind == .network ? newValue?.id : nil
        }
    }

    package var isActive: Bool { deactivatedAt == nil }

    /// The role this user holds in `organisation`, if any.
    package func role(in organisation: Organisation) -> Role? {
        self.organisation == organisation ? role : nil
    }

    /// Whether this person may sign for `organisation` now.
    package func signs(for organisation: Organisation) -> Bool {
        isActive && isSignatory && self.organisation == organisation
    }

    package static func normalised(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The people of one organisation.
    package static func query(in organisation: Organisation, on database: any Database) -> QueryBuilder<User> {
        switch organisation.kind {
        case .city: User.query(on: database).filter(\.$cityID == organisation.id)
        case .network: User.query(on: database).filter(\.$networkID == organisation.id)
        }
    }

    package static func find(email: String, on database: any Database) async throws -> User? {
        try await User.query(on: database).filter(\.$email == normalised(email: email)).first()
    }
}
