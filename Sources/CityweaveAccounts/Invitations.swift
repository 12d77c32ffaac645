import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// One-time links that let someone set a password and join Cityweave.
package enum Invitations {
    /// The longest name a person may choose.
    package static let maximumNameLength = 200

    /// Creates an invitation and returns it with the secret for the link,
    /// which is shown once and never stored.
    package static func create(
        email: String, organisation: Organisation?, role: Role?, isPlatformAdmin: Bool, invitedBy: User?,
        on database: any Database
    ) async throws -> (Invitation, secret: String) {
        let email = User.normalised(email: email)
        try validate(email: email)
        if try await User.find(email: email, on: database) != nil {
            throw Refusal(
                .conflict,
                Message(
                    "accounts.invitation.email-taken", "'{field}': {email} already has an account.",
                    ["field": .text("email"), "email": .text(email)]))
        }
        let secret = SecretToken(prefix: "cwi_")
        let invitation = Invitation()
        invitation.tokenHash = secret.digest
        invitation.email = email
        invitation.role = role
        invitation.isPlatformAdmin = isPlatformAdmin
        invitation.cityID = organisation?.kind == .city ? organisation?.id : nil
        invitation.networkID = organisation?.kind == .network ? organisation?.id : nil
        invitation.$invitedBy.id = invitedBy?.id
        invitation.expiresAt = Date().addingTimeInterval(Invitation.lifetime)
        try await invitation.create(on: database)
        return (invitation, secret.value)
    }

    /// The address to pass on: `CITYWEAVE_PUBLIC_URL` (or the server's own address) and the secret.
    package static func link(secret: String, baseURL: String) -> String {
        baseURL.trimmingSuffix("/") + AccountsPath.invitation.href(secret)
    }

    /// The open invitation of a link, or a 404 that says why there is none.
    package static func open(secret: String, now: Date, on database: any Database) async throws -> Invitation {
        guard
            let invitation = try await Invitation.query(on: database)
                .filter(\.$tokenHash == SecretToken.digest(of: secret)).first()
        else { throw Refusal(.notFound, Message("accounts.invitation.unknown", "This invitation link is not valid.")) }
        guard invitation.acceptedAt == nil else {
            throw Refusal(
                .gone, Message("accounts.invitation.used", "This invitation has already been used; sign in instead."))
        }
        guard invitation.expiresAt > now else {
            throw Refusal(
                .gone, Message("accounts.invitation.expired", "This invitation has expired; ask for a new one."))
        }
        return invitation
    }

    /// Accepts an invitation: creates the user with the password, and spends the link.
    package static func accept(
        _ invitation: Invitation, name: String, password: String, policy: PasswordPolicy,
        hasher: AsyncPasswordHasher, ip: String, on database: any Database
    ) async throws -> User {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maximumNameLength else {
            throw BadRequest(
                Message(
                    "accounts.invitation.name.required",
                    one: "'{field}' is required: how colleagues will see you (at most {count} character).",
                    other: "'{field}' is required: how colleagues will see you (at most {count} characters).",
                    count: maximumNameLength, ["field": .text("name")]))
        }
        if let problem = policy.problem(with: password, email: invitation.email) { throw BadRequest(problem) }
        let hash = try await hasher.hash(password)
        return try await database.transaction { db in
            // A second invitation to the same address must not reset an account already set up.
            guard try await User.find(email: invitation.email, on: db) == nil else {
                throw Refusal(
                    .conflict,
                    Message(
                        "accounts.invitation.accepted-already", "{email} already has an account; sign in instead.",
                        ["email": .text(invitation.email)]))
            }
            let user = User(
                email: invitation.email, name: name, organisation: invitation.organisation, role: invitation.role,
                isPlatformAdmin: invitation.isPlatformAdmin)
            user.passwordHash = hash
            try await user.create(on: db)
            invitation.acceptedAt = Date()
            try await invitation.update(on: db)
            try await AuditLog.record(
                actor: user, ip: ip, action: "accept_invitation", recordType: "user",
                recordID: try user.requireID().uuidString, organisation: user.organisation,
                changes: AuditChanges([("role", nil, user.role?.rawValue), ("email", nil, user.email)]), on: db)
            return user
        }
    }

    package static func validate(email: String) throws {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.count <= 254,
            !email.contains(where: \.isWhitespace)
        else {
            throw BadRequest(
                Message(
                    "accounts.invitation.email.invalid",
                    "'{field}' must be an email address such as name@city.gov; got '{value}'.",
                    ["field": .text("email"), "value": .text(email)]))
        }
    }
}

extension String {
    package func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
