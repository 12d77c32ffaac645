import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// A city adapting another's practice: declaring it, moving it through its
/// stages, and the practice's city citing its result as evidence.
package enum TransferEdits {
    /// A stage reached, as a client sends it.
    package struct StepInput: Content {
        package var stage: String
        /// "YYYY-MM-DD"; today when left out.
        package var date: String?
        package var notes: String?
    }

    package struct Step {
        package var stage: TransferStage
        package var date: String
        package var notes: String
    }

    package static func transfer(_ id: Int, on database: any Database) async throws -> PracticeTransfer {
        guard let transfer = try await PracticeTransfer.find(id, on: database) else {
            throw Refusal(
                .notFound,
                Message("knowledge.error.no-transfer", "There is no transfer {id}.", ["id": .text(String(id))]))
        }
        return transfer
    }

    /// A transfer by its id and its practice's, as addresses name it.
    package static func transfer(_ id: Int, ofPractice practiceID: Int, on database: any Database) async throws
        -> PracticeTransfer
    {
        let transfer = try await transfer(id, on: database)
        guard transfer.$practice.id == practiceID else {
            throw Refusal(
                .notFound,
                Message(
                    "knowledge.error.practice-has-no-transfer", "Practice {practice} has no transfer {id}.",
                    ["practice": .text(String(practiceID)), "id": .text(String(id))]))
        }
        return transfer
    }

    /// Checks a step: a known stage, a real day that is not in the future, notes of a sensible length.
    package static func checked(_ input: StepInput) throws -> Step {
        let stage = try FieldChoice.parse(TransferStage.self, input.stage, field: "stage")
        let day = try DateText.pastDay(input.date, field: "date")
        let notes = (input.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard notes.count <= 5_000 else { throw BadRequest.tooLong("notes", limit: 5_000) }
        return Step(stage: stage, date: day, notes: notes)
    }

    /// `cityID` declares that it is adapting `practice`.
    package static func declare(_ practice: Practice, cityID: Int, step input: StepInput, context: EditContext)
        async throws
        -> PracticeTransfer
    {
        let step = try checked(input)
        guard practice.isPublished else {
            throw Refusal(
                .conflict, Message("knowledge.error.adapt-draft", "Only a published practice can be adapted."))
        }
        guard practice.$city.id != cityID else {
            throw BadRequest(
                Message(
                    "knowledge.error.adapt-own",
                    "'{field}': a city does not adapt its own practice; record a new stage of it instead.",
                    ["field": .text("city")]))
        }
        guard step.stage != .abandoned else {
            throw BadRequest(
                Message(
                    "knowledge.error.begin-abandoned", "'{field}': a transfer cannot begin abandoned.",
                    ["field": .text("stage")]))
        }
        let practiceID = try practice.requireID()
        let existing = try await PracticeTransfer.query(on: context.db).filter(\.$practice.$id == practiceID)
            .filter(\.$city.$id == cityID).first()
        if let existing {
            throw Refusal(
                .conflict,
                Message(
                    "knowledge.error.already-adapting",
                    "This city already adapts this practice (transfer {id}); add a stage to it.",
                    ["id": .text(String(existing.id!))]))
        }
        let transfer = PracticeTransfer()
        transfer.$practice.id = practiceID
        transfer.$city.id = cityID
        transfer.stage = step.stage
        transfer.countsAsEvidence = false
        transfer.isExample = context.writesExamples
        try await context.db.transaction { db in
            try await transfer.create(on: db)
            try await record(step, on: transfer, context: context, db: db)
            try await AuditLog.record(
                context, action: "declare", recordType: "transfer", recordID: "\(try transfer.requireID())",
                organisation: .city(cityID),
                changes: AuditChanges(changes: [.init(field: "stage", from: "null", to: step.stage.rawValue)]), on: db)
        }
        return transfer
    }

    /// Moves a transfer to its next stage.
    package static func advance(_ transfer: PracticeTransfer, step input: StepInput, context: EditContext) async throws
    {
        let step = try checked(input)
        guard transfer.stage.mayMove(to: step.stage) else {
            throw Refusal(
                .conflict,
                transfer.stage == .evaluated || transfer.stage == .abandoned
                    ? Message(
                        "knowledge.error.transfer-finished", "This transfer is finished ({stage}).",
                        ["stage": .text(transfer.stage.rawValue)])
                    : Message(
                        "knowledge.error.transfer-backwards",
                        "'{field}': a transfer moves forward; it is at {stage}, so {next} cannot follow.",
                        [
                            "field": .text("stage"), "stage": .text(transfer.stage.rawValue),
                            "next": .text(step.stage.rawValue),
                        ]))
        }
        let last = try await transfer.$steps.query(on: context.db).sort(\.$date, .descending).first()
        if let last, step.date < last.date {
            throw BadRequest(
                Message(
                    "knowledge.error.date-before-previous",
                    "'{field}' {day} is before the previous stage's date, {previous}.",
                    ["field": .text("date"), "day": .text(step.date), "previous": .text(last.date)]))
        }
        let previous = transfer.stage
        transfer.stage = step.stage
        // An abandoned transfer is no longer evidence that the practice travels.
        if !step.stage.hasResult { transfer.countsAsEvidence = false }
        try await context.db.transaction { db in
            try await transfer.update(on: db)
            try await record(step, on: transfer, context: context, db: db)
            try await AuditLog.record(
                context, action: "advance", recordType: "transfer", recordID: "\(try transfer.requireID())",
                organisation: .city(transfer.$city.id),
                changes: AuditChanges(
                    changes: [.init(field: "stage", from: previous.rawValue, to: step.stage.rawValue)]), on: db)
        }
    }

    private static func record(_ step: Step, on transfer: PracticeTransfer, context: EditContext, db: any Database)
        async throws
    {
        let row = TransferStep()
        row.$transfer.id = try transfer.requireID()
        row.stage = step.stage
        row.date = step.date
        row.notes = step.notes
        row.$recordedBy.id = context.user?.id
        try await row.create(on: db)
    }

    /// The practice's city cites (or stops citing) a transfer's result as evidence on the original.
    package static func setEvidence(_ transfer: PracticeTransfer, _ counts: Bool, context: EditContext) async throws {
        guard transfer.countsAsEvidence != counts else { return }
        if counts, !transfer.stage.hasResult {
            throw Refusal(
                .conflict,
                Message(
                    "knowledge.error.evidence-stage",
                    "Only a transfer that reached implemented or evaluated can be evidence; this one is {stage}.",
                    ["stage": .text(transfer.stage.rawValue)]))
        }
        let practice = try await transfer.$practice.get(on: context.db)
        transfer.countsAsEvidence = counts
        try await context.db.transaction { db in
            try await transfer.update(on: db)
            try await AuditLog.record(
                context, action: counts ? "cite" : "uncite", recordType: "transfer",
                recordID: "\(try transfer.requireID())", organisation: .city(practice.$city.id),
                changes: AuditChanges(
                    changes: [.init(field: "countsAsEvidence", from: "\(!counts)", to: "\(counts)")]), on: db)
        }
    }
}
