import CityweaveCore
import Vapor

/// Bounds what a request's address and headers may hold before anything
/// reads them: an over-long address is a 414, over-large headers a 431, and
/// a query with too many parameters, or one parameter given twice, a 400.
/// Parsing a query of thousands of repeated parameters costs time that grows
/// faster than its length, so the query is checked here, in one pass.
package struct RequestLimits: AsyncMiddleware {
    package init() {}

    package static let maximumURLBytes = 8 * 1024
    package static let maximumHeaderBytes = 32 * 1024
    package static let maximumQueryParameters = 64

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.string.utf8.count > Self.maximumURLBytes {
            throw Refusal(
                .uriTooLong,
                Message(
                    "shared.error.address-too-long",
                    "The address is longer than {kilobytes} KB; shorten the search or the filters.",
                    ["kilobytes": .count(Self.maximumURLBytes / 1024)]))
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > Self.maximumHeaderBytes {
            throw Refusal(
                .requestHeaderFieldsTooLarge,
                Message(
                    "shared.error.headers-too-large", "The request's headers hold more than {kilobytes} KB.",
                    ["kilobytes": .count(Self.maximumHeaderBytes / 1024)]))
        }
        if let query = request.url.query, !query.isEmpty {
            try Self.check(query: query)
        }
        return try await next.respond(to: request)
    }

    /// Refuses a query with more than ``maximumQueryParameters`` parameters or with a name given twice
    /// (but for names ending in `[]`, which stand for lists).
    package static func check(query: String) throws {
        var seen = Set<String>()
        var count = 0
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            count += 1
            guard count <= maximumQueryParameters else {
                throw BadRequest(
                    Message(
                        "shared.error.too-many-parameters", "The address has more than {count} query parameters.",
                        ["count": .count(maximumQueryParameters)]))
            }
            let rawName = pair.prefix { $0 != "=" }.replacingOccurrences(of: "+", with: " ")
            let name = rawName.removingPercentEncoding ?? rawName
            guard name.hasSuffix("[]") || seen.insert(name).inserted else {
                throw BadRequest(
                    Message(
                        "shared.error.parameter-twice", "'{field}' is given more than once; give it once.",
                        ["field": .text(name)]))
            }
        }
    }
}
