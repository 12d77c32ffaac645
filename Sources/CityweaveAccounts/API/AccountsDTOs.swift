import Vapor

/// The signed-in user, as `GET /api/v1/me` answers.
package struct MeDTO: Content {
    package struct OrganisationDTO: Content {
        package var kind: Organisation.Kind
        package var id: Int
        package var name: String
    }

    package var id: UUID
    package var email: String
    package var name: String
    package var isPlatformAdmin: Bool
    package var organisation: OrganisationDTO?
    package var role: Role?
    /// The scope of the token the request was made with.
    package var tokenScope: APIToken.Scope?
}

/// A token in a list: never the secret.
package struct APITokenDTO: Content {
    package var id: UUID
    package var name: String
    package var prefix: String
    package var scope: APIToken.Scope
    package var createdAt: Date?
    package var expiresAt: Date?
    package var lastUsedAt: Date?
    package var revokedAt: Date?
}

extension APIToken {
    package func toDTO() -> APITokenDTO {
        APITokenDTO(
            id: id ?? UUID(), name: name, prefix: prefix, scope: scope, createdAt: createdAt, expiresAt: expiresAt,
            lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}

/// A new token: the only time its secret is shown.
package struct CreatedAPITokenDTO: Content {
    package var token: String
    package var details: APITokenDTO
}

package struct CreateAPITokenRequest: Content {
    package var name: String
    package var scope: APIToken.Scope
    package var expiresAt: Date?
}
