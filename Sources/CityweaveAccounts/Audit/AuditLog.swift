import Fluent
import Vapor

/// Records every write: called by each write, inside its transaction, so
/// that a change and its entry land together or not at all.
package enum AuditLog {
    package static func record(
        _ context: EditContext, action: String, recordType: String, recordID: String, organisation: Organisation?,
        changes: AuditChanges = AuditChanges(), on database: any Database
    ) async throws {
        try await record(
            actor: context.user, ip: context.address, action: action, recordType: recordType,
            recordID: recordID, organisation: organisation, changes: changes, on: database)
    }

    /// For the command line and for sign-in, where the actor is known but not (yet) on the request.
    package static func record(
        actor: User?, ip: String, action: String, recordType: String, recordID: String, organisation: Organisation?,
        changes: AuditChanges = AuditChanges(), on database: any Database
    ) async throws {
        let entry = AuditEntry()
        entry.at = Date()
        entry.$user.id = actor?.id
        // No actor: the system itself (the first start, a command run by the operator).
        entry.actorEmail = actor?.email ?? "system"
        entry.actorOrganisationKind = actor?.organisation?.kind
        entry.actorOrganisationID = actor?.organisation?.id
        entry.organisationKind = organisation?.kind
        entry.organisationID = organisation?.id
        entry.action = action
        entry.recordType = recordType
        entry.recordID = recordID
        entry.changes = changes.json
        entry.ip = ip
        try await entry.create(on: database)
    }
}

/// The fields a write changed, each from its old to its new value.
package struct AuditChanges: Sendable {
    package struct Change: Sendable, Equatable, Encodable {
        package var field: String
        package var from: String
        package var to: String

        package init(field: String, from: String, to: String) {
            self.field = field
            self.from = from
            self.to = to
        }
    }

    package var changes: [Change] = []

    /// Compares two encodings of a record field by field; nil stands for "did not exist".
    package static func between<Value: Encodable>(_ before: Value?, _ after: Value?) throws -> AuditChanges {
        let old = try fields(of: before)
        let new = try fields(of: after)
        let names = Set(old.keys).union(new.keys).sorted()
        return AuditChanges(
            changes: names.compactMap { name in
                let from = old[name] ?? "null"
                let to = new[name] ?? "null"
                return from == to ? nil : Change(field: name, from: from, to: to)
            })
    }

    /// Each top-level field as compact JSON text.
    private static func fields<Value: Encodable>(of value: Value?) throws -> [String: String] {
        guard let value else { return [:] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let object = try JSONSerialization.jsonObject(with: encoder.encode(value)) as? [String: Any] ?? [:]
        return try object.mapValues { field in
            let data = try JSONSerialization.data(
                withJSONObject: field, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `{"field": {"from": …, "to": …}}`, the stored form.
    package var json: String {
        var object: [String: Any] = [:]
        for change in changes {
            object[change.field] = [
                "from": (try? JSONSerialization.jsonObject(with: Data(change.from.utf8), options: .fragmentsAllowed))
                    ?? change.from,
                "to": (try? JSONSerialization.jsonObject(with: Data(change.to.utf8), options: .fragmentsAllowed))
                    ?? change.to,
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads the stored form back, for the log's page.
    package static func parse(_ json: String) -> [Change] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return []
        }
        return object.keys.sorted().compactMap { field in
            guard let change = object[field] as? [String: Any] else { return nil }
            return Change(field: field, from: text(change["from"]), to: text(change["to"]))
        }
    }

    private static func text(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "—" }
        if let string = value as? String { return string }
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }

    package init(changes: [Change] = []) { self.changes = changes }

    /// Changes named by hand, for writes whose values must not be logged (passwords) or are simple.
    package init(_ pairs: [(String, String?, String?)]) {
        changes = pairs.filter { $0.1 != $0.2 }.map {
            Change(field: $0.0, from: Self.quoted($0.1), to: Self.quoted($0.2))
        }
    }

    private static func quoted(_ value: String?) -> String {
        guard let value else { return "null" }
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
