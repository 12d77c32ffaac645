import CityweaveAccounts
import CityweaveShared

/// The directory's writes in the OpenAPI document: each needs a token of a
/// user entitled to the record (its city's or network's editors, or a platform administrator).
package enum DirectoryEditsOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static func path(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
    }

    private static let positive: JSONValue = ["type": "integer", "minimum": 1]
    private static let cityID = path("id", "The city's id.", positive)
    private static let networkID = path("id", "The network's id or slug.", ["type": "string", "minLength": 1])

    package static let paths: JSONValue = [
        "/api/v1/cities/{id}": Doc.authenticated(
            "patch", "updateCity", "Changes a city's context profile; fields left out stay, null clears.",
            tag: "Directory", parameters: [cityID], body: "CityProfileUpdate",
            success: ("200", Doc.ok("City", description: "The city as it is now."))),
        "/api/v1/cities/{id}/partnerships": Doc.authenticated(
            "post", "addPartnership", "Records a partnership of the city with another.", tag: "Directory",
            parameters: [cityID], body: "NewPartnership",
            success: ("201", Doc.ok("Partnership", description: "The partnership.")),
            refusals: ["400", "404", "409"]),
        "/api/v1/cities/{id}/membership-requests": Doc.authenticated(
            "post", "requestMembership", "The city asks to join a network.", tag: "Directory", parameters: [cityID],
            body: "NewMembershipRequest",
            success: ("201", Doc.ok("MembershipRequest", description: "The request, pending.")),
            refusals: ["400", "404", "409"]),
        "/api/v1/partnerships/{id}": Doc.authenticated(
            "delete", "removePartnership", "Deletes a partnership; either city's editors may.", tag: "Directory",
            parameters: [path("id", "The partnership's id.", positive)],
            success: ("204", Doc.noContent("Deleted."))),
        "/api/v1/networks/{id}": Doc.authenticated(
            "patch", "updateNetwork", "Changes a network's profile; fields left out stay, null clears.",
            tag: "Directory", parameters: [networkID], body: "NetworkProfileUpdate",
            success: ("200", Doc.ok("Network", description: "The network as it is now."))),
        "/api/v1/networks/{id}/members": Doc.authenticated(
            "post", "addMember", "Adds a member city to the network.", tag: "Directory", parameters: [networkID],
            body: "NewMember", success: ("201", Doc.ok("Member", description: "The membership.")),
            refusals: ["400", "404", "409"]),
        "/api/v1/networks/{id}/members/{cityId}": Doc.authenticated(
            "delete", "removeMember", "Removes a member city from the network.", tag: "Directory",
            parameters: [networkID, path("cityId", "The member city's id.", positive)],
            success: ("204", Doc.noContent("Removed."))),
        "/api/v1/networks/{id}/membership-requests": Doc.authenticated(
            "get", "listMembershipRequests", "The requests waiting for the network's decision.", tag: "Directory",
            parameters: [networkID],
            success: (
                "200",
                [
                    "description": "Pending requests, oldest first.",
                    "content": [
                        "application/json": [
                            "schema": ["type": "array", "items": ["$ref": "#/components/schemas/MembershipRequest"]]
                        ]
                    ],
                ]
            )),
        "/api/v1/membership-requests/{id}/decision": Doc.authenticated(
            "post", "decideMembershipRequest", "Accepts (the city becomes a member) or declines a request.",
            tag: "Directory", parameters: [path("id", "The request's id.", positive)], body: "Decision",
            success: ("200", Doc.ok("MembershipRequest", description: "The request, decided.")),
            refusals: ["400", "404", "409"]),
    ]

    private static let string: JSONValue = ["type": "string"]
    private static let year: JSONValue = [
        "type": ["integer", "null"], "minimum": 1800, "maximum": .number(Double(DirectoryEdits.thisYear)),
    ]

    package static let schemas: JSONValue = [
        "CityProfileUpdate": [
            "type": "object",
            "properties": [
                "formOfGovernment": [
                    "type": ["string", "null"],
                    "enum": ["strong_mayor", "council_manager", "committee", "appointed_executive", "other", .null],
                ],
                "fiscalAutonomy": ["type": ["string", "null"], "enum": ["low", "medium", "high", .null]],
                "internationalBudgetShare": ["type": ["number", "null"], "minimum": 0, "maximum": 100],
                "internationalStaff": ["type": ["integer", "null"], "minimum": 0, "maximum": 100_000],
                "workingLanguages": [
                    "type": ["array", "null"], "items": ["type": "string", "pattern": "^[A-Za-z]{2}$"],
                ],
            ],
        ],
        "NetworkProfileUpdate": [
            "type": "object",
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 200],
                "acronym": ["type": ["string", "null"], "maxLength": 40], "founded": year,
                "scope": ["type": "string", "enum": ["global", "regional", "national"]],
                "region": ["type": ["string", "null"], "maxLength": 100],
                "themes": ["type": ["array", "null"], "items": string],
                "website": ["type": ["string", "null"], "description": "An http:// or https:// address."],
                "description": ["type": ["string", "null"], "maxLength": 5000],
            ],
        ],
        "NewPartnership": [
            "type": "object",
            "required": ["partnerCityId", "kind"],
            "properties": [
                "partnerCityId": positive,
                "kind": ["type": "string", "enum": ["sister_city", "friendship", "mou", "economic_partnership"]],
                "since": year, "source": ["type": "string", "maxLength": 500],
            ],
        ],
        "NewMembershipRequest": [
            "type": "object",
            "required": ["networkId"],
            "properties": [
                "networkId": ["type": "string", "description": "The network's id or slug."],
                "message": ["type": "string", "maxLength": 2000],
            ],
        ],
        "NewMember": [
            "type": "object",
            "required": ["cityId"],
            "properties": [
                "cityId": positive, "role": ["type": "string", "maxLength": 60, "description": "Default: member."],
                "since": year,
            ],
        ],
        "Decision": [
            "type": "object",
            "required": ["decision"],
            "properties": ["decision": ["type": "string", "enum": ["accept", "decline"]]],
        ],
        "MembershipRequest": [
            "type": "object",
            "required": ["id", "city", "networkId", "networkSlug", "message", "status"],
            "properties": [
                "id": positive, "city": ["$ref": "#/components/schemas/CitySummary"], "networkId": positive,
                "networkSlug": string, "message": string,
                "status": ["type": "string", "enum": ["pending", "accepted", "declined"]],
                "createdAt": ["type": "string", "format": "date-time"],
                "decidedAt": ["type": "string", "format": "date-time"],
            ],
        ],
    ]
}
