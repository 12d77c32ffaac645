import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The engagement module's JSON API: a city's strategy, its engagements
/// and their value logs, the portfolio advisor and saved plans, and staff
/// profiles. Everything is private to the city; who may read and who may
/// write is declared with each route in `EngagementRoutes`.
package struct EngagementAPIController {
    /// The current strategy with every earlier revision; 404 before the first.
    @Sendable
    package func strategy(_ request: Request) async throws -> StrategyDTO {
        let cityID = try request.integerParameter("id")
        guard let strategy = try await EngagementQueries.strategy(of: cityID, on: request.db) else {
            throw Refusal(
                .notFound,
                Message("engagement.strategy.none", "City {city} has no strategy yet.", ["city": .text("\(cityID)")]))
        }
        return strategy
    }

    /// Saves the strategy as a new revision; earlier revisions stay.
    @Sendable
    package func saveStrategy(_ request: Request) async throws -> StrategyDTO {
        let cityID = try request.integerParameter("id")
        _ = try await StrategyEdits.save(
            try request.jsonBody(StrategyInput.self), cityID: cityID, context: request.editContext)
        return try await EngagementQueries.strategy(of: cityID, on: request.db)!
    }

    @Sendable
    package func engagements(_ request: Request) async throws -> [EngagementDTO] {
        try await EngagementQueries.engagements(of: try request.integerParameter("id"), on: request.db)
    }

    @Sendable
    package func createEngagement(_ request: Request) async throws -> Response {
        let engagement = try await EngagementEdits.create(
            try request.jsonBody(EngagementInput.self), cityID: try request.integerParameter("id"),
            context: request.editContext)
        return try await EngagementQueries.engagement(engagement, on: request.db)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable
    package func engagement(_ request: Request) async throws -> EngagementDTO {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        return try await EngagementQueries.engagement(engagement, on: request.db)
    }

    /// Changes an engagement: owner, backup, handover notes, status, hours…; left out stays.
    @Sendable
    package func updateEngagement(_ request: Request) async throws -> EngagementDTO {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        try await EngagementEdits.update(
            engagement, with: try request.jsonBody(EngagementInput.self), context: request.editContext)
        return try await EngagementQueries.engagement(engagement, on: request.db)
    }

    @Sendable
    package func valueLog(_ request: Request) async throws -> [ValueEntryDTO] {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        return try await EngagementQueries.valueLog(of: try engagement.requireID(), on: request.db)
    }

    @Sendable
    package func recordValue(_ request: Request) async throws -> Response {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        let entry = try await EngagementEdits.recordValue(
            try request.jsonBody(EngagementEdits.ValueInput.self), on: engagement, context: request.editContext)
        try await entry.$recordedBy.load(on: request.db)
        return try await EngagementQueries.valueEntryDTO(entry).encodeResponse(status: .created, for: request)
    }

    /// The advisor's proposal; a body may override the weights and the capacity for a what-if.
    @Sendable
    package func advice(_ request: Request) async throws -> PortfolioAdviceDTO {
        let whatIf =
            request.body.data?.readableBytes ?? 0 > 0
            ? try request.jsonBody(PortfolioAdvising.WhatIf.self) : PortfolioAdvising.WhatIf()
        return try await PortfolioAdvising.advise(
            cityID: try request.integerParameter("id"), whatIf: whatIf, request: request)
    }

    @Sendable
    package func plans(_ request: Request) async throws -> [PortfolioPlanDTO] {
        try await EngagementQueries.plans(of: try request.integerParameter("id"), on: request.db)
    }

    /// Computes the proposal for the settings given and keeps it as a named plan.
    @Sendable
    package func savePlan(_ request: Request) async throws -> Response {
        let cityID = try request.integerParameter("id")
        let plan = try await PlanEdits.save(
            try request.jsonBody(PlanEdits.Input.self), cityID: cityID,
            advise: { try await PortfolioAdvising.advise(cityID: cityID, whatIf: $0, request: request) },
            context: request.editContext)
        return try await EngagementQueries.planDTO(plan).encodeResponse(status: .created, for: request)
    }
}

extension EngagementAPIController {
    /// A person of the city: their engagements, languages, expertise and training.
    @Sendable
    package func person(_ request: Request) async throws -> StaffQueries.PersonDTO {
        let user = try await StaffQueries.user(
            request.parameters.get("userID").flatMap(UUID.init(uuidString:)),
            ofCity: try request.integerParameter("id"), on: request.db)
        return try await StaffQueries.person(user, on: request.db)
    }

    /// Replaces a person's languages, expertise and training records.
    @Sendable
    package func saveProfile(_ request: Request) async throws -> StaffQueries.PersonDTO {
        let user = try await StaffQueries.user(
            request.parameters.get("userID").flatMap(UUID.init(uuidString:)),
            ofCity: try request.integerParameter("id"), on: request.db)
        _ = try await StaffProfileEdits.save(
            try request.jsonBody(StaffProfileEdits.Input.self), for: user, context: request.editContext)
        return try await StaffQueries.person(user, on: request.db)
    }
}
