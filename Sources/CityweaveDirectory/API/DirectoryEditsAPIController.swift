import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The directory's writes through the JSON API. Who may call each is declared
/// with the route in `DirectoryRoutes`; the work is done by `DirectoryEdits`.
package struct DirectoryEditsAPIController {
    /// Changes a city's context profile; fields left out stay as they are.
    @Sendable
    package func updateCity(_ request: Request) async throws -> CityDTO {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        try await DirectoryEdits.updateProfile(
            of: city, with: try request.jsonBody(CityProfileUpdate.self), context: request.editContext)
        return try await DirectoryQueries.cityDTO(city, on: request.db)
    }

    /// Records a partnership of the city with another one.
    @Sendable
    package func addPartnership(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let partnership = try await DirectoryEdits.addPartnership(
            to: city, try request.jsonBody(DirectoryEdits.NewPartnership.self), context: request.editContext)
        let cities = try await DirectoryQueries.cities(
            ids: [partnership.$cityA.id, partnership.$cityB.id], on: request.db)
        let dto = PartnershipDTO(
            id: try partnership.requireID(), kind: partnership.kind, since: partnership.since,
            source: partnership.source, cities: cities.map { $0.toSummaryDTO() })
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// Deletes a partnership; either city's editors may.
    @Sendable
    package func removePartnership(_ request: Request) async throws -> HTTPStatus {
        let partnership = try await DirectoryEdits.partnership(try request.integerParameter("id"), on: request.db)
        try await DirectoryEdits.removePartnership(partnership, context: request.editContext)
        return .noContent
    }

    /// The city asks to join a network.
    @Sendable
    package func requestMembership(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let created = try await DirectoryEdits.requestMembership(
            of: city, try request.jsonBody(DirectoryEdits.NewMembershipRequest.self), context: request.editContext)
        return try await created.toDTO(on: request.db).encodeResponse(status: .created, for: request)
    }

    /// The requests waiting for the network's decision.
    @Sendable
    package func membershipRequests(_ request: Request) async throws -> [MembershipRequestDTO] {
        let network = try await DirectoryQueries.network(request.parameters.get("id") ?? "", on: request.db)
        var dtos: [MembershipRequestDTO] = []
        for pending in try await DirectoryEdits.pendingRequests(to: network, on: request.db) {
            dtos.append(try await pending.toDTO(on: request.db))
        }
        return dtos
    }

    package struct Decision: Content {
        package var decision: String
    }

    /// Accepts (the city becomes a member) or declines a membership request.
    @Sendable
    package func decide(_ request: Request) async throws -> MembershipRequestDTO {
        let membershipRequest = try await DirectoryEdits.membershipRequest(
            try request.integerParameter("id"), on: request.db)
        let decision = try request.jsonBody(Decision.self).decision
        guard decision == "accept" || decision == "decline" else {
            throw BadRequest(
                Message(
                    "directory.error.decision", "'{field}' must be accept or decline; got '{given}'.",
                    ["field": .text("decision"), "given": .text(decision)]))
        }
        try await DirectoryEdits.decide(membershipRequest, accept: decision == "accept", context: request.editContext)
        return try await membershipRequest.toDTO(on: request.db)
    }

    /// Changes a network's profile; fields left out stay as they are.
    @Sendable
    package func updateNetwork(_ request: Request) async throws -> NetworkDTO {
        let network = try await DirectoryQueries.network(request.parameters.get("id") ?? "", on: request.db)
        try await DirectoryEdits.updateProfile(
            of: network, with: try request.jsonBody(NetworkProfileUpdate.self), context: request.editContext)
        let reloaded = try await DirectoryQueries.network("\(try network.requireID())", on: request.db)
        return try await DirectoryQueries.dto(of: reloaded, on: request.db)
    }

    /// Adds a member city to the network.
    @Sendable
    package func addMember(_ request: Request) async throws -> Response {
        let network = try await DirectoryQueries.network(request.parameters.get("id") ?? "", on: request.db)
        let membership = try await DirectoryEdits.addMember(
            to: network, try request.jsonBody(DirectoryEdits.NewMember.self), context: request.editContext)
        let city = try await DirectoryQueries.city(membership.$city.id, on: request.db)
        let dto = MemberDTO(
            city: city.toSummaryDTO(), countryName: request.countryName(of: city), role: membership.role,
            since: membership.since)
        return try await dto.encodeResponse(status: .created, for: request)
    }

    /// Removes a member city from the network.
    @Sendable
    package func removeMember(_ request: Request) async throws -> HTTPStatus {
        let network = try await DirectoryQueries.network(request.parameters.get("id") ?? "", on: request.db)
        try await DirectoryEdits.removeMember(
            try request.integerParameter("cityId"), from: network, context: request.editContext)
        return .noContent
    }
}

/// A city's request to join a network.
package struct MembershipRequestDTO: Content {
    package var id: Int
    package var city: CitySummaryDTO
    package var networkId: Int
    package var networkSlug: String
    package var message: String
    package var status: MembershipRequest.Status
    package var createdAt: Date?
    package var decidedAt: Date?
}

extension MembershipRequest {
    package func toDTO(on database: any Database) async throws -> MembershipRequestDTO {
        let city = try await $city.get(on: database)
        let network = try await $network.get(on: database)
        return MembershipRequestDTO(
            id: try requireID(), city: city.toSummaryDTO(), networkId: try network.requireID(),
            networkSlug: network.slug, message: message, status: status, createdAt: createdAt,
            decidedAt: decidedAt)
    }
}
