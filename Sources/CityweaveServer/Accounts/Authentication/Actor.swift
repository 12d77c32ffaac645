import Vapor

/// Who is making a request and with what: a browser session or an API token.
struct Actor: Sendable {
    enum Credential: Sendable {
        case session(UserSession)
        case token(APIToken)
    }

    let user: User
    let credential: Credential

    /// Sessions may write; tokens only when they were created with the write scope.
    var mayWrite: Bool {
        switch credential {
        case .session: true
        case .token(let token): token.scope == .write
        }
    }

    var session: UserSession? {
        if case .session(let session) = credential { return session }
        return nil
    }
}

extension Request {
    private struct ActorKey: StorageKey {
        typealias Value = Actor
    }

    /// The signed-in user of this request, if any (set by `Authentication`).
    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The client's address: the first `X-Forwarded-For` hop when
    /// `CITYWEAVE_TRUST_PROXY` says a proxy sets it, the peer's address otherwise.
    var clientAddress: String {
        if application.cityweave.trustsProxy,
            let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first
        {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    /// Whether the browser reached us over HTTPS, so that cookies can be marked Secure.
    var isSecureOrigin: Bool {
        if application.cityweave.publicURL?.hasPrefix("https://") == true { return true }
        return application.cityweave.trustsProxy && headers.first(name: "X-Forwarded-Proto") == "https"
    }
}
