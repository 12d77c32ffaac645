import CityweaveShared
import Fluent
import Vapor

/// `cityweave users …`: accounts from the command line.
package struct UsersCommandGroup: AsyncCommandGroup {
    package var help = "Manage accounts"
    package var commands: [String: any AnyAsyncCommand] = ["create-admin": CreateAdminCommand()]
}

/// `cityweave users create-admin --email E`: the way in on a fresh install,
/// which has no users. Prints a one-time link that sets the password.
package struct CreateAdminCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "email", help: "The address of the new platform administrator")
        package var email: String?

        package init() {}
    }

    package var help = "Invite a platform administrator; prints a one-time link"

    package func run(using context: CommandContext, signature: Signature) async throws {
        guard let email = signature.email else { throw BadRequest("--email is required") }
        let app = context.application
        let secret = try await app.db.transaction { db in
            let (invitation, secret) = try await Invitations.create(
                email: email, organisation: nil, role: nil, isPlatformAdmin: true, invitedBy: nil, on: db)
            try await AuditLog.record(
                actor: nil, ip: "command line", action: "invite", recordType: "invitation",
                recordID: try invitation.requireID().uuidString, organisation: nil,
                changes: AuditChanges([("email", nil, invitation.email), ("role", nil, "platform admin")]), on: db)
            return secret
        }
        let base =
            app.cityweave.publicURL
            ?? "http://\(app.http.server.configuration.hostname):\(app.http.server.configuration.port)"
        context.console.print("Open this link within 7 days to set the password of \(User.normalised(email: email)):")
        context.console.print(Invitations.link(secret: secret, baseURL: base))
    }
}

/// `cityweave tokens …`: API tokens for automation.
package struct TokensCommandGroup: AsyncCommandGroup {
    package var help = "Manage API tokens"
    package var commands: [String: any AnyAsyncCommand] = ["create": CreateTokenCommand()]
}

/// `cityweave tokens create --email E --name N --scope read|write`: prints the token once.
package struct CreateTokenCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "email", help: "Whose token it is")
        package var email: String?
        @Option(name: "name", help: "What the token is for")
        package var name: String?
        @Option(name: "scope", help: "read, or write (read and write)")
        package var scope: String?
        @Option(name: "expires", help: "Last day the token works, YYYY-MM-DD (default: never)")
        package var expires: String?

        package init() {}
    }

    package var help = "Create an API token for a user; prints it once"

    package func run(using context: CommandContext, signature: Signature) async throws {
        guard let email = signature.email else { throw BadRequest("--email is required") }
        guard let scope = APIToken.Scope(rawValue: signature.scope ?? "") else {
            throw BadRequest("--scope must be read or write")
        }
        var expiresAt: Date?
        if let expires = signature.expires {
            guard let day = DateText.parseDay(expires) else {
                throw BadRequest("--expires must be a day such as 2027-06-30")
            }
            expiresAt = day.addingTimeInterval(24 * 3600)
        }
        let db = context.application.db
        guard let user = try await User.find(email: email, on: db), user.isActive else {
            throw BadRequest("--email: no active user has the address \(User.normalised(email: email))")
        }
        let (_, secret) = try await APITokens.create(
            for: user, name: signature.name ?? "", scope: scope, expiresAt: expiresAt, ip: "command line", on: db)
        context.console.print(secret)
    }
}
