import CityweaveShared

/// The accounts module's part of the OpenAPI document.
package enum AccountsOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static let tokenID: JSONValue = [
        "name": "id", "in": "path", "required": true, "description": "The token's id.",
        "schema": ["type": "string", "format": "uuid"],
    ]

    package static let paths: JSONValue = [
        "/api/v1/me": Doc.authenticated(
            "get", "getMe", "The token's user: their organisation, role and the token's scope.", tag: "Accounts",
            success: ("200", Doc.ok("Me", description: "The signed-in user.")), refusals: []),
        "/api/v1/tokens": Doc.authenticated(
            "get", "listTokens", "The user's API tokens, newest first; never their secrets.", tag: "Accounts",
            success: (
                "200",
                [
                    "description": "The tokens.",
                    "content": [
                        "application/json": [
                            "schema": ["type": "array", "items": ["$ref": "#/components/schemas/APIToken"]]
                        ]
                    ],
                ]
            ), refusals: []
        ).merging(
            Doc.authenticated(
                "post", "createToken", "Creates a token; the answer is the only time its secret is shown.",
                tag: "Accounts", body: "CreateAPIToken",
                success: ("201", Doc.ok("CreatedAPIToken", description: "The token and its secret.")),
                refusals: ["400"])),
        "/api/v1/tokens/{id}": Doc.authenticated(
            "delete", "revokeToken", "Revokes one of the user's tokens at once.", tag: "Accounts",
            parameters: [tokenID],
            success: ("204", Doc.noContent("Revoked.")), refusals: ["400", "404"]),
    ]

    private static let string: JSONValue = ["type": "string"]
    private static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    private static let scope: JSONValue = [
        "type": "string", "enum": ["read", "write"], "description": "read, or write (read and write).",
    ]

    package static let schemas: JSONValue = [
        "Me": [
            "type": "object",
            "required": ["id", "email", "name", "isPlatformAdmin"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "email": string, "name": string,
                "isPlatformAdmin": ["type": "boolean"],
                "organisation": [
                    "type": "object", "required": ["kind", "id", "name"],
                    "properties": [
                        "kind": ["type": "string", "enum": ["city", "network"]], "id": ["type": "integer"],
                        "name": string,
                    ],
                ],
                "role": ["type": "string", "enum": ["viewer", "editor", "admin"]],
                "tokenScope": scope,
            ],
        ],
        "APIToken": [
            "type": "object",
            "required": ["id", "name", "prefix", "scope"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "name": string,
                "prefix": ["type": "string", "description": "The token's first characters, to recognise it."],
                "scope": scope, "createdAt": dateTime, "expiresAt": dateTime, "lastUsedAt": dateTime,
                "revokedAt": dateTime,
            ],
        ],
        "CreateAPIToken": [
            "type": "object",
            "required": ["name", "scope"],
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 100], "scope": scope,
                "expiresAt": ["type": "string", "format": "date-time", "description": "Optional; in the future."],
            ],
        ],
        "CreatedAPIToken": [
            "type": "object",
            "required": ["token", "details"],
            "properties": [
                "token": ["type": "string", "description": "The secret: shown this once, never again."],
                "details": ["$ref": "#/components/schemas/APIToken"],
            ],
        ],
    ]
}
