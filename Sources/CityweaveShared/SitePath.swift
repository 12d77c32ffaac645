import Foundation
import Leaf
import Vapor

/// The paths of a module's pages, one case each, written as the route
/// pattern (`/cities/:id/portfolio`). A module registers its page routes
/// from its cases and builds every link to them with ``href(_:)``; templates
/// build theirs with `#path("/cities/:id/portfolio", cityID)`, which accepts
/// only a pattern some module declares. Renaming a route is changing one case.
package protocol SitePath: RawRepresentable<String>, CaseIterable, Sendable {
    /// Every case's pattern.
    static var patterns: [String] { get }
}

extension SitePath {
    package static var patterns: [String] { allCases.map(\.rawValue) }

    /// The route's components, for registering it.
    package var pathComponents: [PathComponent] {
        SitePathPattern(rawValue).components.map { PathComponent(stringLiteral: $0) }
    }

    /// The path with `values` in its parameters, in order, each percent-encoded.
    package func href(_ values: any CustomStringConvertible...) -> String {
        SitePathPattern(rawValue).filled(with: values.map(\.description))
    }
}

/// A route pattern read into its components, and filled.
package struct SitePathPattern: Sendable {
    package let components: [String]

    package init(_ pattern: String) {
        components = pattern.split(separator: "/").map(String.init)
    }

    package var parameterCount: Int { components.filter { $0.hasPrefix(":") }.count }

    /// The pattern with its parameters replaced by `values`, in order. A wrong count is a
    /// programming error that every page's test would meet.
    package func filled(with values: [String]) -> String {
        precondition(
            values.count == parameterCount, "\(components) takes \(parameterCount) values, not \(values.count)")
        var remaining = values[...]
        let parts = components.map { component in
            guard component.hasPrefix(":") else { return component }
            return Self.encoded(remaining.removeFirst())
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A value as one path segment: a slash, `?` or `#` in it cannot change where the link goes.
    private static func encoded(_ value: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

extension RoutesBuilder {
    /// Registers a route of a page that anyone may use, at `path`.
    @discardableResult
    package func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: some SitePath,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, path.pathComponents, use: handler)
    }

    /// Registers a page that anyone may read, at `path`.
    @discardableResult
    package func get<Response: AsyncResponseEncodable>(
        _ path: some SitePath, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.GET, path, use: handler)
    }
}

/// `#path("/cities/:id", id)`: a link to a page, from the pattern of a
/// module's ``SitePath`` and its values. A pattern no module declares, or the
/// wrong number of values, fails the page rather than sending a dead link.
package struct PathTag: LeafTag {
    package let patterns: Set<String>

    package init(patterns: Set<String>) { self.patterns = patterns }

    package func render(_ context: LeafContext) throws -> LeafData {
        guard let pattern = context.parameters.first?.string, patterns.contains(pattern) else {
            throw Abort(
                .internalServerError,
                reason:
                    "#path needs the pattern of a page first; got \(context.parameters.first?.description ?? "nothing")"
            )
        }
        let path = SitePathPattern(pattern)
        let values = context.parameters.dropFirst().map { $0.string ?? $0.description }
        guard values.count == path.parameterCount else {
            throw Abort(.internalServerError, reason: "#path(\"\(pattern)\") takes \(path.parameterCount) values")
        }
        let href = path.filled(with: values)
        // The link keeps the page's language.
        return .string(context.request?.localized(href) ?? href)
    }
}
