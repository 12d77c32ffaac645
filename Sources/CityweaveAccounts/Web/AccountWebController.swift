import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// Sign-in, sign-out, the account page (password, sessions, tokens) and invitations.
package struct AccountWebController {
    package struct LoginPage: Encodable {
        package var layout: Layout
        package var email: String
        package var next: String
        package var message: String?
    }

    package struct LoginForm: Content {
        package var email: String?
        package var password: String?
        package var next: String?
    }

    /// The sign-in form.
    @Sendable
    package func loginForm(_ request: Request) async throws -> Response {
        if request.actor != nil { return request.redirect(to: AccountsPath.account.href(), redirectType: .normal) }
        let next = Self.safeNext(request.query[String.self, at: "next"])
        return try await renderLogin(request, email: "", next: next, message: nil, status: .ok)
    }

    /// Signs in: a new session id, then back to where the visitor was going.
    @Sendable
    package func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let next = Self.safeNext(form.next)
        guard !email.isEmpty, let password = form.password, !password.isEmpty else {
            return try await renderLogin(
                request, email: email, next: next,
                message: request.text(
                    Message("accounts.login.missing", "Enter your email address and your password.")),
                status: .badRequest)
        }
        do {
            let (user, cookie) = try await SignIn.signIn(email: email, password: password, request: request)
            // The language the person signed in with is their choice: remembered, and kept where they go.
            if request.languageIsInPath {
                try await LanguageMemory.remember(request.language, for: user, on: request)
            }
            let target = InterfaceLanguage.isNamed(in: next) ? next : request.localized(next)
            let response = request.redirect(to: target, redirectType: .normal)
            response.cookies[SessionStore.cookieName] = SessionStore.cookie(cookie, request: request)
            return response
        } catch let failure as any AbortError
            where [.unauthorized, .forbidden, .tooManyRequests].contains(failure.status)
        {
            let response = try await renderLogin(
                request, email: email, next: next, message: request.text(error: failure), status: failure.status)
            response.headers.add(contentsOf: failure.headers)
            return response
        }
    }

    private func renderLogin(_ request: Request, email: String, next: String, message: String?, status: HTTPStatus)
        async throws -> Response
    {
        let page = LoginPage(
            layout: Layout(title: Message("accounts.login.heading", "Sign in"), request: request), email: email,
            next: next, message: message)
        return try await request.view.render("Accounts/login", page).encodeResponse(status: status, for: request)
    }

    /// Only addresses on this site, so that a link cannot send a user elsewhere after sign-in.
    /// Where to go after signing in: a path of this site, or the account page. Browsers drop tabs and
    /// line breaks from an address and read a backslash as a slash (WHATWG URL), so `/\t/evil.example`
    /// would leave the site: any control character, space or backslash refuses the target.
    package static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { return AccountsPath.account.href() }
        return next
    }

    package struct LogoutPage: Encodable {
        package var layout: Layout
    }

    /// A page with the sign-out button, for whoever types the address.
    @Sendable
    package func logoutForm(_ request: Request) async throws -> Response {
        guard request.actor != nil else { return request.redirect(to: "/", redirectType: .normal) }
        let page = LogoutPage(layout: Layout(title: Message("accounts.logout.heading", "Sign out"), request: request))
        return try await request.view.render("Accounts/logout", page).encodeResponse(for: request)
    }

    /// Signs out: the session ends on the server, not only in the browser.
    @Sendable
    package func logout(_ request: Request) async throws -> Response {
        if let session = request.actor?.session { try await end(session, request: request) }
        let response = request.redirect(to: "/", redirectType: .normal)
        response.cookies[SessionStore.cookieName] = SessionStore.expiredCookie(request: request)
        return response
    }

    // MARK: the account page

    package struct AccountPage: Encodable {
        package struct SessionRow: Encodable {
            package var id: String
            package var started: String
            package var lastSeen: String
            package var ip: String
            package var userAgent: String
            package var isCurrent: Bool
        }

        package struct TokenRow: Encodable {
            package var id: String
            package var name: String
            package var prefix: String
            package var scope: String
            package var created: String
            package var expires: String
            package var lastUsed: String
            package var revoked: Bool
        }

        package var layout: Layout
        package var name: String
        package var email: String
        package var organisation: String?
        package var role: String?
        package var isPlatformAdmin: Bool
        /// The title the person signs statements under, when the organisation named them a signatory.
        package var signatoryTitle: String?
        /// What other modules ask of this person (statements to confirm).
        package var sections: [PageSection]
        package var sessions: [SessionRow]
        package var tokens: [TokenRow]
        package var newToken: String?
        package var notice: String?
        package var error: String?
    }

    /// What the account page says after a change.
    package enum AccountNotice: String, PageNotice {
        case password, session, revoked, welcome

        package var message: Message {
            switch self {
            case .password:
                Message(
                    "accounts.notice.password", "Your password has been changed; your other sessions have ended.")
            case .session: Message("accounts.notice.session", "The session has ended.")
            case .revoked:
                Message(
                    "accounts.notice.revoked", "The token has been revoked; scripts using it are refused from now on.")
            case .welcome: Message("accounts.notice.welcome", "Welcome to Cityweave: your account is ready.")
            }
        }
    }

    /// The signed-in user's account: password, sessions and tokens.
    @Sendable
    package func account(_ request: Request) async throws -> View {
        try await renderAccount(request, notice: request.notice(AccountNotice.self))
    }

    private func renderAccount(_ request: Request, notice: String? = nil, error: String? = nil, newToken: String? = nil)
        async throws -> View
    {
        let actor = try request.requireActor()
        let user = actor.user
        let sessions = try await UserSession.query(on: request.db).filter(\.$user.$id == user.requireID())
            .sort(\.$lastSeenAt, .descending).all()
        let tokens = try await APITokens.list(of: user, on: request.db)
        let never = request.text(Message("accounts.account.never", "never"))
        let page = AccountPage(
            layout: Layout(title: Message("accounts.account.heading", "Your account"), request: request),
            name: user.name, email: user.email, organisation: try await request.name(of: user.organisation),
            role: user.role.map { request.text($0.label) }, isPlatformAdmin: user.isPlatformAdmin,
            signatoryTitle: user.isSignatory ? user.signatoryTitle : nil,
            sections: try await request.pageSections(for: user),
            sessions: sessions.map {
                .init(
                    id: $0.id ?? "", started: $0.createdAt.map(request.text(minute:)) ?? "",
                    lastSeen: request.text(minute: $0.lastSeenAt), ip: $0.ip, userAgent: $0.userAgent,
                    isCurrent: $0.id == actor.session?.id)
            },
            tokens: tokens.map {
                .init(
                    id: $0.id?.uuidString ?? "", name: $0.name, prefix: $0.prefix, scope: request.text($0.scope.label),
                    created: $0.createdAt.map(request.text(day:)) ?? "",
                    expires: $0.expiresAt.map(request.text(day:)) ?? never,
                    lastUsed: $0.lastUsedAt.map(request.text(minute:)) ?? never, revoked: $0.revokedAt != nil)
            },
            newToken: newToken, notice: notice, error: error)
        return try await request.view.render("Accounts/account", page)
    }

    package struct PasswordForm: Content {
        package var currentPassword: String?
        package var newPassword: String?
        package var confirmation: String?
    }

    /// Changes the password after checking the current one; every other session ends.
    @Sendable
    package func changePassword(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        let user = actor.user
        let form = try request.content.decode(PasswordForm.self)
        let current = form.currentPassword ?? ""
        let new = form.newPassword ?? ""
        guard let hash = user.passwordHash, try await request.password.async.verify(current, created: hash) else {
            return try await refuseNewPassword(
                Message("accounts.password.current-wrong", "The current password is not right."), request)
        }
        guard new == form.confirmation else {
            return try await refuseNewPassword(
                Message("accounts.password.confirmation-differs", "The new password and its confirmation differ."),
                request)
        }
        if let problem = request.application.passwordPolicy.problem(with: new, email: user.email) {
            return try await refuseNewPassword(problem, request)
        }
        let newHash = try await request.password.async.hash(new)
        try await request.db.transaction { db in
            user.passwordHash = newHash
            try await user.update(on: db)
            try await SessionStore.endAll(of: user.requireID(), keeping: actor.session?.id, on: db)
            try await AuditLog.record(
                request.editContext, action: "change_password", recordType: "user",
                recordID: try user.requireID().uuidString,
                organisation: user.organisation, on: db)
        }
        return request.redirect(to: AccountsPath.account.href(), showing: AccountNotice.password)
    }

    /// The account page again, saying why the password was not changed.
    private func refuseNewPassword(_ reason: Message, _ request: Request) async throws -> Response {
        try await renderAccount(request, error: request.text(reason)).encodeResponse(status: .badRequest, for: request)
    }

    /// Ends one of the user's own sessions (another browser, a lost laptop).
    @Sendable
    package func endSession(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        let id = request.parameters.get("id") ?? ""
        guard
            let session = try await UserSession.query(on: request.db).filter(\.$id == id)
                .filter(\.$user.$id == actor.user.requireID()).first()
        else { throw Refusal(.notFound, Message("accounts.session.unknown", "You have no session with this id.")) }
        try await end(session, request: request)
        if session.id == actor.session?.id {
            let response = request.redirect(to: "/", redirectType: .normal)
            response.cookies[SessionStore.cookieName] = SessionStore.expiredCookie(request: request)
            return response
        }
        return request.redirect(to: AccountsPath.account.href(), showing: AccountNotice.session)
    }

    private func end(_ session: UserSession, request: Request) async throws {
        let user = try request.requireActor().user
        try await request.db.transaction { db in
            try await session.delete(on: db)
            try await AuditLog.record(
                request.editContext, action: "end_session", recordType: "user",
                recordID: try user.requireID().uuidString,
                organisation: user.organisation, changes: AuditChanges([("session from", session.ip, nil)]), on: db)
        }
    }

    package struct TokenForm: Content {
        package var name: String?
        package var scope: String?
        /// A day, `YYYY-MM-DD`, or empty for no expiry.
        package var expires: String?
    }

    /// Creates a token and shows it, once, on the account page.
    @Sendable
    package func createToken(_ request: Request) async throws -> Response {
        let form = try request.content.decode(TokenForm.self)
        guard let scope = APIToken.Scope(rawValue: form.scope ?? "") else {
            throw BadRequest(
                Message("accounts.token.scope.invalid", "'{field}' must be read or write.", ["field": .text("scope")]))
        }
        var expiresAt: Date?
        if let text = form.expires, !text.isEmpty {
            guard let day = DateText.parseDay(text) else {
                throw BadRequest(
                    Message(
                        "accounts.token.expiry.invalid", "'{field}' must be a day such as 2027-06-30; got '{value}'.",
                        ["field": .text("expires"), "value": .text(text)]))
            }
            expiresAt = day.addingTimeInterval(24 * 3600)
        }
        let (_, secret) = try await APITokens.create(
            for: request.requireActor().user, name: form.name ?? "", scope: scope, expiresAt: expiresAt,
            ip: request.clientAddress, on: request.db)
        return try await renderAccount(request, newToken: secret).encodeResponse(status: .created, for: request)
    }

    /// Revokes one of the user's tokens.
    @Sendable
    package func revokeToken(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Refusal(.notFound, Message("accounts.token.unknown", "There is no token with this id."))
        }
        try await APITokens.revoke(id, of: request.requireActor().user, ip: request.clientAddress, on: request.db)
        return request.redirect(to: AccountsPath.account.href(), showing: AccountNotice.revoked)
    }

    // MARK: invitations

    package struct InvitationPage: Encodable {
        package var layout: Layout
        package var email: String
        package var joining: String
        package var role: String?
        package var expires: String
        package var name: String
        package var message: String?
    }

    package struct InvitationForm: Content {
        package var name: String?
        package var password: String?
        package var confirmation: String?
    }

    /// The page an invitation link opens: choose a name and a password.
    @Sendable
    package func invitation(_ request: Request) async throws -> View {
        let invitation = try await Invitations.open(
            secret: request.parameters.get("token") ?? "", now: Date(), on: request.db)
        return try await renderInvitation(request, invitation, name: "", message: nil)
    }

    private func renderInvitation(_ request: Request, _ invitation: Invitation, name: String, message: String?)
        async throws -> View
    {
        let joining =
            invitation.isPlatformAdmin && invitation.organisation == nil
            ? request.text(
                Message("accounts.invitation.joining-platform", "Cityweave, as a platform administrator"))
            : try await request.name(of: invitation.organisation) ?? "Cityweave"
        let page = InvitationPage(
            layout: Layout(title: Message("accounts.invitation.title", "Accept your invitation"), request: request),
            email: invitation.email, joining: joining, role: invitation.role.map { request.text($0.label) },
            expires: request.text(minute: invitation.expiresAt), name: name, message: message)
        return try await request.view.render("Accounts/invitation", page)
    }

    /// Accepts the invitation: sets the password, spends the link and signs in.
    @Sendable
    package func acceptInvitation(_ request: Request) async throws -> Response {
        let invitation = try await Invitations.open(
            secret: request.parameters.get("token") ?? "", now: Date(), on: request.db)
        let form = try request.content.decode(InvitationForm.self)
        let name = form.name ?? ""
        guard form.password == form.confirmation else {
            return try await renderInvitation(
                request, invitation, name: name,
                message: request.text(
                    Message("accounts.invitation.confirmation-differs", "The password and its confirmation differ."))
            ).encodeResponse(status: .badRequest, for: request)
        }
        let user: User
        do {
            user = try await Invitations.accept(
                invitation, name: name, password: form.password ?? "", policy: request.application.passwordPolicy,
                hasher: request.password.async, ip: request.clientAddress, on: request.db)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderInvitation(request, invitation, name: name, message: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
        let (_, cookie) = try await SessionStore.start(for: user, request: request)
        let response = request.redirect(to: AccountsPath.account.href(), showing: AccountNotice.welcome)
        response.cookies[SessionStore.cookieName] = SessionStore.cookie(cookie, request: request)
        return response
    }
}
