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

/// The knowledge module's write routes in the authorization matrix: a
/// practice and its publication belong to Yokohama's editors, a review to
/// C40's, a transfer to the adapting city's (Yokohama, adapting Busan's practice).
extension WriteCase {
    static let practiceFields =
        #""language": "en", "title": "Night buses", "summary": "S", "problem": "P", "method": ["One"], "stage": "pilot", "themes": ["mobility"]"#

    static let practiceForm: [String: String] = [
        "language": "en", "title": "Night buses", "summary": "S", "problem": "P", "method": "One", "stage": "pilot",
        "themes[]": "mobility",
    ]

    static let knowledge: [WriteCase] = [
        WriteCase(route: "POST /api/v1/practices", surface: .api, allowed: Persona.cityEditors, success: .created) {
            f, _ in
            Attempt(path: "/api/v1/practices", json: #"{"city": \#(f.yokohama), \#(practiceFields)}"#)
        },
        WriteCase(route: "PATCH /api/v1/practices/:id", surface: .api, allowed: Persona.cityEditors, success: .ok) {
            f, _ in
            Attempt(
                path: "/api/v1/practices/\(try await f.freshPractice(of: f.yokohama, published: true))",
                json: #"{"title": "Edited \#(f.next())"}"#)
        },
        WriteCase(
            route: "DELETE /api/v1/practices/:id", surface: .api, allowed: Persona.cityEditors, success: .noContent,
            hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(path: "/api/v1/practices/\(try await f.freshPractice(of: f.yokohama, published: false))")
        },
        WriteCase(
            route: "PUT /api/v1/practices/:id/publication", surface: .api, allowed: Persona.cityEditors, success: .ok,
            hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(
                path: "/api/v1/practices/\(try await f.freshPractice(of: f.yokohama, published: false))/publication",
                json: #"{"published": true}"#)
        },
        WriteCase(
            route: "PUT /api/v1/practices/:id/reviews/:network", surface: .api, allowed: Persona.networkEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path: "/api/v1/practices/\(try await f.freshPractice(of: f.yokohama, published: true))/reviews/c40",
                json: #"{"readableAlone": true, "evidenceGiven": false}"#)
        },
        WriteCase(
            route: "DELETE /api/v1/practices/:id/reviews/:network", surface: .api, allowed: Persona.networkEditors,
            success: .noContent
        ) { f, _ in
            Attempt(path: "/api/v1/practices/\(try await f.freshReviewedPractice())/reviews/c40")
        },
        WriteCase(
            route: "POST /api/v1/practices/:id/transfers", surface: .api, allowed: Persona.cityEditors,
            success: .created
        ) { f, _ in
            Attempt(
                path: "/api/v1/practices/\(try await f.freshPractice(of: f.otherCity, published: true))/transfers",
                json: #"{"city": \#(f.yokohama), "stage": "exploring"}"#)
        },
        WriteCase(
            route: "PATCH /api/v1/practices/:id/transfers/:transferID", surface: .api, allowed: Persona.cityEditors,
            success: .ok
        ) { f, _ in
            let (practice, transfer) = try await f.freshTransfer(by: f.yokohama, of: f.otherCity, stage: .exploring)
            return Attempt(
                path: "/api/v1/practices/\(practice)/transfers/\(transfer)", json: #"{"stage": "adapting"}"#)
        },
        WriteCase(
            route: "PUT /api/v1/practices/:id/transfers/:transferID/evidence", surface: .api,
            allowed: Persona.cityEditors, success: .ok
        ) { f, _ in
            let (practice, transfer) = try await f.freshTransfer(by: f.otherCity, of: f.yokohama, stage: .implemented)
            return Attempt(
                path: "/api/v1/practices/\(practice)/transfers/\(transfer)/evidence",
                json: #"{"countsAsEvidence": true}"#)
        },
        WriteCase(route: "POST /practices", surface: .page, allowed: Persona.cityEditors, success: .seeOther) { f, _ in
            Attempt(path: "/practices", form: practiceForm.merging(["city": "\(f.yokohama)"]) { $1 })
        },
        WriteCase(route: "POST /practices/:id/edit", surface: .page, allowed: Persona.cityEditors, success: .seeOther) {
            f, _ in
            Attempt(
                path: "/practices/\(try await f.freshPractice(of: f.yokohama, published: true))/edit",
                form: practiceForm.merging(["title": "Edited \(f.next())"]) { $1 })
        },
        WriteCase(
            route: "POST /practices/:id/publish", surface: .page, allowed: Persona.cityEditors, success: .seeOther,
            hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(
                path: "/practices/\(try await f.freshPractice(of: f.yokohama, published: false))/publish", form: [:])
        },
        WriteCase(
            route: "POST /practices/:id/withdraw", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/practices/\(try await f.freshPractice(of: f.yokohama, published: true))/withdraw", form: [:])
        },
        WriteCase(
            route: "POST /practices/:id/delete", surface: .page, allowed: Persona.cityEditors, success: .seeOther,
            hiddenFrom: Persona.networkPeople
        ) {
            f, _ in
            Attempt(path: "/practices/\(try await f.freshPractice(of: f.yokohama, published: false))/delete", form: [:])
        },
        WriteCase(
            route: "POST /practices/:id/reviews/:network", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/practices/\(try await f.freshPractice(of: f.yokohama, published: true))/reviews/c40",
                form: ["readableAlone": "on"])
        },
        WriteCase(
            route: "POST /practices/:id/transfers", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/practices/\(try await f.freshPractice(of: f.otherCity, published: true))/transfers",
                form: ["city": "\(f.yokohama)", "stage": "adapting"])
        },
        WriteCase(
            route: "POST /practices/:id/transfers/:transferID/steps", surface: .page, allowed: Persona.cityEditors,
            success: .seeOther
        ) { f, _ in
            let (practice, transfer) = try await f.freshTransfer(by: f.yokohama, of: f.otherCity, stage: .adapting)
            return Attempt(path: "/practices/\(practice)/transfers/\(transfer)/steps", form: ["stage": "piloting"])
        },
        WriteCase(
            route: "POST /practices/:id/transfers/:transferID/evidence", surface: .page, allowed: Persona.cityEditors,
            success: .seeOther
        ) { f, _ in
            let (practice, transfer) = try await f.freshTransfer(by: f.otherCity, of: f.yokohama, stage: .evaluated)
            return Attempt(
                path: "/practices/\(practice)/transfers/\(transfer)/evidence", form: ["countsAsEvidence": "true"])
        },
    ]
}

extension Persona {
    /// People of the network, who are not of the city whose drafts the cases use.
    static let networkPeople: Set<Persona> = [.networkViewer, .networkEditor, .networkAdmin, .networkSignatory]
}

extension MatrixFixture {
    /// A practice of `cityID`, created straight in the database.
    func freshPractice(of cityID: Int, published: Bool) async throws -> Int {
        let practice = Practice()
        practice.$city.id = cityID
        practice.isExample = false
        var input = PracticeInput()
        input.language = .set("en")
        input.title = .set("Practice \(next())")
        input.summary = .set("Summary")
        input.problem = .set("Problem")
        input.method = .set(["Step"])
        input.stage = .set("implemented")
        input.themes = .set(["health"])
        try input.apply(to: practice)
        practice.publishedAt = published ? Date() : nil
        try await practice.create(on: app.db)
        try await PracticeSearch.update(practice, on: app.db)
        return try practice.requireID()
    }

    func freshReviewedPractice() async throws -> Int {
        let id = try await freshPractice(of: yokohama, published: true)
        let review = PracticeReview()
        review.$practice.id = id
        review.$network.id = c40
        review.reviewedAt = Date()
        review.missingSections = []
        review.readableAlone = true
        review.evidenceGiven = true
        review.comment = ""
        review.reviewerName = "C40"
        try await review.create(on: app.db)
        return id
    }

    /// `adapter` adapting a fresh practice of `owner`, at `stage`.
    func freshTransfer(by adapter: Int, of owner: Int, stage: TransferStage) async throws -> (Int, Int) {
        let practice = try await freshPractice(of: owner, published: true)
        let transfer = PracticeTransfer()
        transfer.$practice.id = practice
        transfer.$city.id = adapter
        transfer.stage = stage
        transfer.countsAsEvidence = false
        transfer.isExample = false
        try await transfer.create(on: app.db)
        let step = TransferStep()
        step.$transfer.id = try transfer.requireID()
        step.stage = stage
        step.date = "2021-01-01"
        step.notes = ""
        try await step.create(on: app.db)
        return (practice, try transfer.requireID())
    }

    /// What a refused knowledge write must leave as it was.
    func knowledgeFingerprint() async throws -> [String] {
        var lines: [String] = []
        for practice in try await Practice.query(on: app.db).sort(\.$id).all() {
            lines.append("practice \(practice.id!) \(practice.title) \(practice.isPublished)")
        }
        for transfer in try await PracticeTransfer.query(on: app.db).sort(\.$id).all() {
            lines.append("transfer \(transfer.id!) \(transfer.stage.rawValue) \(transfer.countsAsEvidence)")
        }
        return lines
    }
}
