import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// A strategy as a client sends it: priority themes with weights, the
/// capacity, and what the advisor should assume. ``checked()`` names the
/// first bad field.
package struct StrategyInput: Content {
    package var priorities: [PriorityInput]
    package var objectives: String?
    package var hoursPerMonth: Double
    package var yearlyBudget: Double
    package var costPerHour: Double?
    package var currency: String?
    package var reviewOn: String?
    package var newEngagementHours: Double?
    package var newEngagementFee: Double?
    package var sharesValueRatings: Bool?

    /// A checked strategy, ready to be stored as the next revision.
    package struct Checked {
        package var priorities: [StrategyPriority]
        package var objectives: String
        package var capacity: Capacity
        package var costPerHour: Double
        package var currency: String
        package var reviewOn: String?
        package var newEngagementHours: Double
        package var newEngagementFee: Double
        package var sharesValueRatings: Bool
    }

    package func checked() throws -> Checked {
        let objectives = (objectives ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard objectives.count <= 5_000 else { throw BadRequest.tooLong("objectives", limit: 5_000) }
        let currency = (currency ?? "EUR").trimmingCharacters(in: .whitespaces).uppercased()
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw BadRequest(
                Message(
                    "engagement.error.currency",
                    "'{field}' must be a three-letter ISO 4217 code such as EUR; got '{given}'.",
                    ["field": .text("currency"), "given": .text(currency)]))
        }
        let reviewDay = try DateText.typedDay(reviewOn, field: "reviewOn")
        return Checked(
            priorities: try PriorityInput.checked(priorities),
            objectives: objectives,
            capacity: try Capacity.checked(hoursPerMonth: hoursPerMonth, yearlyBudget: yearlyBudget),
            costPerHour: try Capacity.amount(costPerHour ?? 0, "costPerHour", allowZero: true),
            currency: currency, reviewOn: reviewDay,
            newEngagementHours: try Capacity.amount(newEngagementHours ?? 4, "newEngagementHours", allowZero: false),
            newEngagementFee: try Capacity.amount(newEngagementFee ?? 0, "newEngagementFee", allowZero: true),
            sharesValueRatings: sharesValueRatings ?? false)
    }
}

/// A priority theme and its weight, as a client sends it.
package struct PriorityInput: Content {
    package var theme: String
    package var weight: Double

    package static let maximumWeight = 1_000.0

    /// Known themes, each once, weights from 0 to 1000 of which at least one is above 0.
    package static func checked(_ priorities: [PriorityInput]) throws -> [StrategyPriority] {
        var seen = Set<Theme>()
        var checked: [StrategyPriority] = []
        for (index, priority) in priorities.enumerated() {
            let field = "priorities[\(index)]"
            let theme: Theme
            switch Theme.parse([priority.theme]) {
            // One name that parses is one theme.
            case .success(let themes): theme = themes[0]
            case .failure(let unknown):
                throw BadRequest(
                    Message(
                        "engagement.error.unknown-theme", "'{field}': {reason}.",
                        ["field": .text("\(field).theme"), "reason": .message(unknown.reason)]))
            }
            guard seen.insert(theme).inserted else {
                throw BadRequest(
                    Message(
                        "engagement.error.theme-twice", "'{field}': {theme} is given twice.",
                        ["field": .text("\(field).theme"), "theme": .text(theme.rawValue)]))
            }
            guard priority.weight.isFinite, priority.weight >= 0, priority.weight <= maximumWeight else {
                throw BadRequest(
                    Message(
                        "engagement.error.weight",
                        "'{field}' for {theme} must be a number from 0 to {maximum}; got {given}.",
                        [
                            "field": .text("\(field).weight"), "theme": .text(theme.rawValue),
                            "maximum": .text("\(Int(maximumWeight))"), "given": .text("\(priority.weight)"),
                        ]))
            }
            checked.append(StrategyPriority(theme: theme.rawValue, weight: priority.weight))
        }
        guard checked.contains(where: { $0.weight > 0 }) else {
            throw BadRequest(
                Message(
                    "engagement.error.no-weight", "'{field}' needs at least one theme with a weight above 0.",
                    ["field": .text("priorities")]))
        }
        return checked
    }
}

/// What the city can give to its engagements: staff hours a month and money a year.
package struct Capacity: Codable, Sendable, Equatable {
    package var hoursPerMonth: Double
    package var yearlyBudget: Double

    package static func checked(hoursPerMonth: Double, yearlyBudget: Double) throws -> Capacity {
        Capacity(
            hoursPerMonth: try amount(hoursPerMonth, "hoursPerMonth", allowZero: false, limit: 100_000),
            yearlyBudget: try amount(yearlyBudget, "yearlyBudget", allowZero: false))
    }

    /// A quantity of hours or money: finite, not negative, and not zero where zero would mean nothing can be done.
    package static func amount(_ value: Double, _ field: String, allowZero: Bool, limit: Double = 1e12) throws -> Double
    {
        guard value.isFinite, value >= 0, value <= limit else {
            throw BadRequest(
                Message(
                    "engagement.error.amount", "'{field}' must be a number from 0 to {limit}; got {given}.",
                    ["field": .text(field), "limit": .decimal(limit), "given": .text("\(value)")]))
        }
        guard allowZero || value > 0 else {
            throw BadRequest(
                Message(
                    "engagement.error.amount-zero", "'{field}' must be above 0: with none, there is nothing to plan.",
                    ["field": .text(field)]))
        }
        return value
    }
}
