import Fluent
import Vapor

/// Keeping an advisor's proposal as a named plan.
enum PlanEdits {
    struct Input: Content {
        var name: String
        var whatIf: PortfolioAdvising.WhatIf?
    }

    static func save(_ input: Input, cityID: Int, request: Request) async throws -> PortfolioPlan {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw BadRequest("'name' is required: what the plan is for.") }
        guard name.count <= 200 else { throw BadRequest("'name' may be at most 200 characters long.") }
        let advice = try await PortfolioAdvising.advise(
            cityID: cityID, whatIf: input.whatIf ?? .init(), request: request)
        let plan = PortfolioPlan()
        plan.$city.id = cityID
        plan.name = name
        plan.strategyRevision = advice.settings.strategyRevision
        plan.advice = advice
        plan.authorName = request.actor?.user.name ?? "system"
        try await request.db.transaction { db in
            try await plan.create(on: db)
            try await AuditLog.record(
                request, action: "save-plan", recordType: "portfolio-plan", recordID: "\(try plan.requireID())",
                organisation: .city(cityID),
                changes: AuditChanges(changes: [.init(field: "name", from: "null", to: name)]), on: db)
        }
        return plan
    }
}
