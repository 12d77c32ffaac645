import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The signed-in user and their API tokens (`/api/v1/me`, `/api/v1/tokens`).
package struct AccountsAPIController {
    /// Who the token belongs to: the user, their organisation and role, and the token's scope.
    @Sendable
    package func me(_ request: Request) async throws -> MeDTO {
        let actor = try request.requireActor()
        let user = actor.user
        var organisation: MeDTO.OrganisationDTO?
        if let owner = user.organisation {
            organisation = .init(kind: owner.kind, id: owner.id, name: try await request.name(of: owner))
        }
        var scope: APIToken.Scope?
        if case .token(let token) = actor.credential { scope = token.scope }
        return MeDTO(
            id: try user.requireID(), email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin,
            organisation: organisation, role: user.role, tokenScope: scope)
    }

    /// The user's tokens, newest first, revoked ones included.
    @Sendable
    package func tokens(_ request: Request) async throws -> [APITokenDTO] {
        try await APITokens.list(of: request.requireActor().user, on: request.db).map { $0.toDTO() }
    }

    /// Creates a token; the answer is the only time its secret is shown.
    @Sendable
    package func createToken(_ request: Request) async throws -> Response {
        let body = try request.jsonBody(CreateAPITokenRequest.self)
        let (token, secret) = try await APITokens.create(
            for: request.requireActor().user, name: body.name, scope: body.scope, expiresAt: body.expiresAt,
            ip: request.clientAddress, on: request.db)
        return try await CreatedAPITokenDTO(token: secret, details: token.toDTO()).encodeResponse(
            status: .created, for: request)
    }

    /// Revokes one of the user's tokens at once.
    @Sendable
    package func revokeToken(_ request: Request) async throws -> HTTPStatus {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw BadRequest(
                Message(
                    "accounts.token.id.invalid",
                    "'{field}' must be a token id such as 3F2504E0-4F89-11D3-9A0C-0305E82C3301.",
                    ["field": .text("id")]))
        }
        try await APITokens.revoke(id, of: request.requireActor().user, ip: request.clientAddress, on: request.db)
        return .noContent
    }
}

extension Request {
    /// The signed-in user, for handlers whose policy already required one.
    package func requireActor() throws -> Actor {
        guard let actor else {
            throw Refusal(.unauthorized, Message("accounts.access.sign-in-first", "Sign in first."))
        }
        return actor
    }
}
