import Foundation
import Vapor

/// The fields each JSON request body may hold, read from the OpenAPI
/// document, so that a field the server would otherwise ignore (a typo, a
/// field of another route, a read-only field) is a 400 naming it rather than
/// a 200 that changed nothing. An object schema with `properties` and no
/// `additionalProperties` is closed; `allOf`, `oneOf` and `anyOf` accept the
/// fields of any of their branches. A field is null only where its schema
/// says it may be.
package struct RequestBodyFields: Sendable {
    /// Request body schemas by method and path, with every path parameter written `{}`.
    private var schemas: [String: JSONValue] = [:]
    private let components: JSONValue?

    /// The request bodies `document` describes.
    package init(document: JSONValue) {
        components = document["components"]?["schemas"]
        guard case .object(let paths)? = document["paths"] else { return }
        for (path, operations) in paths {
            guard case .object(let methods) = operations else { continue }
            for (method, operation) in methods {
                if let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] {
                    schemas[Self.key(method: method, path: Self.placeholders(in: path))] = schema
                }
            }
        }
    }

    /// Refuses a field of `body` that the route's documented schema does not name.
    package func check(_ body: Data, method: HTTPMethod, route: Route) throws {
        let path =
            "/"
            + route.path.map { component in
                if case .constant(let text) = component { return text }
                return "{}"
            }.joined(separator: "/")
        guard let schema = schemas[Self.key(method: method.rawValue, path: path)],
            let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        else { return }
        try check(value, against: schema, at: "")
    }

    private func check(_ value: Any, against schema: JSONValue, at path: String) throws {
        let schema = resolved(schema)
        if let items = value as? [Any] {
            guard let itemSchema = schema["items"] else { return }
            for (index, item) in items.enumerated() { try check(item, against: itemSchema, at: "\(path)[\(index)]") }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let properties = fields(of: schema)
        guard !properties.isEmpty, !allowsOtherFields(schema) else { return }
        for (name, field) in object.sorted(by: { $0.key < $1.key }) {
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            guard let fieldSchema = properties[name] else {
                let known = properties.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                throw BadRequest("'\(fieldPath)' is not a field of this request; it takes \(known).")
            }
            if field is NSNull, !allowsNull(resolved(fieldSchema)) {
                throw BadRequest("'\(fieldPath)' may not be null; leave it out or give a value.")
            }
            try check(field, against: fieldSchema, at: fieldPath)
        }
    }

    private func allowsNull(_ schema: JSONValue) -> Bool {
        switch schema["type"] {
        case .string("null")?: return true
        case .array(let types)?: return types.contains(.string("null"))
        default: break
        }
        return ["oneOf", "anyOf"].contains { combinator in
            guard case .array(let branches)? = schema[combinator] else { return false }
            return branches.contains { allowsNull(resolved($0)) }
        }
    }

    /// The named properties of a schema and of its branches.
    private func fields(of schema: JSONValue) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        if case .object(let members)? = schema["properties"] {
            for (name, field) in members { fields[name] = field }
        }
        for combinator in ["allOf", "oneOf", "anyOf"] {
            guard case .array(let branches)? = schema[combinator] else { continue }
            for branch in branches { fields.merge(self.fields(of: resolved(branch))) { first, _ in first } }
        }
        return fields
    }

    private func allowsOtherFields(_ schema: JSONValue) -> Bool {
        guard let additional = schema["additionalProperties"] else { return false }
        return additional != .bool(false)
    }

    private func resolved(_ schema: JSONValue) -> JSONValue {
        guard case .string(let reference)? = schema["$ref"],
            let name = reference.split(separator: "/").last, let target = components?[String(name)]
        else { return schema }
        return resolved(target)
    }

    private static func key(method: String, path: String) -> String { "\(method.uppercased()) \(path)" }

    private static func placeholders(in path: String) -> String {
        path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }
}

extension Request {
    /// The JSON body decoded as `Body`, after refusing any field its route's documented schema lacks.
    package func jsonBody<Body: Decodable>(_ type: Body.Type) throws -> Body {
        if let route, let buffer = body.data {
            try application.modules.requestBodyFields.check(
                Data(buffer.readableBytesView), method: method, route: route)
        }
        return try content.decode(type)
    }
}
