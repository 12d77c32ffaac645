import Fluent
import Vapor

/// What a user may do within their organisation; each role includes the ones below it.
enum Role: String, Codable, CaseIterable, Comparable, Sendable {
    case viewer, editor, admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .editor: 1
        case .admin: 2
        }
    }

    static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    var label: String { rawValue.capitalized }
}

/// A city or a network: the organisations users belong to and records belong to.
struct Organisation: Hashable, Codable, Sendable {
    enum Kind: String, Codable, CaseIterable, Sendable {
        case city, network
    }

    var kind: Kind
    var id: Int

    static func city(_ id: Int) -> Self { Self(kind: .city, id: id) }
    static func network(_ id: Int) -> Self { Self(kind: .network, id: id) }

}
