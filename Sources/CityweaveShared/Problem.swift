import CityweaveCore
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

/// A refusal a person reads: worded in their language (the page's, or
/// Accept-Language for the API) from a catalogue message.
package protocol WordedRefusal: AbortError {
    var message: Message { get }
}

extension WordedRefusal {
    /// The English, for logs and for what reads `reason`.
    package var reason: String { message.englishText }
}

/// A client error whose message names what was wrong.
package struct BadRequest: WordedRefusal {
    package var status: HTTPResponseStatus { .badRequest }
    package let message: Message

    package init(_ message: Message) { self.message = message }

    /// For command-line tools, which speak English only.
    package init(_ reason: String) { message = .name(reason) }
}

/// A refusal with another status: not found, forbidden, in conflict, gone.
package struct Refusal: WordedRefusal {
    package let status: HTTPResponseStatus
    package let message: Message
    package let headers: HTTPHeaders

    package init(_ status: HTTPResponseStatus, _ message: Message, headers: HTTPHeaders = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }
}

extension Request {
    /// An error as the person reads it: a worded refusal in the page's language, otherwise its reason.
    package func text(error: any Error) -> String {
        switch error {
        case let refusal as any WordedRefusal: text(refusal.message)
        case let abort as any AbortError: abort.reason
        default: String(describing: error)
        }
    }
}
