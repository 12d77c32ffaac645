import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// `/feeds/statements.atom`: the statements open for endorsement, newest opened first.
package struct StatementFeedController {
    package static let entries = 50

    @Sendable
    package func feed(_ request: Request) async throws -> Response {
        let statements = try await Statement.query(on: request.db).filter(\.$state == .open)
            .sort(\.$openedAt, .descending).limit(Self.entries).all()
        let base = request.baseURL
        var atom = AtomFeed(
            id: base + VoicePath.feed.href(),
            title: request.text(Message("voice.feed.title", "Cityweave: statements open for endorsement")),
            selfLink: base + request.localized(VoicePath.feed.href()),
            alternateLink: base + request.localized(VoicePath.statements.href()) + "?state=open",
            updated: statements.compactMap { $0.updatedAt }.max() ?? Date(timeIntervalSince1970: 0))
        for statement in statements {
            let id = try statement.requireID()
            var leads: [Message] = []
            for lead in try await VoiceQueries.leads(of: id, on: request.db) {
                leads.append(.name(try await request.name(of: lead)))
            }
            let deadline =
                statement.deadline.flatMap(DateText.parseDay).map {
                    Message("voice.feed.deadline", "Endorsements until {day}.", ["day": .day($0)])
                } ?? Message("voice.feed.no-deadline", "Open for endorsement.")
            atom.entries.append(
                .init(
                    id: base + VoicePath.statement.href(id), title: statement.title,
                    link: base + request.localized(VoicePath.statement.href(id)),
                    published: statement.openedAt ?? statement.createdAt ?? Date(),
                    updated: statement.updatedAt ?? Date(), author: request.text(value: .list(leads)),
                    summary: request.text(deadline), language: statement.language, categories: statement.themes))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: atom.xml))
    }
}
