import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Keeping an advisor's proposal as a named plan.
package enum PlanEdits {
    package struct Input: Content {
        package var name: String
        package var whatIf: PortfolioAdvising.WhatIf?
    }

    /// Keeps the advice `advise` gives for the input's what-if, once the name is checked.
    package static func save(
        _ input: Input, cityID: Int, advise: (PortfolioAdvising.WhatIf) async throws -> PortfolioAdviceDTO,
        context: EditContext
    ) async throws -> PortfolioPlan {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw BadRequest(
                Message(
                    "engagement.error.plan-name", "'{field}' is required: what the plan is for.",
                    ["field": .text("name")]))
        }
        guard name.count <= 200 else { throw BadRequest.tooLong("name", limit: 200) }
        let advice = try await advise(input.whatIf ?? .init())
        let plan = PortfolioPlan()
        plan.$city.id = cityID
        plan.name = name
        plan.strategyRevision = advice.settings.strategyRevision
        plan.advice = advice
        plan.authorName = context.user?.name ?? "system"
        try await context.db.transaction { db in
            try await plan.create(on: db)
            try await AuditLog.record(
                context, action: "save-plan", recordType: "portfolio-plan", recordID: "\(try plan.requireID())",
                organisation: .city(cityID),
                changes: AuditChanges(changes: [.init(field: "name", from: "null", to: name)]), on: db)
        }
        return plan
    }
}
