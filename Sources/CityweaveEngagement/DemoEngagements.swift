import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import Vapor

/// The example strategies, engagements, value logs and staff profiles of
/// `Resources/Demo/engagements.json` (Helsinki, a large city in many
/// networks, and Vejle, with three staff hours a week), loaded on the first
/// start and marked as example content. A city or network missing from the
/// directory is skipped.
package enum DemoEngagements {
    package struct File: Decodable {
        package var cities: [CityItem]
    }

    package struct CityItem: Decodable {
        /// GeoNames id.
        package var city: Int
        package var staff: [Staff]
        package var strategies: [Strategy]
        package var engagements: [Item]
    }

    package struct Staff: Decodable {
        package var email: String
        /// Given for people the file adds (the demo accounts exist already).
        package var name: String?
        package var deactivated: Bool?
        package var languages: [String]
        package var expertise: [String]
        package var training: [TrainingRecord]
    }

    package struct Strategy: Decodable {
        package var date: String
        package var priorities: [StrategyPriority]
        package var objectives: String
        package var hoursPerMonth: Double
        package var yearlyBudget: Double
        package var costPerHour: Double?
        package var currency: String?
        package var newEngagementHours: Double?
        package var newEngagementFee: Double?
        package var reviewOn: String?
        package var sharesValueRatings: Bool?
    }

    package struct Item: Decodable {
        package var title: String
        package var kind: EngagementKind
        package var network: String?
        package var owner: String?
        package var sponsor: String
        package var level: EngagementLevel
        package var hoursPerMonth: Double
        package var yearlyFee: Double
        package var status: EngagementStatus
        package var objectives: String
        package var handoverNotes: String?
        package var value: [Value]
    }

    package struct Value: Decodable {
        /// Days before the first start, so that a demo started any day has value in its last twelve months.
        package var daysAgo: Int
        package var kind: ValueKind
        package var rating: Int
        package var note: String
    }

    package static let loadIfEmpty = DemoContentFile.loader(
        "engagements.json", as: File.self, what: "example engagements",
        isEmpty: { try await Engagement.query(on: $0).count() == 0 }, load: { try await load($0, on: $1) })

    /// Loads the file's records through the edits, as the system writing examples (each write is
    /// checked and audited as a client's would be); returns how many engagements were created. A
    /// strategy then keeps the date its file gives, and a colleague the file marks as gone leaves
    /// after their engagements were given to them, so that the portfolio shows a hand-over to make.
    package static func load(_ file: File, on db: any Database) async throws -> Int {
        let context = EditContext.examples(on: db)
        var created = 0
        for item in file.cities {
            guard let city = try await City.query(on: db).filter(\.$geonameid == item.city).first() else { continue }
            let cityID = try city.requireID()
            var people: [String: User] = [:]
            for staff in item.staff {
                guard let user = try await person(staff, cityID: cityID, on: db) else { continue }
                people[staff.email] = user
                _ = try await StaffProfileEdits.save(
                    .init(languages: staff.languages, expertise: staff.expertise, training: staff.training),
                    for: user, context: context)
            }
            for strategy in item.strategies {
                let saved = try await StrategyEdits.save(
                    StrategyInput(
                        priorities: strategy.priorities.map { PriorityInput(theme: $0.theme, weight: $0.weight) },
                        objectives: strategy.objectives, hoursPerMonth: strategy.hoursPerMonth,
                        yearlyBudget: strategy.yearlyBudget, costPerHour: strategy.costPerHour,
                        currency: strategy.currency, reviewOn: strategy.reviewOn,
                        newEngagementHours: strategy.newEngagementHours, newEngagementFee: strategy.newEngagementFee,
                        sharesValueRatings: strategy.sharesValueRatings),
                    cityID: cityID, context: context)
                saved.authorName = "\(city.name) (example)"
                saved.createdAt = DateText.parseDay(strategy.date)
                try await saved.update(on: db)
            }
            for entry in item.engagements {
                var input = EngagementInput()
                if let slug = entry.network {
                    guard let network = try await Network.query(on: db).filter(\.$slug == slug).first() else {
                        continue
                    }
                    input.network = .set(try network.requireID())
                }
                input.title = entry.title
                input.kind = entry.kind.rawValue
                input.sponsor = entry.sponsor
                input.level = entry.level.rawValue
                input.hoursPerMonth = entry.hoursPerMonth
                input.yearlyFee = entry.yearlyFee
                input.status = entry.status.rawValue
                input.objectives = entry.objectives
                input.handoverNotes = entry.handoverNotes
                if let owner = entry.owner.flatMap({ people[$0]?.id }) { input.owner = .set(owner) }
                let engagement = try await EngagementEdits.create(input, cityID: cityID, context: context)
                created += 1
                for value in entry.value {
                    _ = try await EngagementEdits.recordValue(
                        .init(
                            date: DateText.day(Date().addingTimeInterval(-Double(value.daysAgo) * 86_400)),
                            kind: value.kind.rawValue, rating: value.rating, note: value.note),
                        on: engagement, context: context)
                }
            }
            for staff in item.staff where staff.deactivated == true {
                guard let user = people[staff.email] else { continue }
                user.deactivatedAt = Date()
                try await user.update(on: db)
            }
        }
        return created
    }

    /// A demo account of the city, or an example colleague the file adds.
    private static func person(_ staff: Staff, cityID: Int, on db: any Database) async throws -> User? {
        if let user = try await User.find(email: staff.email, on: db) {
            return user.cityID == cityID ? user : nil
        }
        guard let name = staff.name else { return nil }
        let user = User(
            email: staff.email, name: name, organisation: .city(cityID), role: .editor, isPlatformAdmin: false)
        try await user.create(on: db)
        return user
    }
}
