import Fluent
import Vapor

/// Someone who represents a city or a network: a mayor, the head of an
/// international office, a network's secretary general.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    /// The role as the organisation names it ("Mayor", "Director of International Relations").
    @Field(key: "role_title") var roleTitle: String

    // relationships
    @OptionalParent(key: "city_id") var city: City?
    @OptionalParent(key: "network_id") var network: Network?

    init() {}

    init(name: String, roleTitle: String, cityID: Int?, networkID: Int?) {
        self.name = name
        self.roleTitle = roleTitle
        self.$city.id = cityID
        self.$network.id = networkID
    }
}
