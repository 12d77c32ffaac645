import AsyncKit
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
            let (status, detail, headers) = Self.describe(error, request: request)
            if Self.wantsProblem(request) {
                return Self.problemResponse(status: status, detail: detail, headers: headers, path: request.url.path)
            }
            return await Self.page(status: status, detail: detail, headers: headers, request: request)
        }
    }

    package static func wantsProblem(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/") || request.url.path == "/healthz"
    }

    package static func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, HTTPHeaders) {
        if error is RouteNotFound {
            let allowed = allowedMethods(for: request.url.path, in: request.application.routes)
            if !allowed.isEmpty {
                return (
                    .methodNotAllowed, "This address answers \(allowed.joined(separator: ", ")) only.",
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
            let detail = abort.reason == status.reasonPhrase ? defaultDetail(status) : abort.reason
            return (status, detail, abort.headers)
        // A write that lost a race to a concurrent one, where no edit named the record it met.
        case let database as any DatabaseError where database.isConstraintFailure:
            return (.conflict, "Another change to the same record came first; reload and try again.", [:])
        // No connection came free in time: the database is overloaded, which a client may retry.
        case is ConnectionPoolTimeoutError:
            request.logger.warning("\(String(reflecting: error))")
            return (.serviceUnavailable, "The database is busy; try again in a moment.", ["Retry-After": "2"])
        // SQLite's busy timeout ran out while other writers held the database.
        case let sqlite as SQLiteError
        where [.busy, .locked, .busyInSnapshot, .busyTimeout, .lockedBySharedCache].contains(sqlite.reason):
            request.logger.warning("\(String(reflecting: error))")
            return (.serviceUnavailable, "The database is busy; try again in a moment.", ["Retry-After": "2"])
        default:
            request.logger.report(error: error)
            return (.internalServerError, "Something went wrong on our side; it has been logged.", [:])
        }
    }

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

    private static func defaultDetail(_ status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "There is nothing at this address."
        case .methodNotAllowed: "This address does not accept that method."
        default: status.reasonPhrase
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            let field = fieldPath(context.codingPath)
            guard !field.isEmpty else { return "The request could not be read." }
            let expected =
                [Double.self, Int.self].contains(where: { $0 == type })
                ? "a number"
                : type == String.self ? "text" : type == Bool.self ? "true or false" : nil
            return expected.map { "'\(field)' must be \($0)." } ?? "'\(field)' is not valid."
        case .valueNotFound(_, let context), .dataCorrupted(let context):
            let field = fieldPath(context.codingPath)
            return field.isEmpty ? "The request could not be read." : "'\(field)' is not valid."
        case .keyNotFound(let key, let context):
            return "'\(fieldPath(context.codingPath + [key]))' is required."
        @unknown default:
            return "The request could not be read."
        }
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
        let context = ErrorPage(
            layout: Layout(title: status.reasonPhrase, request: request), status: Int(status.code),
            title: status.reasonPhrase, detail: detail)
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
}
