import CityweaveCore
import CityweaveShared

extension BadRequest {
    /// "'note' may be at most 5000 characters long.": the limit written as the API documents it, ungrouped.
    static func tooLong(_ field: String, limit: Int) -> BadRequest {
        BadRequest(
            Message(
                "engagement.error.too-long", "'{field}' may be at most {limit} characters long.",
                ["field": .text(field), "limit": .text(String(limit))]))
    }
}
