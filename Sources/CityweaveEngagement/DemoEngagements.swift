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

    /// Loads the file's records; returns how many engagements were created.
    package static func load(_ file: File, on db: any Database) async throws -> Int {
        var created = 0
        for item in file.cities {
            guard let city = try await City.query(on: db).filter(\.$geonameid == item.city).first() else { continue }
            let cityID = try city.requireID()
            var people: [String: User] = [:]
            for staff in item.staff {
                guard let user = try await person(staff, cityID: cityID, on: db) else { continue }
                people[staff.email] = user
                let profile = StaffProfile()
                profile.$user.id = try user.requireID()
                profile.languages = staff.languages
                profile.expertise = staff.expertise
                profile.training = staff.training
                try await profile.create(on: db)
            }
            for (index, strategy) in item.strategies.enumerated() {
                let row = CityStrategy()
                row.$city.id = cityID
                row.revision = index + 1
                row.priorities = strategy.priorities
                row.objectives = strategy.objectives
                row.hoursPerMonth = strategy.hoursPerMonth
                row.yearlyBudget = strategy.yearlyBudget
                row.costPerHour = strategy.costPerHour ?? 55
                row.currency = strategy.currency ?? "EUR"
                row.reviewOn = strategy.reviewOn
                row.newEngagementHours = strategy.newEngagementHours ?? 8
                row.newEngagementFee = strategy.newEngagementFee ?? 8000
                row.sharesValueRatings = strategy.sharesValueRatings ?? false
                row.authorName = "\(city.name) (example)"
                row.isExample = true
                try await row.create(on: db)
                row.createdAt = DateText.parseDay(strategy.date)
                try await row.update(on: db)
            }
            for entry in item.engagements {
                var networkID: Int?
                if let slug = entry.network {
                    guard let network = try await Network.query(on: db).filter(\.$slug == slug).first() else {
                        continue
                    }
                    networkID = network.id
                }
                let engagement = Engagement()
                engagement.$city.id = cityID
                engagement.$network.id = networkID
                engagement.title = entry.title
                engagement.kind = entry.kind
                engagement.sponsor = entry.sponsor
                engagement.level = entry.level
                engagement.hoursPerMonth = entry.hoursPerMonth
                engagement.yearlyFee = entry.yearlyFee
                engagement.status = entry.status
                engagement.objectives = entry.objectives
                engagement.handoverNotes = entry.handoverNotes ?? ""
                engagement.$owner.id = entry.owner.flatMap { people[$0]?.id }
                engagement.isExample = true
                try await engagement.create(on: db)
                created += 1
                for value in entry.value {
                    let row = ValueEntry()
                    row.$engagement.id = try engagement.requireID()
                    row.date = DateText.day(Date().addingTimeInterval(-Double(value.daysAgo) * 86_400))
                    row.kind = value.kind
                    row.rating = value.rating
                    row.note = value.note
                    row.link = ""
                    row.isExample = true
                    try await row.create(on: db)
                }
            }
        }
        return created
    }

    /// A demo account of the city, or a deactivated example colleague the file adds.
    private static func person(_ staff: Staff, cityID: Int, on db: any Database) async throws -> User? {
        if let user = try await User.find(email: staff.email, on: db) {
            return user.cityID == cityID ? user : nil
        }
        guard let name = staff.name else { return nil }
        let user = User(
            email: staff.email, name: name, organisation: .city(cityID), role: .editor, isPlatformAdmin: false)
        user.deactivatedAt = staff.deactivated == true ? Date() : nil
        try await user.create(on: db)
        return user
    }
}
