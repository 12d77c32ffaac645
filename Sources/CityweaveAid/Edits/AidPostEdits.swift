import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Posting and withdrawing offers and requests; each write is one
/// transaction with its audit entry.
package enum AidPostEdits {
    package static func create(_ input: AidPostInput, kind: AidPostKind, context: EditContext) async throws -> AidPost {
        let post = try await AidPost.open(input, kind: kind, isExample: context.writesExamples, on: context.db)
        post.$postedBy.id = context.user?.id
        try await context.db.transaction { db in
            try await post.create(on: db)
            try await AuditLog.record(
                context, action: "create", recordType: "aid_\(kind.rawValue)", recordID: "\(try post.requireID())",
                organisation: .city(input.city),
                changes: AuditChanges(
                    changes: [.init(field: "quantity", from: "", to: "\(input.quantity) \(input.resource)")]),
                on: db)
        }
        return try await AidQueries.post(try post.requireID(), kind: kind, on: context.db)
    }

    /// Takes a post out of future matchings; allocations already accepted
    /// go on, proposals nobody answered are withdrawn with it.
    package static func withdraw(_ post: AidPost, context: EditContext) async throws {
        let id = try post.requireID()
        try await context.db.transaction { db in
            let sql = db as! any SQLDatabase
            // Allocations before the post, the order the acceptances lock them in.
            try await AidAllocation.supersedeProposals(touching: id, on: sql)
            let withdrawn = try await sql.raw(
                """
                UPDATE aid_posts SET status = 'withdrawn', closed_at = \(bind: Date())
                WHERE id = \(bind: id) AND status = 'open' RETURNING id
                """
            ).all()
            guard !withdrawn.isEmpty else {
                let status = try await AidPost.find(id, on: db)?.status.label ?? AidPostStatus.gone
                let values: [String: Message.Value] = ["id": .text("\(id)"), "status": .message(status)]
                let closed =
                    switch post.kind {
                    case .offer:
                        Message("aid.error.offer-closed-already", "The offer {id} is {status} already.", values)
                    case .request:
                        Message("aid.error.request-closed-already", "The request {id} is {status} already.", values)
                    }
                throw Refusal(.conflict, closed)
            }
            try await AuditLog.record(
                context, action: "withdraw", recordType: "aid_\(post.kind.rawValue)", recordID: "\(id)",
                organisation: .city(post.$city.id),
                changes: AuditChanges(changes: [.init(field: "status", from: "open", to: "withdrawn")]), on: db)
        }
    }
}
