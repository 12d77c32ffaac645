import Foundation

/// What a member list says about a member that is not a city, read from a
/// note such as "…; entity type: Region (not a city); seat: Graz": the body's
/// kind as the list words it, and the town where it sits. The entity type
/// runs to the seat or to the end of the note.
public struct MemberEntity: Equatable, Sendable {
    public var kind: String
    public var seat: String

    public init(kind: String, seat: String) {
        self.kind = kind
        self.seat = seat
    }

    /// Nil when the note names no entity type: the member is a city.
    public init?(note: String) {
        guard let marker = note.range(of: "entity type:") else { return nil }
        var rest = Substring(note[marker.upperBound...])
        var seat = Substring("")
        if let seatMarker = rest.range(of: "; seat:") {
            seat = rest[seatMarker.upperBound...].prefix { $0 != ";" }
            rest = rest[..<seatMarker.lowerBound]
        }
        let kind = rest.replacing(" (not a city)", with: "").trimmingCharacters(in: .whitespaces)
        guard !kind.isEmpty, kind.lowercased() != "city" else { return nil }
        self.kind = kind
        self.seat = seat.trimmingCharacters(in: .whitespaces)
    }
}
