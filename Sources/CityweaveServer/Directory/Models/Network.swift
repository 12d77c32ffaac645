import Fluent
import Vapor

/// A city network: C40, UCLG, Eurocities and some 300 more.
final class Network: Model, @unchecked Sendable {
    static let schema = "networks"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// A short, stable name for addresses and commands ("c40").
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "acronym") var acronym: String
    @OptionalField(key: "founded") var founded: Int?
    @Enum(key: "scope") var scope: NetworkScope
    /// The region or country a regional or national network covers.
    @Field(key: "region") var region: String
    @Field(key: "themes") var themes: [String]
    @Field(key: "website") var website: String
    /// Where the facts come from.
    @Field(key: "source") var source: String
    @Field(key: "description") var details: String

    // relationships
    @OptionalParent(key: "secretariat_city_id") var secretariatCity: City?
    @Children(for: \.$network) var memberships: [Membership]

    init() {}
}

enum NetworkScope: String, Codable, CaseIterable, Sendable {
    case global, regional, national
}
