import Vapor

/// An error response in the form of RFC 9457 (`application/problem+json`).
struct Problem: Content, Equatable {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var instance: String?

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    init(status: HTTPResponseStatus, detail: String, instance: String? = nil) {
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.instance = instance
    }
}

/// A client error whose message names what was wrong.
struct BadRequest: AbortError {
    var status: HTTPResponseStatus { .badRequest }
    var reason: String

    init(_ reason: String) { self.reason = reason }
}
