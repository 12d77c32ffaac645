import Foundation
import Vapor

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

/// Reads each JSON answer an API test receives against what the OpenAPI
/// document promises for its route and status, so that a renamed field or an
/// undocumented status fails a test rather than a client.
enum ResponseSchemas {
    private static let document: JSON = {
        let data = try! JSONEncoder().encode(CityweaveModules.all.openAPIDocument)
        return try! JSONDecoder().decode(JSON.self, from: data)
    }()

    /// What is wrong with an answer of `status` to `method path`, against the document; empty when nothing is.
    static func problems(method: HTTPMethod, path: String, status: HTTPStatus, contentType: HTTPMediaType?, body: Data)
        -> [String]
    {
        let answer = "\(method.rawValue) \(path) → \(status.code)"
        guard let template = template(for: path),
            let operation = document["paths"]?[template]?[method.rawValue.lowercased()]
        else {
            return [.notFound, .methodNotAllowed].contains(status) ? [] : ["\(answer): no such operation"]
        }
        guard var response = operation["responses"]?["\(status.code)"] else {
            return ["\(answer): the status is not documented"]
        }
        if case .string(let reference)? = response["$ref"] { response = resolve(reference) }
        guard let contentType, contentType.subType.hasSuffix("json"), let content = response["content"] else {
            return []
        }
        let mediaType = "\(contentType.type)/\(contentType.subType)"
        guard let schema = content[mediaType]?["schema"] else { return ["\(answer): \(mediaType) is not documented"] }
        guard let value = try? JSONDecoder().decode(JSON.self, from: body) else {
            return ["\(answer): the body is not JSON"]
        }
        return validate(value, against: schema, at: "$").map { "\(answer): \($0)" }
    }

    /// The document's path template that `path` fills in, preferring fixed segments to parameters.
    private static func template(for path: String) -> String? {
        guard case .object(let paths)? = document["paths"] else { return nil }
        let segments = path.split(separator: "?")[0].split(separator: "/").map(String.init)
        var best: (template: String, fixed: Int)?
        for template in paths.keys {
            let parts = template.split(separator: "/").map(String.init)
            guard parts.count == segments.count else { continue }
            var fixed = 0
            let fits = zip(parts, segments).allSatisfy { part, segment in
                if part.hasPrefix("{") { return true }
                fixed += 1
                return part == segment
            }
            if fits, fixed > (best?.fixed ?? -1) { best = (template, fixed) }
        }
        return best?.template
    }

    private static func resolve(_ reference: String) -> JSON {
        reference.dropFirst(2).split(separator: "/").reduce(document) { node, key in node[String(key)] ?? .null }
    }

    private static func validate(_ value: JSON, against schema: JSON, at path: String) -> [String] {
        if case .string(let reference)? = schema["$ref"] {
            return validate(value, against: resolve(reference), at: path)
        }
        if case .array(let branches)? = schema["allOf"] {
            return branches.flatMap { validate(value, against: $0, at: path) }
        }
        for combinator in ["oneOf", "anyOf"] {
            if case .array(let branches)? = schema[combinator],
                !branches.contains(where: { validate(value, against: $0, at: path).isEmpty })
            {
                return ["\(path) fits none of the \(combinator) branches"]
            }
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) {
            return ["\(path) is \(value), not one of the listed values"]
        }
        let types: [String] =
            switch schema["type"] {
            case .string(let type)?: [type]
            case .array(let types)?: types.compactMap { if case .string(let type) = $0 { type } else { nil } }
            default: []
            }
        if !types.isEmpty, !types.contains(where: value.has(type:)) {
            return ["\(path) is \(value), not \(types.joined(separator: " or "))"]
        }
        var problems: [String] = []
        switch value {
        case .object(let object):
            for case .string(let name) in schema["required"]?.items ?? [] where object[name] == nil {
                problems.append("\(path).\(name) is required but missing")
            }
            for (name, field) in object.sorted(by: { $0.key < $1.key }) {
                if let fieldSchema = schema["properties"]?[name] {
                    problems += validate(field, against: fieldSchema, at: "\(path).\(name)")
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path).\(name) is not in the schema")
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    problems += validate(item, against: itemSchema, at: "\(path)[\(index)]")
                }
            }
        case .number(let number):
            if case .number(let minimum)? = schema["minimum"], number < minimum {
                problems.append("\(path) is \(number), below \(minimum)")
            }
            if case .number(let maximum)? = schema["maximum"], number > maximum {
                problems.append("\(path) is \(number), above \(maximum)")
            }
        default:
            break
        }
        return problems
    }
}

/// Any JSON value, read without Foundation's guesses about numbers and booleans.
private enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var items: [JSON] {
        if case .array(let items) = self { return items }
        return []
    }

    func has(type: String) -> Bool {
        switch (type, self) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .number(let number): "\(number)"
        case .string(let string): "\"\(string.prefix(40))\""
        case .array(let items): "an array of \(items.count)"
        case .object: "an object"
        }
    }
}
