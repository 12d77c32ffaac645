import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// An offer or a request as a client sends it. Offers give a window
/// (`availableFrom`, `availableUntil`); requests a need date and an urgency.
package struct AidPostInput: Content {
    package var city: Int
    package var resource: String
    package var quantity: Int
    /// Optional; when given it must be the resource's unit, so that nobody offers boxes of what is counted in masks.
    package var unit: String?
    package var availableFrom: String?
    package var availableUntil: String?
    package var neededBy: String?
    package var urgency: String?
    package var shipsAbroad: Bool?
    package var acceptsFromAbroad: Bool?
    package var maxDistanceKm: Double?
    package var transportPaidBy: String?
    package var conditions: String?
    package var contact: String?

    package static let largestQuantity = 1_000_000_000

    /// Checks every field and fills `post`; a 400 naming the first field that is wrong, with `post` untouched.
    package func apply(to post: AidPost, kind: AidPostKind, on database: any Database) async throws {
        guard try await City.find(city, on: database) != nil else {
            throw BadRequest.noSuchCity(city, field: "city")
        }
        let resource = try await Self.resource(resource, on: database)
        if let unit, unit.trimmingCharacters(in: .whitespaces).lowercased() != resource.unit {
            throw BadRequest(
                Message(
                    "aid.error.unit", "'{field}' of {resource} must be '{unit}'; got '{given}'.",
                    [
                        "field": .text("unit"), "resource": .text(resource.code), "unit": .text(resource.unit),
                        "given": .text(unit),
                    ]))
        }
        guard (1...Self.largestQuantity).contains(quantity) else {
            throw BadRequest(
                Message(
                    "aid.error.quantity", "'{field}' must be a whole number from 1 to {largest}; got {given}.",
                    [
                        "field": .text("quantity"), "largest": .count(Self.largestQuantity),
                        "given": .text("\(quantity)"),
                    ]))
        }
        if let maxDistanceKm, !(maxDistanceKm > 0 && maxDistanceKm <= 40_000) {
            throw BadRequest(
                Message(
                    "aid.error.max-distance",
                    "'{field}' must be more than 0 and at most 40000 when given; got {given}.",
                    ["field": .text("maxDistanceKm"), "given": .text("\(maxDistanceKm)")]))
        }
        let payer = try transportPaidBy.map { try FieldChoice.parse(TransportPayer.self, $0, field: "transportPaidBy") }
        let today = DateText.day(Date())
        var window: (from: String?, until: String?, neededBy: String?, urgency: AidUrgency?)
        switch kind {
        case .offer:
            let from = try DateText.typedDay(availableFrom, field: "availableFrom") ?? today
            guard let until = try DateText.typedDay(availableUntil, field: "availableUntil") else {
                throw BadRequest(
                    Message(
                        "aid.error.available-until-required",
                        "'{field}' is required: the last day the help can leave, YYYY-MM-DD.",
                        ["field": .text("availableUntil")]))
            }
            guard until >= today else { throw BadRequest(Self.inThePast(until, field: "availableUntil")) }
            guard from <= until else {
                throw BadRequest(
                    Message(
                        "aid.error.window-reversed",
                        "'{untilField}' {until} is before '{fromField}' {from}: the window ends before it starts.",
                        [
                            "untilField": .text("availableUntil"), "until": .text(until),
                            "fromField": .text("availableFrom"), "from": .text(from),
                        ]))
            }
            window = (from, until, nil, nil)
        case .request:
            guard let neededBy = try DateText.typedDay(neededBy, field: "neededBy") else {
                throw BadRequest(
                    Message(
                        "aid.error.needed-by-required",
                        "'{field}' is required: the day the help is needed by, YYYY-MM-DD.",
                        ["field": .text("neededBy")]))
            }
            guard neededBy >= today else { throw BadRequest(Self.inThePast(neededBy, field: "neededBy")) }
            let urgency = try FieldChoice.parse(AidUrgency.self, urgency ?? "", field: "urgency")
            window = (nil, nil, neededBy, urgency)
        }
        let conditions = try DirectoryEdits.text(conditions, field: "conditions", limit: 2_000)
        let contact = try DirectoryEdits.text(contact, field: "contact", limit: 300)
        guard !contact.isEmpty else {
            throw BadRequest(
                Message(
                    "aid.error.contact-required",
                    "'{field}' is required: who the other city should talk to (a name, an email or a phone).",
                    ["field": .text("contact")]))
        }
        post.kind = kind
        post.$city.id = city
        post.$resource.id = try resource.requireID()
        post.quantity = quantity
        post.availableFrom = window.from
        post.availableUntil = window.until
        post.neededBy = window.neededBy
        post.urgency = window.urgency
        post.crossesBorders = kind == .offer ? shipsAbroad ?? false : acceptsFromAbroad ?? true
        post.maxDistanceKm = maxDistanceKm
        post.transportPaidBy = payer ?? .shared
        post.conditions = conditions
        post.contact = contact
    }

    /// "'neededBy' 2020-01-01 is in the past."
    private static func inThePast(_ day: String, field: String) -> Message {
        Message("aid.error.day-in-past", "'{field}' {day} is in the past.", ["field": .text(field), "day": .text(day)])
    }

    package static func resource(_ code: String, on database: any Database) async throws -> AidResource {
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        guard let resource = try await AidResource.query(on: database).filter(\.$code == code).first() else {
            throw BadRequest(
                Message(
                    "aid.error.no-resource", "'{field}': there is no resource '{code}'; GET {path} lists them.",
                    ["field": .text("resource"), "code": .text(code), "path": .text("/api/v1/aid/resources")]))
        }
        return resource
    }
}

extension AidPost {
    /// A new open post with nothing allocated yet, from checked input.
    package static func open(
        _ input: AidPostInput, kind: AidPostKind, isExample: Bool, on database: any Database
    )
        async throws -> AidPost
    {
        let post = AidPost()
        try await input.apply(to: post, kind: kind, on: database)
        post.allocated = 0
        post.status = .open
        post.isExample = isExample
        return post
    }
}
