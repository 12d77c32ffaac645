import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import Vapor

/// The example offers and requests of `Resources/Demo/aid.json`, loaded on
/// the first start with their days counted from then, and marked as example
/// content, so that a matching run on a fresh install proposes something.
/// A city missing from the directory is skipped.
package enum DemoAid {
    package struct File: Decodable {
        package var posts: [Item]
    }

    package struct Item: Decodable {
        package var kind: AidPostKind
        /// GeoNames id.
        package var city: Int
        package var resource: String
        package var quantity: Int
        package var from: Int?
        package var until: Int?
        package var neededBy: Int?
        package var urgency: String?
        package var abroad: Bool
        package var maxDistanceKm: Double?
        package var payer: String
        package var conditions: String
    }

    package static let loadIfEmpty = DemoContentFile.loader(
        "aid.json", as: File.self, what: "example offers and requests of help",
        isEmpty: { try await AidPost.query(on: $0).count() == 0 }, load: { try await load($0, on: $1) })

    /// Loads the file's posts through the same checks as a client's; returns how many were created.
    package static func load(_ file: File, on db: any Database) async throws -> Int {
        let today = DateText.todayNumber
        var created = 0
        for item in file.posts {
            guard let city = try await City.query(on: db).filter(\.$geonameid == item.city).first() else { continue }
            let input = AidPostInput(
                city: try city.requireID(), resource: item.resource, quantity: item.quantity, unit: nil,
                availableFrom: item.from.map { DateText.day(number: today + $0) },
                availableUntil: item.until.map { DateText.day(number: today + $0) },
                neededBy: item.neededBy.map { DateText.day(number: today + $0) }, urgency: item.urgency,
                shipsAbroad: item.abroad, acceptsFromAbroad: item.abroad, maxDistanceKm: item.maxDistanceKm,
                transportPaidBy: item.payer, conditions: item.conditions,
                contact: "International relations office of \(city.name) (example)")
            _ = try await AidPostEdits.create(input, kind: item.kind, context: .examples(on: db))
            created += 1
        }
        return created
    }
}
