import CityweaveCore
import CityweaveShared
import Vapor

extension Organisation {
    /// `city:12` or `network:3`, as paths and forms name an organisation.
    package init?(reference: String) {
        let parts = reference.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])), let id = Int(parts[1]), id > 0 else {
            return nil
        }
        self.init(kind: kind, id: id)
    }

    package var reference: String { "\(kind.rawValue):\(id)" }
}

extension BadRequest {
    /// A city or a network the directory does not hold, named by `field`.
    package static func noSuchOrganisation(_ organisation: Organisation, field: String) -> BadRequest {
        switch organisation.kind {
        case .city: .noSuchCity(organisation.id, field: field)
        case .network:
            BadRequest(
                Message(
                    "accounts.error.no-such-network", "'{field}': there is no network {id}.",
                    ["field": .text(field), "id": .text("\(organisation.id)")]))
        }
    }
}

extension Request {
    /// An organisation named in the path as `city:12` or `network:3`, or a 400 naming the parameter.
    package func organisationParameter(_ name: String) throws -> Organisation {
        let text = parameters.get(name) ?? ""
        guard let organisation = Organisation(reference: text) else {
            throw BadRequest(
                Message(
                    "accounts.error.organisation-reference", "'{field}' must be city:ID or network:ID; got '{given}'.",
                    ["field": .text(name), "given": .text(text)]))
        }
        return organisation
    }
}
