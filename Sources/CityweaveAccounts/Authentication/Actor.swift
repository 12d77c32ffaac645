import Vapor

/// Who is making a request and with what: a browser session or an API token.
package struct Actor: Sendable {
    package enum Credential: Sendable {
        case session(UserSession)
        case token(APIToken)
    }

    package let user: User
    package let credential: Credential

    /// Sessions may write; tokens only when they were created with the write scope.
    package var mayWrite: Bool {
        switch credential {
        case .session: true
        case .token(let token): token.scope == .write
        }
    }

    package var session: UserSession? {
        if case .session(let session) = credential { return session }
        return nil
    }
}

extension Request {
    private struct ActorKey: StorageKey {
        typealias Value = Actor
    }

    /// The signed-in user of this request, if any (set by `Authentication`).
    package var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }
}
