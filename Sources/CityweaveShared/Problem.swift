import Vapor

/// An error response in the form of RFC 9457 (`application/problem+json`).
package struct Problem: Content, Equatable {
    package var type: String = "about:blank"
    package var title: String
    package var status: Int
    package var detail: String
    package var instance: String?

    package static let mediaType = HTTPMediaType(
        type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    package init(status: HTTPResponseStatus, detail: String, instance: String? = nil) {
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.instance = instance
    }
}

/// A client error whose message names what was wrong.
package struct BadRequest: AbortError {
    package var status: HTTPResponseStatus { .badRequest }
    package var reason: String

    package init(_ reason: String) { self.reason = reason }
}
