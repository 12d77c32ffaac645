import Vapor

/// Reads a page's language from the first segment of its path (`/zh/cities/1`
/// is the city page in Chinese) and routes the rest as the page it names,
/// so that every page answers under every language without a route each.
/// A path without a language is in the language a signed-in person chose
/// last, else the one the browser asks for (`Accept-Language`) among the six,
/// else English. The JSON API has no prefix: its
/// problems are worded in the `Accept-Language` language.
package struct LanguageRouting: Responder {
    let next: any Responder

    package init(next: any Responder) { self.next = next }

    package func respond(to request: Request) -> EventLoopFuture<Response> {
        let segments = request.url.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        // A Chinese page's path splits into "" and what follows its first slash, "zh/…".
        let first = segments.count > 1 ? segments[1].prefix { $0 != "/" } : ""
        if let language = InterfaceLanguage(rawValue: String(first)) {
            var path = String(segments[1].dropFirst(first.count))
            if path.isEmpty { path = "/" }
            request.storage[PageLanguageKey.self] = PageLanguage(language: language, isInPath: true)
            request.url.path = path
            return next.respond(to: request)
        }
        let negotiated = request.headers.first(name: .acceptLanguage).flatMap(InterfaceLanguage.negotiated(from:))
        request.storage[PageLanguageKey.self] = PageLanguage(language: negotiated ?? .source, isInPath: false)
        return next.respond(to: request).map { response in
            // The same address answers in another language for another browser: caches must tell them apart.
            // ...and for another person signed in, whose remembered language comes first.
            response.headers.add(name: .vary, value: "Accept-Language, Cookie")
            return response
        }
    }
}

/// A request's language and whether its path named it.
package struct PageLanguage: Sendable {
    package var language: InterfaceLanguage
    package var isInPath: Bool
}

private struct PageLanguageKey: StorageKey {
    typealias Value = PageLanguage
}

extension Request {
    /// The language this request's page and problems are worded in.
    package var language: InterfaceLanguage { storage[PageLanguageKey.self]?.language ?? .source }

    /// Whether the path named the page's language (a link, the switcher), rather than the browser's settings.
    package var languageIsInPath: Bool { storage[PageLanguageKey.self]?.isInPath ?? false }

    /// Words a page whose path names no language in `language`: a signed-in person's remembered choice
    /// comes before what their browser asks for.
    package func useRememberedLanguage(_ language: InterfaceLanguage) {
        guard !languageIsInPath else { return }
        storage[PageLanguageKey.self] = PageLanguage(language: language, isInPath: false)
    }

    /// What links from this page put before a page's path so that they keep its language: the
    /// language's segment, or nothing on an English page reached without one (its links stay as they were).
    package var languagePrefix: String {
        guard let page = storage[PageLanguageKey.self], page.isInPath || page.language != .source else { return "" }
        return "/" + page.language.rawValue
    }

    /// `path` (a page of this site) in this request's language.
    package func localized(_ path: String) -> String {
        let prefix = languagePrefix
        return prefix.isEmpty ? path : prefix + (path == "/" ? "" : path)
    }

    /// The address of this page in `language`, for the switcher and `hreflang` alternates. The query is
    /// left out: nothing a visitor writes into an address reappears on the page.
    package func address(in language: InterfaceLanguage) -> String {
        "/" + language.rawValue + (url.path == "/" ? "" : url.path)
    }
}
