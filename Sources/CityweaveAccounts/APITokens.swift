import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Personal API tokens: created for a user, shown once, kept hashed.
package enum APITokens {
    package static let maximumNameLength = 100

    /// Creates a token and returns it with its secret, which is shown once and never stored.
    package static func create(
        for user: User, name: String, scope: APIToken.Scope, expiresAt: Date?, ip: String, on database: any Database
    ) async throws -> (APIToken, secret: String) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maximumNameLength else {
            throw BadRequest(
                Message(
                    "accounts.token.name.required",
                    one: "'{field}' is required: what the token is for (at most {count} character).",
                    other: "'{field}' is required: what the token is for (at most {count} characters).",
                    count: maximumNameLength, ["field": .text("name")]))
        }
        if let expiresAt, expiresAt <= Date() {
            throw BadRequest(
                Message(
                    "accounts.token.expiry.past", "'{field}' must be in the future.", ["field": .text("expiresAt")]))
        }
        let secret = SecretToken(prefix: "cwt_")
        let token = APIToken()
        token.$user.id = try user.requireID()
        token.name = name
        token.tokenHash = secret.digest
        token.prefix = String(secret.value.prefix(10))
        token.scope = scope
        token.expiresAt = expiresAt
        try await database.transaction { db in
            try await token.create(on: db)
            try await AuditLog.record(
                actor: user, ip: ip, action: "create", recordType: "api_token",
                recordID: try token.requireID().uuidString, organisation: user.organisation,
                changes: AuditChanges([("name", nil, name), ("scope", nil, scope.rawValue)]), on: db)
        }
        return (token, secret.value)
    }

    /// Revokes one of `user`'s tokens; someone else's token is reported as not found.
    package static func revoke(_ id: UUID, of user: User, ip: String, on database: any Database) async throws {
        guard let token = try await APIToken.find(id, on: database), token.$user.id == user.id else {
            throw Refusal(
                .notFound,
                Message(
                    "accounts.token.not-yours", "You have no token with the id {id}.", ["id": .text(id.uuidString)]))
        }
        guard token.revokedAt == nil else { return }
        try await database.transaction { db in
            token.revokedAt = Date()
            try await token.update(on: db)
            try await AuditLog.record(
                actor: user, ip: ip, action: "revoke", recordType: "api_token", recordID: id.uuidString,
                organisation: user.organisation, changes: AuditChanges([("name", token.name, nil)]), on: db)
        }
    }

    package static func list(of user: User, on database: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: database).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending)
            .all()
    }
}
