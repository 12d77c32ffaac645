import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// What the audit log's page and filters ask for.
package struct AuditFilter: Encodable {
    package var action: String
    package var recordType: String
    package var actor: String
    package var from: String
    package var until: String

    package init(from request: Request) throws {
        action = request.query[String.self, at: "action"] ?? ""
        recordType = request.query[String.self, at: "recordType"] ?? ""
        actor = (request.query[String.self, at: "actor"] ?? "").trimmingCharacters(in: .whitespaces)
        from = request.query[String.self, at: "from"] ?? ""
        until = request.query[String.self, at: "until"] ?? ""
        for (name, value) in [("from", from), ("until", until)] where !value.isEmpty && DateText.parseDay(value) == nil
        {
            throw BadRequest(
                Message(
                    "accounts.audit.day.invalid", "'{field}' must be a day such as 2026-11-29; got '{value}'.",
                    ["field": .text(name), "value": .text(value)]))
        }
    }
}

package enum AuditQueries {
    /// Entries newest first. An organisation sees the writes to its records
    /// and the writes of its own people; nil sees everything.
    package static func entries(
        filter: AuditFilter, visibleTo organisation: Organisation?, page: PageParameters, on database: any Database
    )
        async throws -> ([AuditEntry], ListPageMetadata)
    {
        let query = visible(to: organisation, on: database)
        if !filter.action.isEmpty { query.filter(\.$action == filter.action) }
        if !filter.recordType.isEmpty { query.filter(\.$recordType == filter.recordType) }
        if !filter.actor.isEmpty { query.filter(\.$actorEmail == User.normalised(email: filter.actor)) }
        if let from = DateText.parseDay(filter.from) { query.filter(\.$at >= from) }
        if let until = DateText.parseDay(filter.until) { query.filter(\.$at < until.addingTimeInterval(24 * 3600)) }
        let total = try await query.count()
        let entries = try await query.sort(\.$at, .descending).sort(\.$id, .descending)
            .range(page.offset..<(page.offset + page.per)).all()
        return (entries, ListPageMetadata(page, total: total))
    }

    /// The values a filter can take, for its menu.
    package static func distinct(
        _ field: KeyPath<AuditEntry, FieldProperty<AuditEntry, String>>, visibleTo organisation: Organisation?,
        on database: any Database
    ) async throws -> [String] {
        try await visible(to: organisation, on: database).unique().all(field).sorted()
    }

    private static func visible(to organisation: Organisation?, on database: any Database) -> QueryBuilder<AuditEntry> {
        let query = AuditEntry.query(on: database)
        guard let organisation else { return query }
        return query.group(.or) { either in
            either.group(.and) {
                $0.filter(\.$organisationKind == organisation.kind).filter(\.$organisationID == organisation.id)
            }
            either.group(.and) {
                $0.filter(\.$actorOrganisationKind == organisation.kind).filter(
                    \.$actorOrganisationID == organisation.id)
            }
        }
    }
}
