import Vapor

/// The OpenAPI 3.1 document of the JSON API, assembled from what each
/// module describes of its own routes.
package enum OpenAPIDocument {
    /// The document of `modules`, the modules' descriptions and the server's own routes.
    package static func assembled(from modules: [any OpenAPIModule.Type]) -> JSONValue {
        var paths: JSONValue = [:]
        var schemas: JSONValue = [
            "Problem": [
                "type": "object",
                "description": "An error (RFC 9457).",
                "required": ["type", "title", "status", "detail"],
                "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": [
                        "type": "string",
                        "description":
                            "What went wrong, naming the field, in the language of `Accept-Language` (en, zh, es, fr, ar or ru; English otherwise). Field names and codes stay as a client writes them.",
                    ],
                    "instance": ["type": "string"],
                ],
            ],
            "PageMetadata": [
                "type": "object",
                "required": ["page", "per", "total", "pageCount"],
                "properties": [
                    "page": ["type": "integer", "minimum": 1], "per": ["type": "integer", "minimum": 1],
                    "total": ["type": "integer", "minimum": 0], "pageCount": ["type": "integer", "minimum": 1],
                ],
            ],
        ]
        for module in modules + [HealthOpenAPI.self] {
            paths = paths.merging(module.paths)
            schemas = schemas.merging(module.schemas)
        }
        paths = withRefusalsOfAnyRequest(nonEmptyFilters(in: paths))
        schemas = closingRequestSchemas(in: schemas, usedBy: paths)
        (paths, schemas) = (sixtyFourBitIntegers(in: paths), sixtyFourBitIntegers(in: schemas))
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Cityweave API",
                "version": "1.0.0",
                "description":
                    "The open directory of city diplomacy: cities, networks, memberships, partnerships and countries. Reading is open to all; writing takes a personal API token (`Authorization: Bearer`), created on the account page or with `cityweave tokens create`. A token that is sent must be valid: an unknown, revoked or expired one gets 401 on any request, reads included. Paths, field names and codes are in English; texts for people (problem details, reasons, labels) follow `Accept-Language` among English, Chinese, Spanish, French, Arabic and Russian.",
                "license": ["name": "Apache-2.0", "identifier": "Apache-2.0"],
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "responses": [
                    "BadRequest": problemResponse("A parameter is out of range or malformed; `detail` names it."),
                    "NotFound": problemResponse("There is no such record."),
                    "Unauthorized": problemResponse("No API token, or one that is unknown, revoked or expired."),
                    "Forbidden": problemResponse("The token's user may not do this, or the token may only read."),
                    "Conflict": problemResponse("The record already exists or was already decided."),
                    "Unprocessable": problemResponse("The request is well formed but too large to compute exactly."),
                    "UnsupportedMediaType": problemResponse("The body is not sent as `application/json`."),
                    "Unavailable": problemResponse(
                        "The database is busy or does not answer; `Retry-After` says when to try again."),
                    "URITooLong": problemResponse("The address is longer than 8 KB."),
                    "HeadersTooLarge": problemResponse("The request's headers hold more than 32 KB."),
                    "TooManyRequests": problemResponse(
                        "Too many requests from this address; `Retry-After` says when to try again."),
                ],
                "securitySchemes": [
                    "bearerAuth": [
                        "type": "http", "scheme": "bearer",
                        "description": "A personal API token (cwt_…), with the read or the write scope.",
                    ]
                ],
                "parameters": [
                    "page": [
                        "name": "page", "in": "query", "description": "Page number, from 1.",
                        "schema": ["type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1],
                    ],
                    "per": [
                        "name": "per", "in": "query", "description": "Items per page.",
                        "schema": ["type": "integer", "minimum": 1, "maximum": 100],
                    ],
                    "order": [
                        "name": "order", "in": "query", "description": "Sort direction.",
                        "schema": ["type": "string", "enum": ["asc", "desc"]],
                    ],
                ],
            ],
        ]
    }

    /// What any operation may answer, whatever it does (see `RequestLimits`, `Authentication` and
    /// `ErrorResponder`): 400 for a query parameter given twice, 401 for a token that is not valid, 414
    /// and 431 for an oversized request, 503 when the database is busy or away.
    private static func withRefusalsOfAnyRequest(_ paths: JSONValue) -> JSONValue {
        let refusals: [(String, String)] = [
            ("400", "BadRequest"), ("401", "Unauthorized"), ("414", "URITooLong"), ("431", "HeadersTooLarge"),
            ("503", "Unavailable"),
        ]
        guard case .object(let members) = paths else { return paths }
        return .object(
            members.map { path, operations in
                guard path.hasPrefix("/api/"), case .object(let methods) = operations else { return (path, operations) }
                return (
                    path,
                    .object(
                        methods.map { method, operation in
                            let missing = refusals.filter { operation["responses"]?[$0.0] == nil }
                            let added = JSONValue.object(
                                missing.map { ($0.0, ["$ref": .string("#/components/responses/\($0.1)")]) })
                            return (method, operation.merging(["responses": added]))
                        })
                )
            })
    }

    /// The server refuses an empty filter through the API (see `Request.filterQuery`): every free-text
    /// query parameter but the search text `q` says so with `minLength`.
    private static func nonEmptyFilters(in paths: JSONValue) -> JSONValue {
        func visit(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let items):
                return .array(items.map(visit))
            case .object(let members):
                var members = members.map { ($0.0, visit($0.1)) }
                let object = JSONValue.object(members)
                if object["in"] == "query", object["name"] != "q", let schema = object["schema"],
                    schema["type"] == "string", schema["enum"] == nil, schema["minLength"] == nil,
                    let index = members.firstIndex(where: { $0.0 == "schema" })
                {
                    members[index].1 = schema.merging(["minLength": 1])
                }
                return .object(members)
            default:
                return value
            }
        }
        return visit(paths)
    }

    /// A whole number the server reads is a 64-bit integer: where a schema sets no maximum, it says so.
    private static func sixtyFourBitIntegers(in value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { sixtyFourBitIntegers(in: $0) })
        case .object(let members):
            let object = JSONValue.object(members.map { ($0.0, sixtyFourBitIntegers(in: $0.1)) })
            let types: [JSONValue] =
                switch object["type"] {
                case .array(let types)?: types
                case let type?: [type]
                case nil: []
                }
            guard types.contains("integer"), object["maximum"] == nil else { return object }
            let bounds: JSONValue = ["format": "int64", "maximum": .integer(Int(Int64.max))]
            return object.merging(bounds)
        default:
            return value
        }
    }

    /// The server refuses a field a request body's schema does not name (see `RequestBodyFields`): the
    /// schemas of request bodies, and the object schemas within them, say so with
    /// `additionalProperties: false`.
    private static func closingRequestSchemas(in schemas: JSONValue, usedBy paths: JSONValue) -> JSONValue {
        func references(in value: JSONValue) -> [String] {
            switch value {
            case .array(let items): return items.flatMap(references)
            case .object(let members):
                return members.flatMap { key, member in
                    if key == "$ref", case .string(let target) = member {
                        return [String(target.split(separator: "/").last ?? "")]
                    }
                    return references(in: member)
                }
            default: return []
            }
        }
        func requestBodies(in value: JSONValue) -> [JSONValue] {
            switch value {
            case .array(let items): return items.flatMap(requestBodies)
            case .object(let members):
                return members.flatMap { key, member in key == "requestBody" ? [member] : requestBodies(in: member) }
            default: return []
            }
        }
        var closed = Set<String>()
        var waiting = requestBodies(in: paths).flatMap(references)
        while let name = waiting.popLast() {
            guard closed.insert(name).inserted, let schema = schemas[name] else { continue }
            waiting += references(in: schema)
        }
        func close(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let items): return .array(items.map(close))
            case .object(let members):
                let object = JSONValue.object(members.map { ($0.0, close($0.1)) })
                guard object["properties"] != nil, object["additionalProperties"] == nil else { return object }
                return object.merging(["additionalProperties": false])
            default: return value
            }
        }
        guard case .object(let members) = schemas else { return schemas }
        return .object(members.map { name, schema in (name, closed.contains(name) ? close(schema) : schema) })
    }

    package static func problemResponse(_ description: String) -> JSONValue {
        [
            "description": .string(description),
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ]
    }

    /// A response whose body is the schema named.
    package static func ok(_ schema: String, description: String) -> JSONValue {
        [
            "description": .string(description),
            "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(schema)")]]],
        ]
    }

    /// A page of items of the schema named.
    package static func pageSchema(of item: String) -> JSONValue {
        [
            "type": "object",
            "required": ["items", "metadata"],
            "properties": [
                "items": ["type": "array", "items": ["$ref": .string("#/components/schemas/\(item)")]],
                "metadata": ["$ref": "#/components/schemas/PageMetadata"],
            ],
        ]
    }

    /// A read anyone may make, whose answers a token can widen (drafts of the token's organisation): the
    /// refusals of a bad parameter, a token refused and a record that is not there.
    package static func openRead(
        _ operationId: String, _ summary: String, tag: String, parameters: [JSONValue] = [], ok: JSONValue
    ) -> JSONValue {
        [
            "get": [
                "operationId": .string(operationId), "summary": .string(summary), "tags": [.string(tag)],
                "parameters": .array(parameters),
                "responses": [
                    "200": ok, "400": ["$ref": "#/components/responses/BadRequest"],
                    "401": ["$ref": "#/components/responses/Unauthorized"],
                    "403": ["$ref": "#/components/responses/Forbidden"],
                    "404": ["$ref": "#/components/responses/NotFound"],
                ],
            ]
        ]
    }

    /// An operation that needs a token: its security requirement and the refusals it can answer.
    package static func authenticated(
        _ method: String, _ operationId: String, _ summary: String, tag: String, parameters: [JSONValue] = [],
        body: String? = nil, bodyRequired: Bool = true, success: (status: String, response: JSONValue),
        refusals: [String] = ["400", "404"]
    ) -> JSONValue {
        var responses: JSONValue = [
            .init(stringLiteral: success.status): success.response,
            "401": ["$ref": "#/components/responses/Unauthorized"], "403": ["$ref": "#/components/responses/Forbidden"],
        ]
        let named = ["400": "BadRequest", "404": "NotFound", "409": "Conflict", "422": "Unprocessable"]
        for refusal in refusals {
            let reference: JSONValue = ["$ref": .string("#/components/responses/\(named[refusal]!)")]
            responses = responses.merging(.object([(refusal, reference)]))
        }
        var operation: JSONValue = [
            "operationId": .string(operationId), "summary": .string(summary), "tags": [.string(tag)],
            "security": [["bearerAuth": []]], "parameters": .array(parameters), "responses": responses,
        ]
        if let body {
            operation = operation.merging([
                "requestBody": [
                    "required": .bool(bodyRequired),
                    "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(body)")]]],
                ],
                "responses": ["415": ["$ref": "#/components/responses/UnsupportedMediaType"]],
            ])
        }
        return .object([(method, operation)])
    }

    /// Text that must hold more than spaces, as the server trims what it is sent.
    package static func requiredText(maxLength: Int) -> JSONValue {
        ["type": "string", "minLength": 1, "maxLength": .number(Double(maxLength)), "pattern": "\\S"]
    }

    /// A response with no body.
    package static func noContent(_ description: String) -> JSONValue { ["description": .string(description)] }

    package static func ref(_ parameter: String) -> JSONValue {
        ["$ref": .string("#/components/parameters/\(parameter)")]
    }
}

/// What a module tells the OpenAPI document about its routes.
package protocol OpenAPIModule: SendableMetatype {
    static var paths: JSONValue { get }
    static var schemas: JSONValue { get }
}

/// `GET /api/openapi.json`.
package struct OpenAPIRoutes: RouteCollection {
    package init() {}

    package func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "openapi.json", use: document)
    }

    @Sendable
    package func document(_ request: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let response = Response(
            status: .ok, body: .init(data: try encoder.encode(request.application.modules.openAPIDocument)))
        response.headers.contentType = .json
        return response
    }
}

package enum HealthOpenAPI: OpenAPIModule {
    package static let paths: JSONValue = [
        "/api/openapi.json": [
            "get": [
                "operationId": "openAPIDocument",
                "summary": "This document.",
                "responses": [
                    "200": ["description": "The OpenAPI 3.1 document.", "content": ["application/json": [:]]]
                ],
            ]
        ],
        "/metrics": [
            "get": [
                "operationId": "metrics",
                "summary": "Request counts and durations by route and status, in Prometheus' text format.",
                "responses": [
                    "200": [
                        "description": "Prometheus exposition format 0.0.4.",
                        "content": ["text/plain": ["schema": ["type": "string"]]],
                    ]
                ],
            ]
        ],
        "/healthz": [
            "get": [
                "operationId": "health",
                "summary": "Whether the server and its database answer.",
                "responses": [
                    "200": OpenAPIDocument.ok("Health", description: "The database answers."),
                    "503": OpenAPIDocument.problemResponse("The database does not answer."),
                ],
            ]
        ],
    ]

    package static let schemas: JSONValue = [
        "Health": [
            "type": "object",
            "required": ["status", "database"],
            "properties": ["status": ["type": "string"], "database": ["type": "string"]],
        ]
    ]
}
