import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Atom feeds of newly published practices: `/feeds/practices.atom` and
/// one per theme, `/feeds/practices/{theme}.atom`.
package struct PracticeFeedController {
    package static let entries = 50

    @Sendable
    package func all(_ request: Request) async throws -> Response {
        try await feed(request, theme: nil)
    }

    @Sendable
    package func theme(_ request: Request) async throws -> Response {
        let name = request.parameters.get("theme") ?? ""
        guard name.hasSuffix(".atom"), let theme = Theme(rawValue: String(name.dropLast(".atom".count))) else {
            throw Refusal(
                .notFound,
                Message(
                    "knowledge.error.no-feed",
                    "There is no feed '{feed}'; feeds are named THEME.atom, with a theme of {themes}.",
                    ["feed": .text(name), "themes": .text(Theme.allCases.map(\.rawValue).joined(separator: ", "))]))
        }
        return try await feed(request, theme: theme)
    }

    /// When an entry last changed: its last edit, or its publication if that came later.
    private static func updated(_ practice: Practice) -> Date {
        max(practice.updatedAt ?? .distantPast, practice.publishedAt ?? .distantPast)
    }

    /// The feed in the request's language: its title, and each entry's city and country.
    private func feed(_ request: Request, theme: Theme?) async throws -> Response {
        // The search orders by date and filters by theme as the feed needs.
        var newest = PracticeSearchQuery(page: PageParameters(page: 1, per: Self.entries))
        newest.theme = theme
        newest.sort = .date
        let hits = try await PracticeSearch.search(
            newest, on: request.db, countingFacetsOf: nil
        ).hits
        // A practice withdrawn since the search ran is left out.
        let practices = try await KnowledgeQueries.practices(ids: hits.map(\.practiceID), on: request.db)
            .filter(\.isPublished)
        let base =
            request.application.cityweave.publicURL ?? "http://\(request.headers.first(name: .host) ?? "localhost")"
        let path = theme.map { KnowledgePath.themeFeed.href("\($0.rawValue).atom") } ?? KnowledgePath.feed.href()
        let title =
            theme.map {
                Message("knowledge.feed.theme-title", "Cityweave practices: {theme}", ["theme": .message($0.message)])
            } ?? Message("knowledge.feed.title", "Cityweave practices")
        var atom = AtomFeed(
            id: base + path, title: request.text(title),
            selfLink: base + path,
            alternateLink: base + KnowledgePath.practices.href() + (theme.map { "?theme=\($0.rawValue)" } ?? ""),
            updated: practices.map(Self.updated).max() ?? Date(timeIntervalSince1970: 0))
        for practice in practices {
            atom.entries.append(
                .init(
                    id: base + KnowledgePath.practice.href(practice.id!), title: practice.title,
                    link: base + KnowledgePath.practice.href(practice.id!),
                    published: practice.publishedAt ?? Self.updated(practice),
                    updated: Self.updated(practice),
                    author: request.text(
                        Message(
                            "knowledge.feed.author", "{city}, {country}",
                            [
                                "city": .text(practice.city.name),
                                "country": .text(request.countryName(of: practice.city)),
                            ])),
                    summary: practice.summary,
                    language: practice.language, categories: practice.themes))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: atom.xml))
    }
}
