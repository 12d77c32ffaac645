import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

/// The aid module's write routes in the authorization matrix. Yokohama
/// posts offers and requests; its editors answer the allocations it is part
/// of; C40's coordinators run the matching over C40's members; only
/// platform administrators extend the catalogue.
extension WriteCase {
    static func offerJSON(_ f: MatrixFixture) -> String {
        #"{"city": \#(f.yokohama), "resource": "gowns", "quantity": \#(100 + f.next()), "availableUntil": "\#(MatrixFixture.inAMonth)", "contact": "desk@example.org"}"#
    }

    static func requestJSON(_ f: MatrixFixture) -> String {
        #"{"city": \#(f.yokohama), "resource": "gowns", "quantity": \#(100 + f.next()), "neededBy": "\#(MatrixFixture.inAMonth)", "urgency": "high", "contact": "desk@example.org"}"#
    }

    static func postForm(_ f: MatrixFixture, kind: AidPostKind) -> [String: String] {
        var form = [
            "city": "\(f.yokohama)", "resource": "gowns", "quantity": "\(100 + f.next())",
            "contact": "desk@example.org", "urgency": "high",
        ]
        form[kind == .offer ? "availableUntil" : "neededBy"] = MatrixFixture.inAMonth
        return form
    }

    static let aid: [WriteCase] = [
        WriteCase(route: "POST /api/v1/aid/resources", surface: .api, allowed: [.platformAdmin], success: .created) {
            f, _ in
            Attempt(
                path: "/api/v1/aid/resources",
                json: #"{"code": "sandbags-\#(f.next())", "name": "Sandbags", "unit": "bags", "category": "relief"}"#)
        },
        WriteCase(route: "POST /api/v1/aid/offers", surface: .api, allowed: Persona.cityEditors, success: .created) {
            f, _ in Attempt(path: "/api/v1/aid/offers", json: offerJSON(f))
        },
        WriteCase(route: "POST /api/v1/aid/requests", surface: .api, allowed: Persona.cityEditors, success: .created) {
            f, _ in Attempt(path: "/api/v1/aid/requests", json: requestJSON(f))
        },
        WriteCase(
            route: "POST /api/v1/aid/offers/:id/withdraw", surface: .api, allowed: Persona.cityEditors, success: .ok
        ) { f, _ in
            Attempt(path: "/api/v1/aid/offers/\(try await f.freshAidPost(.offer))/withdraw")
        },
        WriteCase(
            route: "POST /api/v1/aid/requests/:id/withdraw", surface: .api, allowed: Persona.cityEditors, success: .ok
        ) { f, _ in
            Attempt(path: "/api/v1/aid/requests/\(try await f.freshAidPost(.request))/withdraw")
        },
        WriteCase(
            route: "POST /api/v1/aid/matching-runs", surface: .api, allowed: Persona.networkEditors, success: .created
        ) { f, _ in
            Attempt(path: "/api/v1/aid/matching-runs", json: #"{"network": \#(f.c40)}"#)
        },
        WriteCase(
            route: "POST /api/v1/aid/allocations/:id/accept", surface: .api, allowed: Persona.cityEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path: "/api/v1/aid/allocations/\(try await f.freshAllocation(.proposed))/accept",
                json: #"{"side": "offerer"}"#)
        },
        WriteCase(
            route: "POST /api/v1/aid/allocations/:id/decline", surface: .api, allowed: Persona.cityEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path: "/api/v1/aid/allocations/\(try await f.freshAllocation(.proposed))/decline",
                json: #"{"side": "offerer"}"#)
        },
        WriteCase(
            route: "POST /api/v1/aid/allocations/:id/ship", surface: .api, allowed: Persona.cityEditors, success: .ok
        ) { f, _ in
            Attempt(path: "/api/v1/aid/allocations/\(try await f.freshAllocation(.committed))/ship", json: "{}")
        },
        WriteCase(
            route: "POST /api/v1/aid/allocations/:id/receive", surface: .api, allowed: Persona.cityEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path:
                    "/api/v1/aid/allocations/\(try await f.freshAllocation(.shipped, yokohamaRequests: true))/receive",
                json: "{}")
        },
        WriteCase(route: "POST /aid/offers", surface: .page, allowed: Persona.cityEditors, success: .seeOther) {
            f, _ in Attempt(path: "/aid/offers", form: postForm(f, kind: .offer))
        },
        WriteCase(route: "POST /aid/requests", surface: .page, allowed: Persona.cityEditors, success: .seeOther) {
            f, _ in Attempt(path: "/aid/requests", form: postForm(f, kind: .request))
        },
        WriteCase(
            route: "POST /aid/offers/:id/withdraw", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/aid/offers/\(try await f.freshAidPost(.offer))/withdraw", form: [:])
        },
        WriteCase(
            route: "POST /aid/requests/:id/withdraw", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/aid/requests/\(try await f.freshAidPost(.request))/withdraw", form: [:])
        },
        WriteCase(route: "POST /aid/matching-runs", surface: .page, allowed: Persona.networkEditors, success: .seeOther)
        {
            f, _ in Attempt(path: "/aid/matching-runs", form: ["network": "\(f.c40)"])
        },
        WriteCase(
            route: "POST /aid/allocations/:id/:step", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/aid/allocations/\(try await f.freshAllocation(.proposed))/accept", form: ["side": "offerer"])
        },
    ]
}

extension MatrixFixture {
    static let inAMonth = DateText.day(Date().addingTimeInterval(30 * 86_400))

    /// An open offer or request of Yokohama, written by the system through the edits.
    func freshAidPost(_ kind: AidPostKind, city: Int? = nil) async throws -> Int {
        let input = AidPostInput(
            city: city ?? yokohama, resource: "gowns", quantity: 100, unit: nil, availableFrom: nil,
            availableUntil: kind == .offer ? Self.inAMonth : nil, neededBy: kind == .request ? Self.inAMonth : nil,
            urgency: kind == .request ? "high" : nil, shipsAbroad: true, acceptsFromAbroad: true, maxDistanceKm: nil,
            transportPaidBy: nil, conditions: nil, contact: "desk@example.org")
        let post = try await AidPostEdits.create(input, kind: kind, context: .system(on: app.db, from: "test"))
        return try post.requireID()
    }

    /// An allocation between Yokohama (offering, unless `yokohamaRequests`) and Busan, at `status`,
    /// with the quantity held as the steps before it would have held it.
    func freshAllocation(_ status: AllocationStatus, yokohamaRequests: Bool = false) async throws -> Int {
        let offer = try await freshAidPost(.offer, city: yokohamaRequests ? otherCity : yokohama)
        let request = try await freshAidPost(.request, city: yokohamaRequests ? yokohama : otherCity)
        let run = try await app.recordedRun(offers: 1, requests: 1)
        let allocation = AidAllocation()
        allocation.$run.id = try run.requireID()
        allocation.$offer.id = offer
        allocation.$request.id = request
        allocation.quantity = 10
        allocation.distanceKm = 1_000
        allocation.arrivesOn = Self.inAMonth
        allocation.daysToSpare = 3
        allocation.unitCost = 10
        allocation.reasons = [.name("nearest available offer")]
        allocation.status = status
        if status != .proposed {
            allocation.offererDecision = .accepted
            allocation.requesterDecision = .accepted
            for post in [offer, request] {
                try await AidPost.query(on: app.db).filter(\.$id == post).set(\.$allocated, to: 10).update()
            }
        }
        if status == .shipped {
            allocation.shippedQuantity = 10
            allocation.shippedOn = DateText.day(Date())
        }
        try await allocation.create(on: app.db)
        return try allocation.requireID()
    }

    /// What a refused aid write must leave as it was.
    func aidFingerprint() async throws -> [String] {
        var lines: [String] = []
        let posts = try await AidPost.query(on: app.db).sort(\.$id).all()
        lines += posts.map { "post \($0.id!) \($0.status.rawValue) \($0.allocated)" }
        let allocations = try await AidAllocation.query(on: app.db).sort(\.$id).all()
        lines += allocations.map {
            "allocation \($0.id!) \($0.status.rawValue) \($0.offererDecision?.rawValue ?? "-") \($0.requesterDecision?.rawValue ?? "-") \($0.shippedQuantity ?? -1) \($0.receivedQuantity ?? -1)"
        }
        return lines
    }
}
