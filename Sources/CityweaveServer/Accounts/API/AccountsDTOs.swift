import Vapor

/// The signed-in user, as `GET /api/v1/me` answers.
struct MeDTO: Content {
    struct OrganisationDTO: Content {
        var kind: Organisation.Kind
        var id: Int
        var name: String
    }

    var id: UUID
    var email: String
    var name: String
    var isPlatformAdmin: Bool
    var organisation: OrganisationDTO?
    var role: Role?
    /// The scope of the token the request was made with.
    var tokenScope: APIToken.Scope?
}

/// A token in a list: never the secret.
struct APITokenDTO: Content {
    var id: UUID
    var name: String
    var prefix: String
    var scope: APIToken.Scope
    var createdAt: Date?
    var expiresAt: Date?
    var lastUsedAt: Date?
    var revokedAt: Date?
}

extension APIToken {
    func toDTO() -> APITokenDTO {
        APITokenDTO(
            id: id ?? UUID(), name: name, prefix: prefix, scope: scope, createdAt: createdAt, expiresAt: expiresAt,
            lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}

/// A new token: the only time its secret is shown.
struct CreatedAPITokenDTO: Content {
    var token: String
    var details: APITokenDTO
}

struct CreateAPITokenRequest: Content {
    var name: String
    var scope: APIToken.Scope
    var expiresAt: Date?
}
