import CityweaveAccounts
import Fluent
import Vapor

/// Someone who represents a city or a network: a mayor, the head of an
/// international office, a network's secretary general.
package final class Person: Model, @unchecked Sendable {
    package static let schema = "people"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Field(key: "name") package var name: String
    /// The role as the organisation names it ("Mayor", "Director of International Relations").
    @Field(key: "role_title") package var roleTitle: String

    // relationships
    @OptionalParent(key: "city_id") package var city: City?
    @OptionalParent(key: "network_id") package var network: Network?

    package init() {}

    package init(name: String, roleTitle: String, cityID: Int?, networkID: Int?) {
        self.name = name
        self.roleTitle = roleTitle
        self.$city.id = cityID
        self.$network.id = networkID
    }
}
