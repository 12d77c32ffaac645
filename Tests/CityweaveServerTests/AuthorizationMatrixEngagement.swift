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

/// The engagement module's write routes in the authorization matrix: all
/// of it is Yokohama's own. Its editors change it; every one of its people
/// may ask the advisor (which writes nothing); people of C40 learn nothing
/// of an engagement, not even that it exists.
extension WriteCase {
    static let strategyJSON =
        #"{"priorities": [{"theme": "climate", "weight": 3}, {"theme": "health", "weight": 1}], "hoursPerMonth": 40, "yearlyBudget": 30000}"#

    static let engagement: [WriteCase] = [
        WriteCase(
            route: "PUT /api/v1/cities/:id/strategy", surface: .api, allowed: Persona.cityEditors, success: .ok
        ) { f, _ in
            Attempt(path: "/api/v1/cities/\(f.yokohama)/strategy", json: strategyJSON)
        },
        WriteCase(
            route: "POST /api/v1/cities/:id/engagements", surface: .api, allowed: Persona.cityEditors,
            success: .created
        ) { f, _ in
            Attempt(
                path: "/api/v1/cities/\(f.yokohama)/engagements",
                json: #"{"title": "Sister-city desk \#(f.next())", "kind": "partnership", "level": "technical"}"#)
        },
        WriteCase(
            route: "PATCH /api/v1/engagements/:id", surface: .api, allowed: Persona.cityEditors, success: .ok,
            hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(
                path: "/api/v1/engagements/\(try await f.freshEngagement())",
                json: #"{"handoverNotes": "Notes \#(f.next())"}"#)
        },
        WriteCase(
            route: "POST /api/v1/engagements/:id/value-log", surface: .api, allowed: Persona.cityEditors,
            success: .created, hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(
                path: "/api/v1/engagements/\(try await f.freshEngagement())/value-log",
                json: #"{"kind": "knowledge", "rating": 4}"#)
        },
        WriteCase(
            route: "POST /api/v1/cities/:id/portfolio/advice", surface: .api, allowed: Persona.cityPeople,
            success: .ok, writes: false
        ) { f, _ in
            try await f.strategyOfYokohama()
            return Attempt(path: "/api/v1/cities/\(f.yokohama)/portfolio/advice", json: #"{"hoursPerMonth": 20}"#)
        },
        WriteCase(
            route: "POST /api/v1/cities/:id/portfolio/plans", surface: .api, allowed: Persona.cityEditors,
            success: .created
        ) { f, _ in
            try await f.strategyOfYokohama()
            return Attempt(
                path: "/api/v1/cities/\(f.yokohama)/portfolio/plans", json: #"{"name": "Plan \#(f.next())"}"#)
        },
        WriteCase(
            route: "PUT /api/v1/cities/:id/people/:userID/profile", surface: .api, allowed: Persona.cityEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path: "/api/v1/cities/\(f.yokohama)/people/\(try await f.freshCityColleague(active: true))/profile",
                json: #"{"languages": ["ja", "en"], "expertise": ["ports"], "training": []}"#)
        },
        WriteCase(route: "POST /cities/:id/strategy", surface: .page, allowed: Persona.cityEditors, success: .seeOther)
        {
            f, _ in
            Attempt(
                path: "/cities/\(f.yokohama)/strategy",
                form: ["weight_climate": "2", "hoursPerMonth": "30", "yearlyBudget": "\(20_000 + f.next())"])
        },
        WriteCase(
            route: "POST /cities/:id/engagements", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/cities/\(f.yokohama)/engagements",
                form: ["title": "Programme \(f.next())", "kind": "programme", "level": "technical", "status": "active"])
        },
        WriteCase(
            route: "POST /engagements/:id/edit", surface: .page, allowed: Persona.cityEditors, success: .seeOther,
            hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(
                path: "/engagements/\(try await f.freshEngagement())/edit",
                form: ["title": "Renamed \(f.next())", "kind": "programme", "level": "political", "status": "paused"])
        },
        WriteCase(
            route: "POST /engagements/:id/value-log", surface: .page, allowed: Persona.cityEditors, success: .seeOther,
            hiddenFrom: Persona.networkPeople
        ) { f, _ in
            Attempt(
                path: "/engagements/\(try await f.freshEngagement())/value-log",
                form: ["kind": "advocacy", "rating": "5"])
        },
        WriteCase(
            route: "POST /cities/:id/portfolio/plans", surface: .page, allowed: Persona.cityEditors,
            success: .seeOther
        ) { f, _ in
            try await f.strategyOfYokohama()
            return Attempt(path: "/cities/\(f.yokohama)/portfolio/plans", form: ["name": "Plan \(f.next())"])
        },
        WriteCase(
            route: "POST /cities/:id/people/:userID/profile", surface: .page, allowed: Persona.cityEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/cities/\(f.yokohama)/people/\(try await f.freshCityColleague(active: true))/profile",
                form: ["languages": "ja", "expertise": "ports", "training": "Diplomacy | 2024 | Academy"])
        },
    ]
}

extension Persona {
    /// Everyone of Yokohama, whatever their role, and platform administrators.
    static let cityPeople: Set<Persona> = [.cityViewer, .cityEditor, .cityAdmin, .citySignatory, .platformAdmin]
}

extension MatrixFixture {
    /// An engagement of Yokohama, written by the system through the edits.
    func freshEngagement() async throws -> Int {
        var input = EngagementInput()
        input.title = "Engagement \(next())"
        input.kind = "programme"
        input.level = "technical"
        let engagement = try await EngagementEdits.create(
            input, cityID: yokohama, context: .system(on: app.db, from: "test"))
        return try engagement.requireID()
    }

    /// Yokohama's strategy, for the advisor and plans.
    func strategyOfYokohama() async throws {
        guard try await EngagementQueries.latestStrategy(of: yokohama, on: app.db) == nil else { return }
        let strategy = CityStrategy()
        strategy.$city.id = yokohama
        strategy.revision = 1
        strategy.priorities = [StrategyPriority(theme: "climate", weight: 2)]
        strategy.objectives = ""
        strategy.hoursPerMonth = 40
        strategy.yearlyBudget = 40_000
        strategy.costPerHour = 50
        strategy.currency = "JPY"
        strategy.newEngagementHours = 8
        strategy.newEngagementFee = 5_000
        strategy.sharesValueRatings = false
        strategy.authorName = "test"
        strategy.isExample = false
        try await strategy.create(on: app.db)
    }

    /// What a refused engagement write must leave as it was.
    func engagementFingerprint() async throws -> [String] {
        var lines: [String] = []
        for engagement in try await Engagement.query(on: app.db).sort(\.$id).all() {
            lines.append(
                "engagement \(engagement.id!) \(engagement.title) \(engagement.status.rawValue) \(engagement.handoverNotes)"
            )
        }
        for profile in try await StaffProfile.query(on: app.db).sort(\.$id).all() {
            lines.append("profile \(profile.$user.id) \(profile.languages) \(profile.expertise)")
        }
        return lines
    }
}
