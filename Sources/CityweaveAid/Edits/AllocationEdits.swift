import CityweaveAccounts
import CityweaveCore
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
            throw Refusal(.notFound, AidQueries.noSuchAllocation(id))
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
                throw BadRequest(
                    Message(
                        "aid.error.side-not-allowed", "'{field}': only the {sides} may do this.",
                        ["field": .text("side"), "sides": .alternatives(allowed.map(\.message))]))
            }
            guard mine.contains(side) else {
                let refusal =
                    switch side {
                    case .offerer:
                        Message("aid.error.not-offerer-editor", "Only editors of the offerer's city may act for it.")
                    case .requester:
                        Message(
                            "aid.error.not-requester-editor", "Only editors of the requester's city may act for it.")
                    }
                throw Refusal(.forbidden, refusal)
            }
            return side
        }
        guard let only = mine.first else {
            let refusal =
                switch (allowed.contains(.offerer), allowed.contains(.requester)) {
                case (true, false):
                    Message("aid.error.offering-editors-only", "Only editors of the offering city may do this.")
                case (false, true):
                    Message("aid.error.requesting-editors-only", "Only editors of the requesting city may do this.")
                default:
                    Message(
                        "aid.error.either-editors-only",
                        "Only editors of the offering city or the requesting city may do this.")
                }
            throw Refusal(.forbidden, refusal)
        }
        guard mine.count == 1 else {
            throw BadRequest(
                Message(
                    "aid.error.side-required",
                    "'{field}' is required: you may act for the offerer and for the requester.",
                    ["field": .text("side")]))
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
                throw Refusal(.conflict, side.alreadyDecided(decided, allocation: id))
            }
            guard [.proposed, .accepted].contains(allocation.status) else {
                throw Refusal(
                    .conflict,
                    Message(
                        "aid.error.no-longer-acceptable", "Allocation {id} is {status}; it can no longer be accepted.",
                        allocation.statusValues))
            }
            allocation.setDecision(.accepted, for: side)
            if allocation.status == .proposed {
                try await hold(allocation.quantity, of: .offer, allocation.$offer.id, on: sql)
                try await hold(allocation.quantity, of: .request, allocation.$request.id, on: sql)
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
                throw Refusal(
                    .conflict,
                    Message(
                        "aid.error.not-declinable",
                        "Allocation {id} is {status}; only an allocation that has not shipped can be declined.",
                        allocation.statusValues))
            }
            if allocation.decision(of: side) == .declined {
                throw Refusal(.conflict, side.alreadyDecided(.declined, allocation: id))
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
                throw Refusal(
                    .conflict,
                    Message(
                        "aid.error.not-shippable",
                        "Allocation {id} is {status}; only a committed allocation (accepted by both cities) can ship.",
                        allocation.statusValues))
            }
            if let committed = [allocation.offererDecidedAt, allocation.requesterDecidedAt].compactMap({ $0 }).max(),
                day < DateText.day(committed)
            {
                throw BadRequest(
                    Message(
                        "aid.error.shipped-before-commitment",
                        "'{field}' {day} is before the allocation was committed on {committed}.",
                        ["field": .text("date"), "day": .text(day), "committed": .text(DateText.day(committed))]))
            }
            let shipped = quantity ?? allocation.quantity
            guard (1...allocation.quantity).contains(shipped) else {
                throw BadRequest(
                    Message(
                        "aid.error.shipped-quantity",
                        "'{field}' shipped must be from 1 to the {committed} committed; got {given}.",
                        [
                            "field": .text("quantity"), "committed": .count(allocation.quantity),
                            "given": .text("\(shipped)"),
                        ]))
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
                throw Refusal(
                    .conflict,
                    Message(
                        "aid.error.not-receivable",
                        "Allocation {id} is {status}; only a shipped allocation can be received.",
                        allocation.statusValues))
            }
            let received = quantity ?? shipped
            guard (0...shipped).contains(received) else {
                throw BadRequest(
                    Message(
                        "aid.error.received-quantity",
                        "'{field}' received must be from 0 to the {shipped} shipped; got {given}.",
                        ["field": .text("quantity"), "shipped": .count(shipped), "given": .text("\(received)")]))
            }
            if let shippedOn = allocation.shippedOn, day < shippedOn {
                throw BadRequest(
                    Message(
                        "aid.error.received-before-shipment",
                        "'{field}' {day} is before the shipment left on {shipped}.",
                        ["field": .text("date"), "day": .text(day), "shipped": .text(shippedOn)]))
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

    /// Holds `quantity` more units of the offer or request `postID`, or refuses with a 409 saying how many are free.
    private static func hold(_ quantity: Int, of kind: AidPostKind, _ postID: Int, on sql: any SQLDatabase)
        async throws
    {
        let held = try await sql.raw(
            """
            UPDATE aid_posts SET allocated = allocated + \(bind: quantity)
            WHERE id = \(bind: postID) AND status = 'open' AND allocated + \(bind: quantity) <= quantity
            RETURNING id
            """
        ).all()
        guard held.isEmpty else { return }
        let rows = try await sql.raw(
            "SELECT quantity, allocated, status FROM aid_posts WHERE id = \(bind: postID)"
        ).all()
        let row = rows.first
        let status = (try? row?.decode(column: "status", as: String.self)).flatMap(AidPostStatus.init(rawValue:))
        guard status == .open else {
            let values: [String: Message.Value] = [
                "id": .text("\(postID)"), "status": .message(status?.label ?? AidPostStatus.gone),
            ]
            let closed =
                switch kind {
                case .offer:
                    Message(
                        "aid.error.offer-closed", "The offer {id} is {status}; it takes no more allocations.", values)
                case .request:
                    Message(
                        "aid.error.request-closed", "The request {id} is {status}; it takes no more allocations.",
                        values)
                }
            throw Refusal(.conflict, closed)
        }
        let total = (try? row?.decode(column: "quantity", as: Int.self)) ?? 0
        let allocated = (try? row?.decode(column: "allocated", as: Int.self)) ?? 0
        let values: [String: Message.Value] = [
            "id": .text("\(postID)"), "free": .count(total - allocated), "needed": .count(quantity),
        ]
        // "units" agrees with the total, the number it follows.
        let taken =
            switch kind {
            case .offer:
                Message(
                    "aid.error.offer-taken",
                    one:
                        "The offer {id} has {free} of {count} unit free and this allocation needs {needed}: another allocation took them first. Run the matching again.",
                    other:
                        "The offer {id} has {free} of {count} units free and this allocation needs {needed}: another allocation took them first. Run the matching again.",
                    count: total, values)
            case .request:
                Message(
                    "aid.error.request-taken",
                    one:
                        "The request {id} has {free} of {count} unit free and this allocation needs {needed}: another allocation took them first. Run the matching again.",
                    other:
                        "The request {id} has {free} of {count} units free and this allocation needs {needed}: another allocation took them first. Run the matching again.",
                    count: total, values)
            }
        throw Refusal(.conflict, taken)
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
    /// "The offering city has already accepted allocation 7."
    package func alreadyDecided(_ decision: AllocationDecision, allocation id: Int) -> Message {
        let values: [String: Message.Value] = ["id": .text("\(id)")]
        return switch (self, decision) {
        case (.offerer, .accepted):
            Message(
                "aid.error.offerer-accepted-already", "The offering city has already accepted allocation {id}.", values)
        case (.offerer, .declined):
            Message(
                "aid.error.offerer-declined-already", "The offering city has already declined allocation {id}.", values)
        case (.requester, .accepted):
            Message(
                "aid.error.requester-accepted-already", "The requesting city has already accepted allocation {id}.",
                values)
        case (.requester, .declined):
            Message(
                "aid.error.requester-declined-already", "The requesting city has already declined allocation {id}.",
                values)
        }
    }
}

extension AidAllocation {
    /// The allocation's id and status, for a sentence that says what it is: "Allocation 7 is shipped; …".
    fileprivate var statusValues: [String: Message.Value] {
        ["id": .text("\(id!)"), "status": .message(status.word)]
    }

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
