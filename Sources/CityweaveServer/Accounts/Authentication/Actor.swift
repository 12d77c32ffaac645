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

    /// The client's address: the peer's, or behind a trusted reverse proxy the rightmost
    /// `X-Forwarded-For` hop that no trusted proxy added (see ``ClientAddress``).
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trustedProxies: application.cityweave.trustedProxies)
    }

    /// Whether the peer is a reverse proxy whose forwarding headers are believed.
    var comesThroughTrustedProxy: Bool {
        remoteAddress?.ipAddress.map(application.cityweave.trustedProxies.contains) ?? false
    }

    /// Whether the browser reached us over HTTPS, so that cookies can be marked Secure.
    var isSecureOrigin: Bool {
        if application.cityweave.publicURL?.hasPrefix("https://") == true { return true }
        return comesThroughTrustedProxy && headers.first(name: .xForwardedProto) == "https"
    }
}
