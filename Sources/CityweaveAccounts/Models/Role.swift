import CityweaveCore
import Fluent
import Vapor

/// What a user may do within their organisation; each role includes the ones below it.
package enum Role: String, Codable, CaseIterable, Comparable, Sendable {
    case viewer, editor, admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .editor: 1
        case .admin: 2
        }
    }

    package static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// The role's name as pages show it.
    package var label: Message {
        switch self {
        case .viewer: Message("accounts.role.viewer", "Viewer")
        case .editor: Message("accounts.role.editor", "Editor")
        case .admin: Message("accounts.role.admin", "Admin")
        }
    }
}

/// A city or a network: the organisations users belong to and records belong to.
package struct Organisation: Hashable, Codable, Sendable {
    package enum Kind: String, Codable, CaseIterable, Sendable {
        case city, network
    }

    package var kind: Kind
    package var id: Int

    package init(kind: Kind, id: Int) {
        self.kind = kind
        self.id = id
    }

    package static func city(_ id: Int) -> Self { Self(kind: .city, id: id) }

    /// How pages name an organisation the directory does not hold (any more): its kind and id.
    package var unnamed: Message {
        let values: [String: Message.Value] = ["id": .text(String(id))]
        return switch kind {
        case .city: Message("accounts.organisation.city-id", "city {id}", values)
        case .network: Message("accounts.organisation.network-id", "network {id}", values)
        }
    }
    package static func network(_ id: Int) -> Self { Self(kind: .network, id: id) }

}
