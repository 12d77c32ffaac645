import AsyncKit
import CityweaveCore
import Fluent
import FluentSQLiteDriver
import Leaf
import Vapor

/// Turns every error into a response a client can read: problem+json under
/// `/api`, an HTML page elsewhere. Unexpected errors are logged in full and
/// answered without internals.
package struct ErrorResponder: AsyncMiddleware {
    package init() {}

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message, headers) = Self.describe(error, request: request)
            let detail = request.text(message)
            if Self.wantsProblem(request) {
                return Self.problemResponse(status: status, detail: detail, headers: headers, path: request.url.path)
            }
            return await Self.page(status: status, detail: detail, headers: headers, request: request)
        }
    }

    package static func wantsProblem(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/") || request.url.path == "/healthz"
    }

    /// The status, the words (in the request's language once worded) and the headers of the answer to `error`.
    package static func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, Message, HTTPHeaders) {
        if error is RouteNotFound {
            let allowed = allowedMethods(for: request.url.path, in: request.application.routes)
            if !allowed.isEmpty {
                return (
                    .methodNotAllowed,
                    Message(
                        "shared.error.method-not-allowed", "This address answers {methods} only.",
                        ["methods": .text(allowed.joined(separator: ", "))]),
                    ["Allow": allowed.joined(separator: ", ")]
                )
            }
        }
        switch error {
        // Before AbortError: Vapor makes decoding errors abort errors, with a reason written for programmers.
        case let decoding as DecodingError:
            return (.badRequest, describe(decoding), [:])
        case let abort as any AbortError:
            let status = abort.status
            if status.code >= 500 {
                request.logger.report(error: error)
            }
            if let refusal = abort as? any WordedRefusal { return (status, refusal.message, abort.headers) }
            let detail = abort.reason == status.reasonPhrase ? defaultDetail(status) : .name(abort.reason)
            return (status, detail, abort.headers)
        // A write that lost a race to a concurrent one, where no edit named the record it met.
        case let database as any DatabaseError where database.isConstraintFailure:
            return (
                .conflict,
                Message(
                    "shared.error.conflict", "Another change to the same record came first; reload and try again."),
                [:]
            )
        // No connection came free in time: the database is overloaded, which a client may retry.
        case is ConnectionPoolTimeoutError:
            request.logger.warning("\(String(reflecting: error))")
            return (.serviceUnavailable, busy, ["Retry-After": "2"])
        // SQLite's busy timeout ran out while other writers held the database.
        case let sqlite as SQLiteError
        where [.busy, .locked, .busyInSnapshot, .busyTimeout, .lockedBySharedCache].contains(sqlite.reason):
            request.logger.warning("\(String(reflecting: error))")
            return (.serviceUnavailable, busy, ["Retry-After": "2"])
        default:
            request.logger.report(error: error)
            return (
                .internalServerError,
                Message("shared.error.internal", "Something went wrong on our side; it has been logged."), [:]
            )
        }
    }

    private static let busy = Message("shared.error.busy", "The database is busy; try again in a moment.")

    /// The methods of the routes whose path matches, for a 405 rather than a 404.
    package static func allowedMethods(for path: String, in routes: Routes) -> [String] {
        let components = path.split(separator: "/").map(String.init)
        let methods = routes.all.filter { route in
            route.path.count == components.count
                && zip(route.path, components).allSatisfy { pattern, component in
                    switch pattern {
                    case .constant(let constant): constant == component
                    case .parameter: true
                    case .anything, .catchall: true
                    }
                }
        }.map(\.method.rawValue)
        return Array(Set(methods)).sorted()
    }

    private static func defaultDetail(_ status: HTTPResponseStatus) -> Message {
        switch status {
        case .notFound: Message("shared.error.not-found", "There is nothing at this address.")
        case .methodNotAllowed: Message("shared.error.method", "This address does not accept that method.")
        case .payloadTooLarge: Message("shared.error.too-large", "What was sent is larger than this address accepts.")
        case .unsupportedMediaType:
            Message("shared.error.media-type", "What was sent is in a form this address does not read.")
        default: title(of: status)
        }
    }

    private static func describe(_ error: DecodingError) -> Message {
        let unreadable = Message("shared.error.unreadable", "The request could not be read.")
        switch error {
        case .typeMismatch(let type, let context):
            let field = fieldPath(context.codingPath)
            guard !field.isEmpty else { return unreadable }
            let values: [String: Message.Value] = ["field": .text(field)]
            if [Double.self, Int.self].contains(where: { $0 == type }) {
                return Message("shared.error.field.number", "'{field}' must be a number.", values)
            }
            if type == String.self { return Message("shared.error.field.text", "'{field}' must be text.", values) }
            if type == Bool.self {
                return Message("shared.error.field.boolean", "'{field}' must be true or false.", values)
            }
            return invalid(field)
        case .valueNotFound(_, let context), .dataCorrupted(let context):
            let field = fieldPath(context.codingPath)
            return field.isEmpty ? unreadable : invalid(field)
        case .keyNotFound(let key, let context):
            return Message(
                "shared.error.field.required", "'{field}' is required.",
                ["field": .text(fieldPath(context.codingPath + [key]))])
        @unknown default:
            return unreadable
        }
    }

    private static func invalid(_ field: String) -> Message {
        Message("shared.error.field.invalid", "'{field}' is not valid.", ["field": .text(field)])
    }

    /// A field as a client names it: `priorities[0].weight`.
    private static func fieldPath(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }

    package static func problemResponse(status: HTTPResponseStatus, detail: String, headers: HTTPHeaders, path: String)
        -> Response
    {
        let problem = Problem(status: status, detail: detail, instance: path)
        var headers = headers
        headers.contentType = Problem.mediaType
        let body = (try? JSONEncoder().encode(problem)) ?? Data()
        return Response(status: status, headers: headers, body: .init(data: body))
    }

    private struct ErrorPage: Encodable {
        var layout: Layout
        var status: Int
        var title: String
        var detail: String
    }

    private static func page(status: HTTPResponseStatus, detail: String, headers: HTTPHeaders, request: Request)
        async -> Response
    {
        let title = request.text(Self.title(of: status))
        let context = ErrorPage(
            layout: Layout(title: title, request: request), status: Int(status.code), title: title, detail: detail)
        do {
            let response = try await request.view.render("Shared/error", context).encodeResponse(
                status: status, headers: headers, for: request)
            return response
        } catch {
            request.logger.report(error: error)
            var headers = headers
            headers.contentType = .plainText
            return Response(status: status, headers: headers, body: .init(string: "\(status.code) \(detail)\n"))
        }
    }

    /// The heading of an error page: the status's name, in the reader's language.
    private static func title(of status: HTTPResponseStatus) -> Message {
        switch status {
        case .badRequest: Message("shared.status.400", "Bad Request")
        case .unauthorized: Message("shared.status.401", "Unauthorized")
        case .forbidden: Message("shared.status.403", "Forbidden")
        case .notFound: Message("shared.status.404", "Not Found")
        case .methodNotAllowed: Message("shared.status.405", "Method Not Allowed")
        case .conflict: Message("shared.status.409", "Conflict")
        case .gone: Message("shared.status.410", "Gone")
        case .payloadTooLarge: Message("shared.status.413", "Payload Too Large")
        case .unsupportedMediaType: Message("shared.status.415", "Unsupported Media Type")
        case .unprocessableEntity: Message("shared.status.422", "Unprocessable Content")
        case .tooManyRequests: Message("shared.status.429", "Too Many Requests")
        case .internalServerError: Message("shared.status.500", "Internal Server Error")
        case .serviceUnavailable: Message("shared.status.503", "Service Unavailable")
        default: .name(status.reasonPhrase)
        }
    }
}
