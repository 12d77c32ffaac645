import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// A network labelling a practice it reviewed.
package enum ReviewEdits {
    package struct Input: Content {
        package var readableAlone: Bool
        package var evidenceGiven: Bool
        package var comment: String?
    }

    /// The sections a transferable practice fills, as the checklist names them (and reviews store them).
    package static func missingSections(of practice: Practice) -> [String] {
        ReviewChecklist.missingSections([
            "summary": practice.summary, "problem": practice.problem,
            "method": practice.method.joined(), "staff": practice.staff, "partners": practice.partners,
            "legal instruments": practice.legalInstruments, "pitfalls": practice.pitfalls,
            "resources": practice.resources, "evidence": practice.evidence,
        ])
    }

    /// A section of the checklist as a page names it; a name no longer in the checklist is shown as stored.
    package static func sectionName(_ section: String) -> Message {
        switch section {
        case "summary": Message("knowledge.review-section.summary", "summary")
        case "problem": Message("knowledge.review-section.problem", "problem")
        case "method": Message("knowledge.review-section.method", "method")
        case "staff": Message("knowledge.review-section.staff", "staff")
        case "partners": Message("knowledge.review-section.partners", "partners")
        case "legal instruments": Message("knowledge.review-section.legal-instruments", "legal instruments")
        case "pitfalls": Message("knowledge.review-section.pitfalls", "pitfalls")
        case "resources": Message("knowledge.review-section.resources", "resources")
        case "evidence": Message("knowledge.review-section.evidence", "evidence")
        default: .name(section)
        }
    }

    /// Records (or replaces) `networkID`'s review of a published practice.
    package static func review(_ practice: Practice, networkID: Int, input: Input, context: EditContext) async throws
        -> PracticeReview
    {
        guard practice.isPublished else {
            throw Refusal(
                .conflict, Message("knowledge.error.review-draft", "Only a published practice can be reviewed."))
        }
        let comment = (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= 2_000 else { throw BadRequest.tooLong("comment", limit: 2_000) }
        let practiceID = try practice.requireID()
        let review =
            try await PracticeReview.query(on: context.db).filter(\.$practice.$id == practiceID)
            .filter(\.$network.$id == networkID).first() ?? PracticeReview()
        review.$practice.id = practiceID
        review.$network.id = networkID
        review.reviewedAt = Date()
        review.missingSections = missingSections(of: practice)
        review.readableAlone = input.readableAlone
        review.evidenceGiven = input.evidenceGiven
        review.comment = comment
        review.$reviewer.id = context.user?.id
        review.reviewerName = context.user?.name ?? "Cityweave"
        try await context.db.transaction { db in
            try await review.save(on: db)
            try await AuditLog.record(
                context, action: "review", recordType: "practice", recordID: "\(practiceID)",
                organisation: .network(networkID),
                changes: AuditChanges(changes: [
                    .init(field: "readableAlone", from: "", to: "\(input.readableAlone)"),
                    .init(field: "evidenceGiven", from: "", to: "\(input.evidenceGiven)"),
                ]), on: db)
        }
        return review
    }

    package static func remove(_ practice: Practice, networkID: Int, context: EditContext) async throws {
        let practiceID = try practice.requireID()
        let notReviewed = Refusal(
            .notFound, Message("knowledge.error.not-reviewed", "This network has not reviewed this practice."))
        guard
            let review = try await PracticeReview.query(on: context.db).filter(\.$practice.$id == practiceID)
                .filter(\.$network.$id == networkID).first()
        else { throw notReviewed }
        try await context.db.transaction { db in
            try await review.deleteOnce(on: db, orElse: notReviewed)
            try await AuditLog.record(
                context, action: "unreview", recordType: "practice", recordID: "\(practiceID)",
                organisation: .network(networkID), on: db)
        }
    }
}
