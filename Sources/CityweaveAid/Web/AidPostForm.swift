import CityweaveDirectory
import CityweaveShared
import Vapor

/// The offer and request forms as the browser sends them: text in every
/// field, read into an `AidPostInput` with a 400 naming what is not a number.
package struct AidPostForm: Content {
    package var city: String?
    package var resource: String?
    package var quantity: String?
    package var availableFrom: String?
    package var availableUntil: String?
    package var neededBy: String?
    package var urgency: String?
    package var crossesBorders: String?
    package var maxDistanceKm: String?
    package var transportPaidBy: String?
    package var conditions: String?
    package var contact: String?

    package func input(kind: AidPostKind) throws -> AidPostInput {
        let quantity = try FormNumber.required(quantity, field: "quantity", as: Int.self)
        let distance = try FormNumber.parse(maxDistanceKm, field: "maxDistanceKm", as: Double.self)
        let abroad = crossesBorders != nil
        return AidPostInput(
            city: Int(city ?? "") ?? 0, resource: resource ?? "", quantity: quantity, unit: nil,
            availableFrom: availableFrom, availableUntil: availableUntil, neededBy: neededBy, urgency: urgency,
            shipsAbroad: kind == .offer ? abroad : nil, acceptsFromAbroad: kind == .request ? abroad : nil,
            maxDistanceKm: distance, transportPaidBy: transportPaidBy, conditions: conditions, contact: contact)
    }
}
