import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Every change to a practice: checked, saved with its search index in one
/// transaction, and written to the audit log. Who may make it is the
/// route's policy (an editor of the practice's city).
package enum PracticeEdits {
    /// What the audit log records of a practice.
    package struct Snapshot: Encodable {
        package var language, title, summary, problem, staff, partners, legalInstruments, pitfalls, resources, evidence,
            stage: String
        package var method, themes: [String]
        package var budgetBand, contactName, contactRole, contactEmail: String?
        package var links: [PracticeLink]
        package var published: Bool

        package init(_ practice: Practice) {
            language = practice.language
            title = practice.title
            summary = practice.summary
            problem = practice.problem
            staff = practice.staff
            partners = practice.partners
            legalInstruments = practice.legalInstruments
            pitfalls = practice.pitfalls
            resources = practice.resources
            evidence = practice.evidence
            stage = practice.stage.rawValue
            method = practice.method
            themes = practice.themes
            budgetBand = practice.budgetBand?.rawValue
            contactName = practice.contactName
            contactRole = practice.contactRole
            contactEmail = practice.contactEmail
            links = practice.links
            published = practice.isPublished
        }
    }

    package static func practice(_ id: Int, on database: any Database) async throws -> Practice {
        guard let practice = try await Practice.find(id, on: database) else { throw KnowledgeQueries.noPractice(id) }
        return practice
    }

    /// Records a new draft for `cityID`; with `translationOf`, as a version
    /// of that practice in another language.
    package static func create(
        _ input: PracticeInput, cityID: Int, translationOf originalID: Int?, context: EditContext
    ) async throws -> Practice {
        guard try await City.find(cityID, on: context.db) != nil else {
            throw BadRequest.noSuchCity(cityID, field: "city")
        }
        let practice = Practice()
        practice.$city.id = cityID
        practice.isExample = context.writesExamples
        practice.$createdBy.id = context.user?.id
        try input.apply(to: practice)
        if let originalID {
            let original = try await Self.originalForTranslation(originalID, cityID: cityID, on: context.db)
            let languages = try await versions(of: original, on: context.db).map(\.language)
            guard !languages.contains(practice.language) else {
                throw Refusal(
                    .conflict,
                    Message(
                        "knowledge.error.version-exists",
                        "'{field}': this practice already has a version in '{language}'; edit that one.",
                        ["field": .text("language"), "language": .text(practice.language)]))
            }
            practice.$original.id = try original.requireID()
        }
        try await context.db.transaction { db in
            try await practice.create(on: db)
            try await PracticeSearch.update(practice, on: db)
            try await AuditLog.record(
                context, action: "create", recordType: "practice", recordID: "\(try practice.requireID())",
                organisation: .city(cityID), changes: try AuditChanges.between(nil, Snapshot(practice)), on: db)
        }
        return practice
    }

    /// The original a translation attaches to: the practice itself or, if it
    /// is a translation, its original. Only the same city translates its practice.
    private static func originalForTranslation(_ id: Int, cityID: Int, on database: any Database) async throws
        -> Practice
    {
        guard let practice = try await Practice.find(id, on: database) else {
            throw BadRequest(
                Message(
                    "knowledge.error.translation-of-unknown", "'{field}': there is no practice {id}.",
                    ["field": .text("translationOf"), "id": .text(String(id))]))
        }
        guard practice.$city.id == cityID else {
            throw BadRequest(
                Message(
                    "knowledge.error.translation-of-other-city",
                    "'{field}': practice {id} belongs to another city; a city translates its own.",
                    ["field": .text("translationOf"), "id": .text(String(id))]))
        }
        if let original = practice.$original.id { return try await Self.practice(original, on: database) }
        return practice
    }

    /// The original and all its translations, original first.
    package static func versions(of practice: Practice, on database: any Database) async throws -> [Practice] {
        let originalID = practice.originalID
        let all = try await Practice.query(on: database)
            .group(.or) { $0.filter(\.$id == originalID).filter(\.$original.$id == originalID) }
            .sort(\.$id).all()
        return all.sorted { ($0.id == originalID ? 0 : 1, $0.id!) < ($1.id == originalID ? 0 : 1, $1.id!) }
    }

    package static func update(_ practice: Practice, with input: PracticeInput, context: EditContext) async throws {
        let before = Snapshot(practice)
        let language = practice.language
        try input.apply(to: practice)
        if practice.language != language {
            let taken = try await versions(of: practice, on: context.db)
                .contains { $0.id != practice.id && $0.language == practice.language }
            if taken {
                throw Refusal(
                    .conflict,
                    Message(
                        "knowledge.error.language-taken",
                        "'{field}': another version of this practice is in '{language}'.",
                        ["field": .text("language"), "language": .text(practice.language)]))
            }
        }
        try await save(practice, action: "update", before: before, context: context)
    }

    /// Publishing makes a draft public and puts it in the feeds; withdrawing makes it a draft again.
    package static func setPublished(_ practice: Practice, _ published: Bool, context: EditContext) async throws {
        guard practice.isPublished != published else { return }
        let before = Snapshot(practice)
        practice.publishedAt = published ? Date() : nil
        try await save(practice, action: published ? "publish" : "withdraw", before: before, context: context)
    }

    private static func save(_ practice: Practice, action: String, before: Snapshot, context: EditContext) async throws
    {
        let changes = try AuditChanges.between(before, Snapshot(practice))
        guard !changes.changes.isEmpty else { return }
        try await context.db.transaction { db in
            try await practice.update(on: db)
            try await PracticeSearch.update(practice, on: db)
            try await AuditLog.record(
                context, action: action, recordType: "practice", recordID: "\(try practice.requireID())",
                organisation: .city(practice.$city.id), changes: changes, on: db)
        }
    }

    /// Deletes a draft that nothing depends on. A published practice is
    /// withdrawn first; one with translations or transfers is only withdrawn,
    /// so that adapting cities keep their record.
    package static func delete(_ practice: Practice, context: EditContext) async throws {
        let id = try practice.requireID()
        guard !practice.isPublished else {
            throw Refusal(
                .conflict,
                Message(
                    "knowledge.error.delete-published", "Only a draft can be deleted; withdraw the practice first."))
        }
        if try await Practice.query(on: context.db).filter(\.$original.$id == id).count() > 0 {
            throw Refusal(
                .conflict,
                Message(
                    "knowledge.error.delete-translated",
                    "This practice has translations; delete them first, or withdraw it."))
        }
        if try await PracticeTransfer.query(on: context.db).filter(\.$practice.$id == id).count() > 0 {
            throw Refusal(
                .conflict,
                Message(
                    "knowledge.error.delete-adapted",
                    "Cities are adapting this practice; withdraw it instead of deleting it."))
        }
        let before = Snapshot(practice)
        try await context.db.transaction { db in
            try await PracticeSearch.remove(practiceID: id, on: db)
            try await PracticeReview.query(on: db).filter(\.$practice.$id == id).delete()
            try await practice.deleteOnce(
                on: db,
                orElse: Refusal(
                    .notFound, Message("knowledge.error.practice-deleted", "This practice was deleted already.")))
            try await AuditLog.record(
                context, action: "delete", recordType: "practice", recordID: "\(id)",
                organisation: .city(practice.$city.id), changes: try AuditChanges.between(before, nil), on: db)
        }
    }
}
