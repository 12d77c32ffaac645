import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Saving a city's strategy as its next revision.
package enum StrategyEdits {
    package static func save(_ input: StrategyInput, cityID: Int, context: EditContext) async throws -> CityStrategy {
        let checked = try input.checked()
        let strategy = CityStrategy()
        strategy.$city.id = cityID
        strategy.priorities = checked.priorities
        strategy.objectives = checked.objectives
        strategy.hoursPerMonth = checked.capacity.hoursPerMonth
        strategy.yearlyBudget = checked.capacity.yearlyBudget
        strategy.costPerHour = checked.costPerHour
        strategy.currency = checked.currency
        strategy.reviewOn = checked.reviewOn
        strategy.newEngagementHours = checked.newEngagementHours
        strategy.newEngagementFee = checked.newEngagementFee
        strategy.sharesValueRatings = checked.sharesValueRatings
        strategy.authorName = context.user?.name ?? "system"
        strategy.isExample = context.writesExamples
        do {
            try await context.db.transaction { db in
                // Editors saving at once take their revision numbers in turn.
                try await db.lockRow(cityID, of: City.schema)
                let latest = try await CityStrategy.query(on: db).filter(\.$city.$id == cityID)
                    .sort(\.$revision, .descending).first()
                strategy.revision = (latest?.revision ?? 0) + 1
                try await strategy.create(on: db)
                try await AuditLog.record(
                    context, action: "revise", recordType: "strategy", recordID: "\(cityID)",
                    organisation: .city(cityID),
                    changes: try AuditChanges.between(latest.map(StrategyRecord.init), StrategyRecord(strategy)),
                    on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two editors saved at once; the other one's revision took the number.
            throw Refusal(
                .conflict,
                Message(
                    "engagement.error.revision-conflict",
                    "Another revision was saved at the same moment; reload and try again."))
        }
        return strategy
    }

    /// What the audit log compares between revisions.
    package struct StrategyRecord: Encodable {
        package var priorities: [StrategyPriority]
        package var objectives: String
        package var hoursPerMonth, yearlyBudget, costPerHour, newEngagementHours, newEngagementFee: Double
        package var currency: String
        package var reviewOn: String?
        package var sharesValueRatings: Bool

        package init(_ strategy: CityStrategy) {
            priorities = strategy.priorities
            objectives = strategy.objectives
            hoursPerMonth = strategy.hoursPerMonth
            yearlyBudget = strategy.yearlyBudget
            costPerHour = strategy.costPerHour
            newEngagementHours = strategy.newEngagementHours
            newEngagementFee = strategy.newEngagementFee
            currency = strategy.currency
            reviewOn = strategy.reviewOn
            sharesValueRatings = strategy.sharesValueRatings
        }
    }
}
