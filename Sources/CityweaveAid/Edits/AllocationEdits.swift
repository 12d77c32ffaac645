import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Moves an allocation from proposal to receipt. The quantities a city
/// accepts are held against the offer and the request by conditional
/// updates (`allocated + q <= quantity`), each in the transaction of the
/// decision it belongs to: the database itself refuses the acceptance that
/// would over-allocate, however many people accept at the same moment, on
/// SQLite (one writer at a time) and on PostgreSQL (row locks; the
/// condition is checked again on the locked row).
package enum AllocationEdits {
    /// The body of accept, decline, ship and receive; every field is optional.
    package struct Action: Content {
        /// Which city acts, when the person may act for both (a platform administrator).
        package var side: String?
        /// Ship and receive: the quantity that left or arrived.
        package var quantity: Int?
        /// Ship and receive: the day it happened, `YYYY-MM-DD` (today when left out).
        package var date: String?
    }

    package static func allocation(_ id: Int, on database: any Database) async throws -> AidAllocation {
        guard let allocation = try await AidAllocation.find(id, on: database) else {
            throw Abort(.notFound, reason: "There is no allocation \(id).")
        }
        return allocation
    }

    /// The offering and the requesting city.
    package static func cities(of allocation: AidAllocation, on database: any Database) async throws
        -> (offerer: Int, requester: Int)
    {
        try await allocation.$offer.load(on: database)
        try await allocation.$request.load(on: database)
        return (allocation.offer.$city.id, allocation.request.$city.id)
    }

    /// Which side the person acts for: their own city's, or the one named by `side`.
    private static func side(
        of allocation: AidAllocation, named: String?, allowed: [AllocationSide], context: EditContext
    ) async throws -> AllocationSide {
        let cities = try await cities(of: allocation, on: context.db)
        let user = context.user
        let mine = allowed.filter { side in
            AccessPolicy.holds(
                .editor, in: [.city(side == .offerer ? cities.offerer : cities.requester)], user: user)
        }
        if let named {
            let side = try FieldChoice.parse(AllocationSide.self, named, field: "side")
            guard allowed.contains(side) else {
                throw BadRequest("'side': only the \(allowed.map(\.rawValue).joined(separator: " or ")) may do this.")
            }
            guard mine.contains(side) else {
                throw Abort(.forbidden, reason: "Only editors of the \(side.rawValue)'s city may act for it.")
            }
            return side
        }
        guard let only = mine.first else {
            let who = allowed.map { "the \($0 == .offerer ? "offering" : "requesting") city" }
            throw Abort(.forbidden, reason: "Only editors of \(who.joined(separator: " or ")) may do this.")
        }
        guard mine.count == 1 else {
            throw BadRequest("'side' is required: you may act for the offerer and for the requester.")
        }
        return only
    }

    /// Accepts for one side. The first acceptance holds the quantity on both
    /// posts; the second commits. A 409 when the side has decided already,
    /// when the proposal is no longer open, or when the quantity is no longer free.
    /// The side the person acts for on allocation `id`, among `allowed` (see ``side(of:named:allowed:context:)``):
    /// the one home of who may take each step.
    private static func acting(_ id: Int, as named: String?, allowed: [AllocationSide], context: EditContext)
        async throws -> AllocationSide
    {
        try await side(of: try await allocation(id, on: context.db), named: named, allowed: allowed, context: context)
    }

    package static func accept(_ id: Int, side named: String?, context: EditContext) async throws {
        let side = try await acting(id, as: named, allowed: AllocationSide.allCases, context: context)
        try await change(id, action: "\(side.rawValue) decision", organisationSide: side, context: context) {
            allocation, sql in
            if let decided = allocation.decision(of: side) {
                throw Abort(
                    .conflict, reason: "The \(side.cityWords) has already \(decided.rawValue) allocation \(id).")
            }
            guard [.proposed, .accepted].contains(allocation.status) else {
                throw Abort(
                    .conflict,
                    reason: "Allocation \(id) is \(allocation.status.rawValue); it can no longer be accepted.")
            }
            allocation.setDecision(.accepted, for: side)
            if allocation.status == .proposed {
                try await hold(allocation.quantity, of: allocation.$offer.id, on: sql)
                try await hold(allocation.quantity, of: allocation.$request.id, on: sql)
                allocation.status = .accepted
            } else {
                allocation.status = .committed
            }
        }
    }

    /// Declines for one side, before anything has shipped: a proposal, or
    /// an allocation already accepted or committed that the city can no
    /// longer honour. What the allocation held is freed.
    package static func decline(_ id: Int, side named: String?, context: EditContext) async throws {
        let side = try await acting(id, as: named, allowed: AllocationSide.allCases, context: context)
        try await change(id, action: "\(side.rawValue) decision", organisationSide: side, context: context) {
            allocation, sql in
            guard [.proposed, .accepted, .committed].contains(allocation.status) else {
                throw Abort(
                    .conflict,
                    reason:
                        "Allocation \(id) is \(allocation.status.rawValue); only an allocation that has not shipped can be declined."
                )
            }
            if allocation.decision(of: side) == .declined {
                throw Abort(.conflict, reason: "The \(side.cityWords) has already declined allocation \(id).")
            }
            if allocation.status.isActive {
                try await release(allocation.quantity, of: allocation.$offer.id, on: sql)
                try await release(allocation.quantity, of: allocation.$request.id, on: sql)
            }
            allocation.setDecision(.declined, for: side)
            allocation.status = .declined
        }
    }

    /// The offering city records what left, at most what was committed; the
    /// rest is freed on both posts.
    package static func ship(_ id: Int, quantity: Int?, date: String?, side named: String? = nil, context: EditContext)
        async throws
    {
        _ = try await acting(id, as: named, allowed: [.offerer], context: context)
        let day = try DateText.pastDay(date, field: "date")
        try await change(id, action: "ship", organisationSide: .offerer, context: context) { allocation, sql in
            guard allocation.status == .committed else {
                throw Abort(
                    .conflict,
                    reason:
                        "Allocation \(id) is \(allocation.status.rawValue); only a committed allocation (accepted by both cities) can ship."
                )
            }
            if let committed = [allocation.offererDecidedAt, allocation.requesterDecidedAt].compactMap({ $0 }).max(),
                day < DateText.day(committed)
            {
                throw BadRequest("'date' \(day) is before the allocation was committed on \(DateText.day(committed)).")
            }
            let shipped = quantity ?? allocation.quantity
            guard (1...allocation.quantity).contains(shipped) else {
                throw BadRequest(
                    "'quantity' shipped must be from 1 to the \(allocation.quantity) committed; got \(shipped).")
            }
            if shipped < allocation.quantity {
                try await release(allocation.quantity - shipped, of: allocation.$offer.id, on: sql)
                try await release(allocation.quantity - shipped, of: allocation.$request.id, on: sql)
            }
            allocation.shippedQuantity = shipped
            allocation.shippedOn = day
            allocation.status = .shipped
        }
    }

    /// The requesting city records what arrived, at most what shipped; what
    /// was lost on the way is needed again. A request whose quantity has all
    /// arrived is fulfilled.
    package static func receive(
        _ id: Int, quantity: Int?, date: String?, side named: String? = nil, context: EditContext
    )
        async throws
    {
        _ = try await acting(id, as: named, allowed: [.requester], context: context)
        let day = try DateText.pastDay(date, field: "date")
        try await change(id, action: "receive", organisationSide: .requester, context: context) { allocation, sql in
            guard allocation.status == .shipped, let shipped = allocation.shippedQuantity else {
                throw Abort(
                    .conflict,
                    reason:
                        "Allocation \(id) is \(allocation.status.rawValue); only a shipped allocation can be received.")
            }
            let received = quantity ?? shipped
            guard (0...shipped).contains(received) else {
                throw BadRequest("'quantity' received must be from 0 to the \(shipped) shipped; got \(received).")
            }
            if let shippedOn = allocation.shippedOn, day < shippedOn {
                throw BadRequest("'date' \(day) is before the shipment left on \(shippedOn).")
            }
            // Other allocations' rows before the request's, the order every step locks them in.
            let fulfilled = try await fulfills(allocation.$request.id, receiving: received, by: id, on: sql)
            if fulfilled {
                try await AidAllocation.supersedeProposals(touching: allocation.$request.id, on: sql)
            }
            if received < shipped {
                try await release(shipped - received, of: allocation.$request.id, on: sql)
            }
            allocation.receivedQuantity = received
            allocation.receivedOn = day
            allocation.status = .received
            if fulfilled {
                try await sql.raw(
                    """
                    UPDATE aid_posts SET status = 'fulfilled', closed_at = \(bind: Date())
                    WHERE id = \(bind: allocation.$request.id) AND status = 'open'
                    """
                ).run()
            }
        }
    }

    // MARK: the transaction every change runs in

    /// Locks the allocation's row, reads it afresh, lets `body` check and
    /// change it, saves it with an audit entry: all one transaction, so two
    /// people acting at once act one after the other.
    private static func change(
        _ id: Int, action: String, organisationSide: AllocationSide, context: EditContext,
        _ body: @escaping @Sendable (AidAllocation, any SQLDatabase) async throws -> Void
    ) async throws {
        try await context.db.transaction { db in
            let sql = db as! any SQLDatabase
            // A write first: PostgreSQL locks the row, SQLite takes its one
            // writer's lock before it reads, so the read below is current.
            try await sql.raw("UPDATE aid_allocations SET status = status WHERE id = \(bind: id)").run()
            let allocation = try await allocation(id, on: db)
            let before = allocation.status
            try await body(allocation, sql)
            try await allocation.save(on: db)
            let offer = try await AidPost.find(allocation.$offer.id, on: db)
            let requestPost = try await AidPost.find(allocation.$request.id, on: db)
            let city = organisationSide == .offerer ? offer?.$city.id : requestPost?.$city.id
            try await AuditLog.record(
                context, action: action, recordType: "aid_allocation", recordID: "\(id)",
                organisation: city.map { .city($0) },
                changes: AuditChanges(
                    changes: [.init(field: "status", from: before.rawValue, to: allocation.status.rawValue)]),
                on: db)
        }
    }

    // MARK: the held quantities

    /// Holds `quantity` more units of a post, or refuses with a 409 saying how many are free.
    private static func hold(_ quantity: Int, of postID: Int, on sql: any SQLDatabase) async throws {
        let held = try await sql.raw(
            """
            UPDATE aid_posts SET allocated = allocated + \(bind: quantity)
            WHERE id = \(bind: postID) AND status = 'open' AND allocated + \(bind: quantity) <= quantity
            RETURNING id
            """
        ).all()
        guard held.isEmpty else { return }
        let rows = try await sql.raw(
            "SELECT kind, quantity, allocated, status FROM aid_posts WHERE id = \(bind: postID)"
        ).all()
        let row = rows.first
        let kind = (try? row?.decode(column: "kind", as: String.self)) ?? "post"
        let status = (try? row?.decode(column: "status", as: String.self)) ?? ""
        guard status == AidPostStatus.open.rawValue else {
            throw Abort(.conflict, reason: "The \(kind) \(postID) is \(status); it takes no more allocations.")
        }
        let total = (try? row?.decode(column: "quantity", as: Int.self)) ?? 0
        let allocated = (try? row?.decode(column: "allocated", as: Int.self)) ?? 0
        throw Abort(
            .conflict,
            reason:
                "The \(kind) \(postID) has \(total - allocated) of \(total) units free and this allocation needs \(quantity): another allocation took them first. Run the matching again."
        )
    }

    private static func release(_ quantity: Int, of postID: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE aid_posts SET allocated = allocated - \(bind: quantity) WHERE id = \(bind: postID)"
        ).run()
    }

    /// Whether what arrived for a request (earlier, and now by `allocation`) covers it.
    private static func fulfills(_ requestID: Int, receiving received: Int, by allocation: Int, on sql: any SQLDatabase)
        async throws -> Bool
    {
        let rows = try await sql.raw(
            """
            SELECT p.quantity AS quantity, CAST(COALESCE(SUM(a.received_quantity), 0) AS BIGINT) AS received
            FROM aid_posts p LEFT JOIN aid_allocations a
              ON a.request_id = p.id AND a.status = 'received' AND a.id <> \(bind: allocation)
            WHERE p.id = \(bind: requestID) GROUP BY p.quantity
            """
        ).all()
        guard let row = rows.first else { return false }
        return try row.decode(column: "received", as: Int.self) + received
            >= row.decode(column: "quantity", as: Int.self)
    }
}

extension AllocationSide {
    package var cityWords: String { self == .offerer ? "offering city" : "requesting city" }
}

extension AidAllocation {
    package func decision(of side: AllocationSide) -> AllocationDecision? {
        side == .offerer ? offererDecision : requesterDecision
    }

    package func setDecision(_ decision: AllocationDecision, for side: AllocationSide) {
        switch side {
        case .offerer:
            offererDecision = decision
            offererDecidedAt = Date()
        case .requester:
            requesterDecision = decision
            requesterDecidedAt = Date()
        }
    }
}
