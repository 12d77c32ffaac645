import Fluent
import Vapor

/// Posting and withdrawing offers and requests; each write is one
/// transaction with its audit entry.
enum AidPostEdits {
    static func create(_ input: AidPostInput, kind: AidPostKind, request: Request) async throws -> AidPost {
        let post = AidPost()
        try await input.apply(to: post, kind: kind, on: request.db)
        post.allocated = 0
        post.status = .open
        post.isExample = false
        post.$postedBy.id = request.actor?.user.id
        try await request.db.transaction { db in
            try await post.create(on: db)
            try await AuditLog.record(
                request, action: "create", recordType: "aid_\(kind.rawValue)", recordID: "\(try post.requireID())",
                organisation: .city(input.city),
                changes: AuditChanges(
                    changes: [.init(field: "quantity", from: "", to: "\(input.quantity) \(input.resource)")]),
                on: db)
        }
        return try await AidQueries.post(try post.requireID(), kind: kind, on: request.db)
    }

    /// Takes a post out of future matchings; allocations already accepted
    /// go on, proposals nobody answered are withdrawn with it.
    static func withdraw(_ post: AidPost, request: Request) async throws {
        guard post.status == .open else {
            throw Abort(.conflict, reason: "The \(post.kind.rawValue) \(post.id!) is \(post.status.rawValue) already.")
        }
        let id = try post.requireID()
        try await request.db.transaction { db in
            post.status = .withdrawn
            post.closedAt = Date()
            try await post.update(on: db)
            try await AidAllocation.query(on: db).filter(\.$status == .proposed)
                .group(.or) { $0.filter(\.$offer.$id == id).filter(\.$request.$id == id) }
                .set(\.$status, to: .superseded).update()
            try await AuditLog.record(
                request, action: "withdraw", recordType: "aid_\(post.kind.rawValue)", recordID: "\(id)",
                organisation: .city(post.$city.id),
                changes: AuditChanges(changes: [.init(field: "status", from: "open", to: "withdrawn")]), on: db)
        }
    }
}
