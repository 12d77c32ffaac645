import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Recording and changing a city's engagements and the value they gave.
/// Each write is one transaction with its audit entry.
package enum EngagementEdits {
    package static func create(_ input: EngagementInput, cityID: Int, context: EditContext) async throws -> Engagement {
        let engagement = Engagement()
        try await input.apply(to: engagement, cityID: cityID, on: context.db)
        engagement.isExample = context.writesExamples
        try await context.db.transaction { db in
            try await engagement.create(on: db)
            try await AuditLog.record(
                context, action: "create", recordType: "engagement", recordID: "\(try engagement.requireID())",
                organisation: .city(cityID),
                changes: try AuditChanges.between(nil as EngagementRecord?, EngagementRecord(engagement)), on: db)
        }
        return engagement
    }

    package static func update(_ engagement: Engagement, with input: EngagementInput, context: EditContext) async throws
    {
        let before = EngagementRecord(engagement)
        try await input.apply(to: engagement, cityID: engagement.$city.id, on: context.db)
        let changes = try AuditChanges.between(before, EngagementRecord(engagement))
        guard !changes.changes.isEmpty else { return }
        try await context.db.transaction { db in
            try await engagement.update(on: db)
            try await AuditLog.record(
                context, action: "update", recordType: "engagement", recordID: "\(try engagement.requireID())",
                organisation: .city(engagement.$city.id), changes: changes, on: db)
        }
    }

    /// What the audit log compares: the fields a person edits.
    package struct EngagementRecord: Encodable {
        package var title, kind, level, status, sponsor, objectives, handoverNotes: String
        package var network, partnership: Int?
        package var owner, backup: UUID?
        package var hoursPerMonth, yearlyFee: Double

        package init(_ engagement: Engagement) {
            title = engagement.title
            kind = engagement.kind.rawValue
            level = engagement.level.rawValue
            status = engagement.status.rawValue
            sponsor = engagement.sponsor
            objectives = engagement.objectives
            handoverNotes = engagement.handoverNotes
            network = engagement.$network.id
            partnership = engagement.$partnership.id
            owner = engagement.$owner.id
            backup = engagement.$backup.id
            hoursPerMonth = engagement.hoursPerMonth
            yearlyFee = engagement.yearlyFee
        }
    }

    /// A value entry as a client sends it.
    package struct ValueInput: Content {
        package var date: String?
        package var kind: String
        package var rating: Int
        package var note: String?
        package var link: String?
    }

    /// Adds an entry to an engagement's value log.
    package static func recordValue(_ input: ValueInput, on engagement: Engagement, context: EditContext) async throws
        -> ValueEntry
    {
        let kind = try FieldChoice.parse(ValueKind.self, input.kind, field: "kind")
        guard (1...5).contains(input.rating) else {
            throw BadRequest(
                Message(
                    "engagement.error.rating",
                    "'{field}' must be a whole number from 1 (little) to 5 (a great deal); got {given}.",
                    ["field": .text("rating"), "given": .text("\(input.rating)")]))
        }
        let day = try DateText.pastDay(input.date, field: "date")
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 5_000 else { throw BadRequest.tooLong("note", limit: 5_000) }
        let link = (input.link ?? "").trimmingCharacters(in: .whitespaces)
        guard link.isEmpty || Self.isLink(link) else {
            throw BadRequest(
                Message(
                    "engagement.error.link",
                    "'{field}' must be a path on this site, such as /practices/12, or an http(s) address; got '{given}'.",
                    ["field": .text("link"), "given": .text(link)]))
        }
        let entry = ValueEntry()
        entry.$engagement.id = try engagement.requireID()
        entry.date = day
        entry.kind = kind
        entry.rating = input.rating
        entry.note = note
        entry.link = link
        entry.isExample = context.writesExamples
        entry.$recordedBy.id = context.user?.id
        try await context.db.transaction { db in
            try await entry.create(on: db)
            try await AuditLog.record(
                context, action: "log-value", recordType: "engagement", recordID: "\(try engagement.requireID())",
                organisation: .city(engagement.$city.id),
                changes: AuditChanges(changes: [
                    .init(field: "value", from: "null", to: "\(kind.rawValue) \(input.rating)")
                ]),
                on: db)
        }
        return entry
    }

    /// A path on this site or a web address, short enough to show. Browsers
    /// read `\` as `/`, so `//host` and `/\host` would leave the site.
    package static func isLink(_ text: String) -> Bool {
        guard text.count <= 500, !text.contains(where: { $0.isWhitespace || $0 == "\\" }) else { return false }
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return ["http", "https"].contains(scheme) && url.host != nil
    }
}
