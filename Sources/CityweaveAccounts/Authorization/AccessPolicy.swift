import CityweaveCore
import CityweaveShared
import Vapor

/// Who may use a route, declared once where the route is registered (see
/// `RoutesBuilder.on(_:_:policy:use:)`) and checked before its handler runs.
package struct AccessPolicy: Sendable {
    package enum Rule: Sendable {
        /// Sign-in, invitations: no account needed.
        case anyone
        /// One's own account, sessions and tokens.
        case signedIn
        /// At least this role in one of the organisations that own the record
        /// (platform administrators always pass).
        case role(Role, OrganisationLocator)
        /// Platform administrators only (the aid catalogue).
        case platformAdmin
        /// A person the organisation named as one who may commit it (a mayor's office endorsing a
        /// statement). The role does not matter, and platform administrators do not pass: they may
        /// not sign for a city.
        case signatory(OrganisationLocator)
    }

    package let rule: Rule
    /// A POST that computes and changes nothing (a what-if) is open to tokens that may only read.
    package var changesNothing = false

    package static let anyone = AccessPolicy(rule: .anyone)
    package static let signedIn = AccessPolicy(rule: .signedIn)
    /// For what an organisation keeps to itself (a city's strategy and engagements): any of its people may read it.
    package static func viewer(of owner: OrganisationLocator) -> AccessPolicy {
        AccessPolicy(rule: .role(.viewer, owner))
    }
    /// A question to the organisation's private records sent as a POST (its body is the question): read tokens may ask it.
    package static func viewerQuestion(of owner: OrganisationLocator) -> AccessPolicy {
        AccessPolicy(rule: .role(.viewer, owner), changesNothing: true)
    }
    package static func editor(of owner: OrganisationLocator) -> AccessPolicy {
        AccessPolicy(rule: .role(.editor, owner))
    }
    package static func admin(of owner: OrganisationLocator) -> AccessPolicy {
        AccessPolicy(rule: .role(.admin, owner))
    }
    package static let platformAdmin = AccessPolicy(rule: .platformAdmin)
    package static func signatory(of organisation: OrganisationLocator) -> AccessPolicy {
        AccessPolicy(rule: .signatory(organisation))
    }

    /// Throws 401 (or, on pages, a redirect to sign in) without a user, 403 without the right.
    package func authorize(_ request: Request) async throws {
        if case .anyone = rule { return }
        guard let actor = request.actor else { throw Self.signInRequired(request) }
        if ![.GET, .HEAD].contains(request.method), !changesNothing, !actor.mayWrite {
            throw Refusal(
                .forbidden,
                Message(
                    "accounts.access.read-only-token",
                    "This API token may only read; create a token with the write scope."))
        }
        switch rule {
        case .anyone, .signedIn:
            return
        case .platformAdmin:
            guard actor.user.isPlatformAdmin, actor.user.isActive else {
                throw Refusal(
                    .forbidden,
                    Message("accounts.access.platform-admins-only", "Only platform administrators may do this."))
            }
        case .role(let role, let locator):
            let owners = try await locator.resolve(request)
            guard Self.holds(role, in: owners, user: actor.user) else {
                var names: [String] = []
                for owner in owners { names.append(try await request.name(of: owner)) }
                throw Refusal(.forbidden, Self.onlyHolders(of: role, in: names))
            }
        case .signatory(let locator):
            let organisations = try await locator.resolve(request)
            guard organisations.contains(where: actor.user.signs(for:)) else {
                var names: [Message] = []
                for organisation in organisations { names.append(.name(try await request.name(of: organisation))) }
                throw Refusal(
                    .forbidden,
                    Message(
                        "accounts.access.signatories-only",
                        "Only the people {organisation} named as its signatories may sign for it.",
                        ["organisation": .alternatives(names)]))
            }
        }
    }

    /// Who may do what was refused: `role`'s holders in one of the organisations named, or in the
    /// user's own when none is named. A sentence per role, as languages inflect each noun differently.
    private static func onlyHolders(of role: Role, in names: [String]) -> Message {
        let whose: Message.Value =
            names.isEmpty
            ? .message(Message("accounts.access.your-organisation", "your organisation"))
            : .alternatives(names.map(Message.name))
        let values: [String: Message.Value] = ["organisation": whose]
        return switch role {
        case .viewer:
            Message(
                "accounts.access.viewers-only",
                "Only viewers of {organisation} or platform administrators may do this.", values)
        case .editor:
            Message(
                "accounts.access.editors-only",
                "Only editors of {organisation} or platform administrators may do this.", values)
        case .admin:
            Message(
                "accounts.access.admins-only", "Only admins of {organisation} or platform administrators may do this.",
                values)
        }
    }

    /// Whether `user` holds at least `role` in one of `owners`; platform administrators hold every role.
    package static func holds(_ role: Role, in owners: [Organisation], user: User?) -> Bool {
        guard let user, user.isActive else { return false }
        if user.isPlatformAdmin { return true }
        return owners.contains { owner in user.role(in: owner).map { $0 >= role } ?? false }
    }

    private static func signInRequired(_ request: Request) -> any Error {
        if ErrorResponder.wantsProblem(request) {
            return Refusal(
                .unauthorized,
                Message(
                    "accounts.access.token-required",
                    "Send an API token as 'Authorization: Bearer …'; create one on your account page."),
                headers: ["WWW-Authenticate": "Bearer"])
        }
        if request.method == .GET {
            var next = URLComponents()
            next.queryItems = [URLQueryItem(name: "next", value: request.url.string)]
            return Abort.redirect(to: AccountsPath.login.href() + (next.string ?? ""))
        }
        return Refusal(.forbidden, Message("accounts.access.sign-in-to-change", "Sign in to make changes."))
    }
}

/// Finds the organisations that own the record a request is about.
package struct OrganisationLocator: Sendable {
    package let resolve: @Sendable (Request) async throws -> [Organisation]

    package init(resolve: @escaping @Sendable (Request) async throws -> [Organisation]) {
        self.resolve = resolve
    }

    /// The signed-in user's own organisation (for managing its people and log).
    package static let ownOrganisation = OrganisationLocator { request in
        request.actor?.user.organisation.map { [$0] } ?? []
    }
}

/// Checks a route's policy before its handler.
package struct PolicyMiddleware: AsyncMiddleware {
    package let policy: AccessPolicy

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await policy.authorize(request)
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// Registers a route together with who may use it. Every route that
    /// writes, and every page that shows private data, is registered this way.
    @discardableResult
    package func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: PathComponent..., policy: AccessPolicy,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, components: path, policy: policy, use: handler)
    }

    /// Registers a page's route together with who may use it.
    @discardableResult
    package func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: some SitePath, policy: AccessPolicy,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, components: path.pathComponents, policy: policy, use: handler)
    }

    private func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, components: [PathComponent], policy: AccessPolicy,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = grouped(PolicyMiddleware(policy: policy)).on(method, components, use: handler)
        route.userInfo[AccessPolicy.userInfoKey] = policy
        return route
    }
}

extension AccessPolicy {
    /// Where a route keeps its policy, so that tests can prove every write route has one.
    package static let userInfoKey = "cityweave.accessPolicy"
}

extension Route {
    package var accessPolicy: AccessPolicy? { userInfo[AccessPolicy.userInfoKey] as? AccessPolicy }
}
