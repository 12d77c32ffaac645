import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Endorsing a statement for an organisation, confirming an endorsement for
/// the current text, and withdrawing it. The route's policy has checked that
/// the person is one of the organisation's signatories; these check the statement.
package enum EndorsementEdits {
    package static let maximumCommentLength = 1_000

    /// What a signatory sends.
    package struct Input: Content {
        package var comment: String?
        /// The version of the text the signatory read; when given, it must be the current one.
        package var version: Int?

        package init(comment: String? = nil, version: Int? = nil) {
            self.comment = comment
            self.version = version
        }
    }

    package enum Outcome: Sendable {
        case endorsed, confirmed, updated
    }

    /// Endorses the current text for `organisation`, or confirms for the current text an endorsement
    /// given to an earlier one. Two signatories of one organisation signing at once make one endorsement:
    /// the other gets a 409.
    package static func endorse(
        _ statement: Statement, for organisation: Organisation, input: Input, signer: User, context: EditContext
    ) async throws -> (Endorsement, Outcome) {
        try requireOpen(
            statement,
            Message(
                "voice.error.not-open-to-endorse", "The statement is {state}: only an open statement can be endorsed.",
                ["state": .lowercased(statement.state.message)]))
        if let version = input.version, version != statement.version {
            throw Refusal(
                .conflict,
                Message(
                    "voice.error.version",
                    "The text has changed since version {given}: read version {current} and sign it.",
                    ["given": .count(version), "current": .count(statement.version)]))
        }
        let comment = try EditText.line(input.comment, field: "comment", limit: maximumCommentLength, optional: true)
        let id = try statement.requireID()
        return try await context.db.transaction { db in
            // The statement as it is now, not as it was read: it may have closed or changed meanwhile.
            try await db.lockRow(id, of: Statement.schema)
            guard let fresh = try await Statement.find(id, on: db), fresh.state == .open,
                fresh.version == statement.version
            else { throw statementChanged }
            if let existing = try await endorsement(of: id, by: organisation, on: db) {
                let outcome: Outcome = existing.version == statement.version ? .updated : .confirmed
                // Endorsing the same text again, with nothing new to say, is a mistake to point out.
                if outcome == .updated, input.comment == nil || comment == existing.comment {
                    throw alreadyEndorsed
                }
                let before = (existing.version, existing.comment)
                existing.version = statement.version
                if input.comment != nil { existing.comment = comment }
                existing.signedByID = signer.id
                existing.signerName = signer.name
                existing.signerTitle = signer.signatoryTitle
                // Confirming for a new text is signing it: the date is today's.
                if outcome == .confirmed { existing.endorsedAt = Date() }
                try await existing.update(on: db)
                try await AuditLog.record(
                    context, action: outcome == .confirmed ? "confirm endorsement" : "update endorsement",
                    recordType: "statement", recordID: "\(id)", organisation: organisation,
                    changes: AuditChanges([
                        ("version", "\(before.0)", "\(statement.version)"), ("comment", before.1, existing.comment),
                    ]), on: db)
                return (existing, outcome)
            }
            let endorsement = Endorsement()
            endorsement.$statement.id = id
            endorsement.organisationKind = organisation.kind
            endorsement.organisationID = organisation.id
            endorsement.signedByID = signer.id
            endorsement.signerName = signer.name
            endorsement.signerTitle = signer.signatoryTitle
            endorsement.comment = comment
            endorsement.version = statement.version
            endorsement.endorsedAt = Date()
            endorsement.isExample = context.writesExamples
            try await refusingDuplicates(endorsedMeanwhile) {
                try await endorsement.create(on: db)
            }
            try await AuditLog.record(
                context, action: "endorse", recordType: "statement", recordID: "\(id)", organisation: organisation,
                changes: AuditChanges([
                    ("signer", nil, "\(signer.name), \(signer.signatoryTitle)"),
                    ("version", nil, "\(statement.version)"),
                ]), on: db)
            return (endorsement, .endorsed)
        }
    }

    /// Withdraws the organisation's endorsement while the statement is open.
    package static func withdraw(_ statement: Statement, for organisation: Organisation, context: EditContext)
        async throws
    {
        try requireOpen(
            statement,
            Message(
                "voice.error.not-open-to-withdraw",
                "The statement is {state}: endorsements can be withdrawn only while it is open.",
                ["state": .lowercased(statement.state.message)]))
        let id = try statement.requireID()
        try await context.db.transaction { db in
            guard let existing = try await endorsement(of: id, by: organisation, on: db) else {
                throw Refusal(.notFound, notEndorsed)
            }
            try await existing.deleteOnce(on: db, orElse: Refusal(.notFound, notEndorsed))
            try await AuditLog.record(
                context, action: "withdraw endorsement", recordType: "statement", recordID: "\(id)",
                organisation: organisation,
                changes: AuditChanges([("signer", "\(existing.signerName), \(existing.signerTitle)", nil)]), on: db)
        }
    }

    static func endorsement(of statementID: Int, by organisation: Organisation, on db: any Database) async throws
        -> Endorsement?
    {
        try await Endorsement.query(on: db).filter(\.$statement.$id == statementID)
            .filter(\.$organisationKind == organisation.kind).filter(\.$organisationID == organisation.id).first()
    }

    private static let notEndorsed = Message(
        "voice.error.not-endorsed", "The organisation has not endorsed this statement.")

    private static let statementChanged = Refusal(
        .conflict,
        Message(
            "voice.error.statement-changed",
            "The statement changed while you were signing; reload it and read it again."))

    private static let endorsedMeanwhile = Refusal(
        .conflict,
        Message(
            "voice.error.endorsed-meanwhile",
            "Another signatory of the organisation endorsed the statement at the same moment; reload the page."))

    private static let alreadyEndorsed = Refusal(
        .conflict,
        Message(
            "voice.error.already-endorsed",
            "The organisation already endorses the current text; change the comment or withdraw the endorsement."))

    /// Refuses unless the statement takes endorsements today, with `closed` when it is not open.
    private static func requireOpen(_ statement: Statement, _ closed: Message) throws {
        if statement.state == .open, !statement.takesEndorsements() {
            throw Refusal(
                .conflict,
                Message(
                    "voice.error.deadline-over", "The deadline for endorsements, {day}, has passed.",
                    ["day": .text(statement.deadline ?? "")]))
        }
        guard statement.state == .open else { throw Refusal(.conflict, closed) }
    }
}
