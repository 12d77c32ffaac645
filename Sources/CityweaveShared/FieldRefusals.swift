import CityweaveCore

/// Refusals every module words alike, so that each is translated once.
extension BadRequest {
    /// "'title' is required."
    package static func required(_ field: String) -> BadRequest {
        BadRequest(Message("shared.error.field.required", "'{field}' is required.", ["field": .text(field)]))
    }

    /// "'city': there is no city 12.", for a city the directory does not hold.
    package static func noSuchCity(_ id: Int, field: String) -> BadRequest {
        BadRequest(
            Message(
                "shared.error.no-such-city", "'{field}': there is no city {id}.",
                ["field": .text(field), "id": .text(String(id))]))
    }

    /// "'note' may be at most 5,000 characters long.", for any text field with a limit.
    package static func tooLong(_ field: String, limit: Int) -> BadRequest {
        BadRequest(
            Message(
                "shared.error.too-long", one: "'{field}' may be at most {count} character long.",
                other: "'{field}' may be at most {count} characters long.", count: limit, ["field": .text(field)]))
    }
}
