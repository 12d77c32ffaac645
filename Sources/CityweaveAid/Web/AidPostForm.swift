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
        let quantityText = (quantity ?? "").trimmingCharacters(in: .whitespaces)
        guard let quantity = Int(quantityText) else {
            throw BadRequest("'quantity' must be a whole number; got '\(quantityText)'.")
        }
        let distanceText = (maxDistanceKm ?? "").trimmingCharacters(in: .whitespaces)
        var distance: Double?
        if !distanceText.isEmpty {
            guard let value = Double(distanceText) else {
                throw BadRequest("'maxDistanceKm' must be a number of kilometres; got '\(distanceText)'.")
            }
            distance = value
        }
        let abroad = crossesBorders != nil
        return AidPostInput(
            city: Int(city ?? "") ?? 0, resource: resource ?? "", quantity: quantity, unit: nil,
            availableFrom: availableFrom, availableUntil: availableUntil, neededBy: neededBy, urgency: urgency,
            shipsAbroad: kind == .offer ? abroad : nil, acceptsFromAbroad: kind == .request ? abroad : nil,
            maxDistanceKm: distance, transportPaidBy: transportPaidBy, conditions: conditions, contact: contact)
    }
}
