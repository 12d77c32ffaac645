import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Drafting a statement and moving it through its states. Each write is one
/// transaction with its audit entry; a change of the text makes a new
/// version, and endorsements given to an earlier one wait for their signatories to confirm.
package enum StatementEdits {
    package static func create(_ input: StatementInput, context: EditContext) async throws -> Statement {
        let statement = Statement()
        statement.version = 1
        statement.state = .draft
        statement.deliveredTo = ""
        statement.deliveredHow = ""
        statement.isExample = context.writesExamples
        statement.createdByID = context.user?.id
        _ = try input.apply(to: statement, isNew: true)
        let leads = try await checkedLeads(input.leads ?? [], context: context)
        try await context.db.transaction { db in
            try await statement.create(on: db)
            let id = try statement.requireID()
            try await StatementVersion(of: statement).create(on: db)
            for lead in leads { try await StatementLead(statementID: id, organisation: lead).create(on: db) }
            try await AuditLog.record(
                context, action: "create", recordType: "statement", recordID: "\(id)", organisation: leads.first,
                changes: AuditChanges([("title", nil, statement.title), ("version", nil, "1")]), on: db)
        }
        return statement
    }

    /// The organisations that lead: at least one, each in the directory, none twice, and each one the writer
    /// edits for (platform administrators and the system may name any): no organisation is made to lead a
    /// text without its own people choosing to.
    static func checkedLeads(_ leads: [Organisation], context: EditContext) async throws -> [Organisation] {
        let database = context.db
        guard !leads.isEmpty else { throw BadRequest.required("leads") }
        guard leads.count <= StatementInput.maximumLeads else {
            throw StatementInput.tooMany("leads", limit: StatementInput.maximumLeads)
        }
        var checked: [Organisation] = []
        for lead in leads where !checked.contains(lead) {
            guard try await DirectoryOrganisations().name(of: lead, on: database) != nil else {
                throw BadRequest.noSuchOrganisation(lead, field: "leads")
            }
            if let user = context.user, !user.isPlatformAdmin, !AccessPolicy.holds(.editor, in: [lead], user: user) {
                throw Refusal(
                    .forbidden,
                    Message(
                        "voice.error.lead-not-yours",
                        "'{field}': you may name as leads only organisations you edit for; a platform administrator can add others.",
                        ["field": .text("leads")]))
            }
            checked.append(lead)
        }
        return checked
    }

    /// Changes what `input` gives. A new title or body is a new version, kept beside the earlier ones.
    package static func update(_ statement: Statement, with input: StatementInput, context: EditContext) async throws {
        guard statement.state == .draft || statement.state == .open else {
            throw Refusal(
                .conflict,
                Message(
                    "voice.error.statement-final", "The statement is {state}: its text can no longer change.",
                    ["state": .lowercased(statement.state.message)]))
        }
        let before = StatementSnapshot(statement)
        let textChanged = try input.apply(to: statement, isNew: false)
        if textChanged { statement.version += 1 }
        var checked: [Organisation]?
        if let named = input.leads { checked = try await checkedLeads(named, context: context) }
        let leads = checked
        let id = try statement.requireID()
        let readVersion = before.version
        try await context.db.transaction { db in
            // Two leads saving at once: the second learns that the text changed under it.
            try await db.lockRow(id, of: Statement.schema)
            guard try await Statement.find(id, on: db)?.version == readVersion else { throw editedMeanwhile }
            try await statement.update(on: db)
            if textChanged { try await StatementVersion(of: statement).create(on: db) }
            if let leads {
                try await StatementLead.query(on: db).filter(\.$statement.$id == id).delete()
                for lead in leads { try await StatementLead(statementID: id, organisation: lead).create(on: db) }
            }
            try await AuditLog.record(
                context, action: "update", recordType: "statement", recordID: "\(id)",
                organisation: try await VoiceQueries.leads(of: id, on: db).first,
                changes: try AuditChanges.between(before, StatementSnapshot(statement)), on: db)
        }
    }

    private static let editedMeanwhile = Refusal(
        .conflict,
        Message(
            "voice.error.edited-meanwhile", "Someone changed the statement at the same moment; reload it and try again."
        ))

    /// What the audit log records of a statement.
    private struct StatementSnapshot: Encodable {
        var title: String
        var bodyLength: Int
        var version: Int
        var language: String
        var themes: [String]
        var deadline: String?
        var state: StatementState
        var deliveredOn: String?
        var deliveredTo: String
        var answerURL: String?

        init(_ statement: Statement) {
            title = statement.title
            bodyLength = statement.body.count
            version = statement.version
            language = statement.language
            themes = statement.themes
            deadline = statement.deadline
            state = statement.state
            deliveredOn = statement.deliveredOn
            deliveredTo = statement.deliveredTo
            answerURL = statement.answerURL
        }
    }

    /// A move to another state, with what a delivery needs.
    package struct StateChange: Content {
        package var state: String?
        /// `YYYY-MM-DD`, not in the future; today when left out.
        package var deliveredOn: String?
        package var deliveredTo: String?
        package var deliveredHow: String?
        package var answerURL: String?

        package init(
            state: String?, deliveredOn: String? = nil, deliveredTo: String? = nil, deliveredHow: String? = nil,
            answerURL: String? = nil
        ) {
            self.state = state
            self.deliveredOn = deliveredOn
            self.deliveredTo = deliveredTo
            self.deliveredHow = deliveredHow
            self.answerURL = answerURL
        }
    }

    /// Opens, closes, reopens or delivers a statement. A delivered statement
    /// may be delivered again to record the addressees' answer.
    package static func change(_ statement: Statement, _ change: StateChange, context: EditContext) async throws {
        let target = try FieldChoice.parse(StatementState.self, change.state ?? "", field: "state")
        let redelivery = statement.state == .delivered && target == .delivered
        guard statement.state.next.contains(target) || redelivery else {
            throw Refusal(
                .conflict,
                Message(
                    "voice.error.statement-state", "A statement that is {from} cannot become {to}.",
                    ["from": .lowercased(statement.state.message), "to": .lowercased(target.message)]))
        }
        let before = StatementSnapshot(statement)
        let id = try statement.requireID()
        if target == .draft, try await Endorsement.query(on: context.db).filter(\.$statement.$id == id).count() > 0 {
            throw Refusal(
                .conflict,
                Message(
                    "voice.error.draft-endorsed",
                    "Organisations have endorsed the statement: close it rather than take it back to a draft."))
        }
        switch target {
        case .open:
            if let deadline = statement.deadline, deadline < DateText.day(Date()) {
                throw BadRequest(
                    Message(
                        "voice.error.deadline-passed",
                        "The deadline {day} has passed; set a later one before opening the statement.",
                        ["day": .text(deadline)]))
            }
            statement.openedAt = statement.openedAt ?? Date()
        case .delivered:
            statement.deliveredTo = try EditText.line(change.deliveredTo, field: "deliveredTo", limit: 300)
            statement.deliveredHow = try EditText.line(
                change.deliveredHow, field: "deliveredHow", limit: 300, optional: true)
            statement.deliveredOn = try DateText.pastDay(change.deliveredOn, field: "deliveredOn")
            statement.answerURL = try EditText.webAddress(change.answerURL, field: "answerURL")
        case .draft, .closed:
            break
        }
        statement.state = target
        try await context.db.transaction { db in
            try await statement.update(on: db)
            try await AuditLog.record(
                context, action: redelivery ? "record answer" : target.rawValue, recordType: "statement",
                recordID: "\(id)", organisation: try await VoiceQueries.leads(of: id, on: db).first,
                changes: try AuditChanges.between(before, StatementSnapshot(statement)), on: db)
        }
    }

    /// Cites a closed survey's figure; the survey must be one whose results everyone may see.
    package static func cite(
        _ statement: Statement, survey surveyID: Int, question: String, option: String?, context: EditContext
    ) async throws -> StatementCitation {
        guard let survey = try await Survey.find(surveyID, on: context.db), survey.state != .draft,
            survey.resultsPublic
        else {
            throw BadRequest(
                Message(
                    "voice.error.cite-survey", "'{field}': there is no survey {id} with public results.",
                    ["field": .text("survey"), "id": .text("\(surveyID)")]))
        }
        guard survey.state == .closed else {
            throw Refusal(
                .conflict,
                Message(
                    "voice.error.cite-open-survey",
                    "Only a closed survey's results can be cited: they no longer change."))
        }
        guard let asked = survey.questions.first(where: { $0.id == question }) else {
            throw BadRequest(
                Message(
                    "voice.error.cite-question", "'{field}': the survey has no question '{id}'.",
                    ["field": .text("question"), "id": .text(question)]))
        }
        let option = option.flatMap { $0.isEmpty ? nil : $0 }
        if let option, !asked.options.contains(option) {
            throw BadRequest(
                Message(
                    "voice.error.cite-option", "'{field}': '{given}' is not an answer of question '{id}'.",
                    ["field": .text("option"), "given": .text(option), "id": .text(question)]))
        }
        let citation = StatementCitation()
        citation.$statement.id = try statement.requireID()
        citation.$survey.id = surveyID
        citation.question = question
        citation.option = option
        try await context.db.transaction { db in
            try await citation.create(on: db)
            try await AuditLog.record(
                context, action: "cite", recordType: "statement", recordID: "\(try statement.requireID())",
                organisation: try await VoiceQueries.leads(of: statement.requireID(), on: db).first,
                changes: AuditChanges([("citation", nil, "survey \(surveyID) \(question) \(option ?? "")")]), on: db)
        }
        return citation
    }

    package static func removeCitation(_ citation: StatementCitation, context: EditContext) async throws {
        try await context.db.transaction { db in
            try await citation.delete(on: db)
            try await AuditLog.record(
                context, action: "remove citation", recordType: "statement", recordID: "\(citation.$statement.id)",
                organisation: try await VoiceQueries.leads(of: citation.$statement.id, on: db).first,
                changes: AuditChanges([("citation", "survey \(citation.$survey.id) \(citation.question)", nil)]), on: db
            )
        }
    }

    /// Adds or replaces the translation into `language` of the current version.
    package static func translate(
        _ statement: Statement, language: String?, title: String?, body: String?, context: EditContext
    ) async throws {
        let code = try LanguageName.code(language ?? "")
        guard code != statement.language else {
            throw BadRequest(
                Message(
                    "voice.error.translation-original", "'{field}': the statement was written in this language.",
                    ["field": .text("language")]))
        }
        let id = try statement.requireID()
        let title = try EditText.line(title, field: "title", limit: StatementInput.maximumTitleLength)
        let body = try EditText.markdown(body, field: "body")
        try await context.db.transaction { db in
            let translation =
                try await StatementTranslation.query(on: db).filter(\.$statement.$id == id)
                .filter(\.$language == code).first() ?? StatementTranslation()
            let isNew = translation.id == nil
            translation.$statement.id = id
            translation.language = code
            translation.title = title
            translation.body = body
            translation.version = statement.version
            try await refusingDuplicates(editedMeanwhile) { try await translation.save(on: db) }
            try await AuditLog.record(
                context, action: isNew ? "translate" : "update translation", recordType: "statement",
                recordID: "\(id)", organisation: try await VoiceQueries.leads(of: id, on: db).first,
                changes: AuditChanges([("translation", nil, "\(code) v\(statement.version)")]), on: db)
        }
    }
}
