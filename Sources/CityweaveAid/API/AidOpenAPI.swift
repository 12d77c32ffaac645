import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared

/// The aid module in the OpenAPI document. Reading is open (contact
/// details need a token); posting and answering take a token of the city's
/// editors, running the matching one of a network's coordinators or of a
/// platform administrator.
package enum AidOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static let positive: JSONValue = ["type": "integer", "minimum": 1]
    private static let string: JSONValue = ["type": "string"]
    private static let day: JSONValue = ["type": "string", "format": "date"]
    private static let nullableDay: JSONValue = ["type": ["string", "null"], "format": "date"]
    private static let urgency: JSONValue = [
        "type": "string", "enum": .array(AidUrgency.allCases.map { .string($0.rawValue) }),
        "description": "Weighs a unit of need met: critical 8, high 4, medium 2, low 1.",
    ]
    private static let payer: JSONValue = [
        "type": "string", "enum": .array(TransportPayer.allCases.map { .string($0.rawValue) }),
    ]

    private static func id(_ what: String) -> JSONValue {
        ["name": "id", "in": "path", "required": true, "description": .string("The \(what)'s id."), "schema": positive]
    }

    private static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "query", "description": .string(description), "schema": schema]
    }

    private static func get(_ operationId: String, _ summary: String, parameters: [JSONValue] = [], ok: JSONValue)
        -> JSONValue
    {
        [
            "get": [
                "operationId": .string(operationId), "summary": .string(summary), "tags": ["Aid"],
                "parameters": .array(parameters),
                "responses": [
                    "200": ok, "400": ["$ref": "#/components/responses/BadRequest"],
                    "404": ["$ref": "#/components/responses/NotFound"],
                ],
            ]
        ]
    }

    private static func write(
        _ operationId: String, _ summary: String, parameters: [JSONValue] = [], body: String?,
        bodyRequired: Bool = true, success: (String, JSONValue), refusals: [String] = ["400", "404", "409"]
    ) -> JSONValue {
        Doc.authenticated(
            "post", operationId, summary, tag: "Aid", parameters: parameters, body: body, bodyRequired: bodyRequired,
            success: success, refusals: refusals)
    }

    private static let listFilters: [JSONValue] = [
        query("resource", "A resource code.", string), query("city", "A city id.", positive),
        query(
            "status", "open (the default), withdrawn, fulfilled, or all.",
            ["type": "string", "enum": ["open", "withdrawn", "fulfilled", "all"]]),
        Doc.ref("page"), Doc.ref("per"),
    ]

    private static func step(_ name: String, _ summary: String) -> JSONValue {
        write(
            "\(name)Allocation", summary, parameters: [id("allocation")], body: "AllocationAction",
            bodyRequired: false, success: ("200", Doc.ok("Allocation", description: "The allocation as it is now.")))
    }

    package static let paths: JSONValue = [
        "/api/v1/aid/resources": get(
            "listAidResources", "The catalogue: what can be offered and asked for, and its unit.",
            ok: [
                "description": "The resources.",
                "content": [
                    "application/json": [
                        "schema": ["type": "array", "items": ["$ref": "#/components/schemas/AidResource"]]
                    ]
                ],
            ]
        ).merging(
            write(
                "createAidResource", "Adds a resource to the catalogue (platform administrators).",
                body: "AidResource", success: ("201", Doc.ok("AidResource", description: "The resource.")),
                refusals: ["400", "409"])),
        "/api/v1/aid/offers": get(
            "listAidOffers", "Offers of help, those that end first first.", parameters: listFilters,
            ok: Doc.ok("AidPostPage", description: "A page of offers.")
        ).merging(
            write(
                "createAidOffer", "Posts an offer of the city named in the body (its editors).", body: "AidPostInput",
                success: ("201", Doc.ok("AidPost", description: "The offer.")), refusals: ["400"])),
        "/api/v1/aid/offers/{id}": get(
            "getAidOffer", "An offer.", parameters: [id("offer")], ok: Doc.ok("AidPost", description: "The offer.")),
        "/api/v1/aid/offers/{id}/withdraw": write(
            "withdrawAidOffer", "Takes an offer out of future matchings; accepted allocations go on.",
            parameters: [id("offer")], body: nil, success: ("200", Doc.ok("AidPost", description: "The offer."))),
        "/api/v1/aid/requests": get(
            "listAidRequests", "Requests for help, those needed first first.", parameters: listFilters,
            ok: Doc.ok("AidPostPage", description: "A page of requests.")
        ).merging(
            write(
                "createAidRequest", "Posts a request of the city named in the body (its editors).",
                body: "AidPostInput", success: ("201", Doc.ok("AidPost", description: "The request.")),
                refusals: ["400"])),
        "/api/v1/aid/requests/{id}": get(
            "getAidRequest", "A request.", parameters: [id("request")],
            ok: Doc.ok("AidPost", description: "The request.")),
        "/api/v1/aid/requests/{id}/withdraw": write(
            "withdrawAidRequest", "Takes a request out of future matchings; accepted allocations go on.",
            parameters: [id("request")], body: nil, success: ("200", Doc.ok("AidPost", description: "The request."))),
        "/api/v1/aid/matching-runs": write(
            "runAidMatching",
            "Computes the optimal allocation of the open offers' free quantities to the open requests (most urgent need met first, then least cost) and saves it as proposals. Without `network`, over every city (platform administrators); with it, over the network's members (its coordinators). Proposals of earlier runs that nobody answered over the same offers and requests are superseded. A matching too large for exact 64-bit arithmetic is a 422.",
            body: "MatchingRunInput", bodyRequired: false,
            success: ("201", Doc.ok("MatchingRun", description: "The run and its proposals.")),
            refusals: ["400", "404", "422"]),
        "/api/v1/aid/matching-runs/{id}": get(
            "getAidMatchingRun", "A run with its allocations and their current status.", parameters: [id("run")],
            ok: Doc.ok("MatchingRun", description: "The run.")),
        "/api/v1/aid/allocations/{id}": get(
            "getAidAllocation", "An allocation.", parameters: [id("allocation")],
            ok: Doc.ok("Allocation", description: "The allocation.")),
        "/api/v1/aid/allocations/{id}/accept": step(
            "accept",
            "Accepts for the acting city's side. The first acceptance holds the quantity on the offer and the request (409 if it is no longer free); the second commits."
        ),
        "/api/v1/aid/allocations/{id}/decline": step(
            "decline",
            "Declines for the acting city's side, until the help ships (a committed allocation too); frees what it held."
        ),
        "/api/v1/aid/allocations/{id}/ship": step(
            "ship", "The offering city records the shipment: `quantity` (default all) and `date` (default today)."),
        "/api/v1/aid/allocations/{id}/receive": step(
            "receive",
            "The requesting city records the receipt: `quantity` (default what shipped, at most that) and `date`."),
        "/api/v1/aid/ledger": get(
            "getAidLedger", "Who gave what to whom: shipments and receipts, newest first, with totals per direction.",
            parameters: [
                query("city", "Everything this city gave and received.", positive),
                query(
                    "partner", "Only with `city` (alone it is a 400): only between the two, both directions.", positive),
                Doc.ref("page"), Doc.ref("per"),
            ], ok: Doc.ok("AidLedger", description: "The ledger.")),
    ]

    private static let city: JSONValue = [
        "type": "object", "required": ["id", "name", "countryCode"],
        "properties": ["id": positive, "name": string, "countryCode": string],
    ]

    package static let schemas: JSONValue = [
        "AidResource": [
            "type": "object", "required": ["code", "name", "unit", "category"],
            "properties": [
                "code": ["type": "string", "pattern": "^[a-z0-9-]{2,60}$"], "name": Doc.requiredText(maxLength: 120),
                "unit": Doc.requiredText(maxLength: 40).merging([
                    "description": "What it is counted in, plural (masks, hours)."
                ]),
                "category": ["type": "string", "enum": .array(AidCategory.allCases.map { .string($0.rawValue) })],
                "cluster": [
                    "type": "string", "enum": .array(AidCluster.allCases.map { .string($0.rawValue) }),
                    "description":
                        "The humanitarian (IASC) cluster; in a new resource, the category's usual one when absent.",
                ],
            ],
        ],
        "AidPostInput": [
            "type": "object", "required": ["city", "resource", "quantity", "contact"],
            "properties": [
                "city": positive, "resource": ["type": "string", "minLength": 1, "description": "A resource code."],
                "quantity": [
                    "type": "integer", "minimum": 1, "maximum": .number(Double(AidPostInput.largestQuantity)),
                ],
                "unit": ["type": "string", "description": "Optional; must be the resource's unit."],
                "availableFrom": ["type": "string", "format": "date", "description": "Offers: default today."],
                "availableUntil": ["type": "string", "format": "date", "description": "Offers: required."],
                "neededBy": ["type": "string", "format": "date", "description": "Requests: required."],
                "urgency": urgency,
                "shipsAbroad": ["type": "boolean", "description": "Offers: default false."],
                "acceptsFromAbroad": ["type": "boolean", "description": "Requests: default true."],
                "maxDistanceKm": ["type": "number", "exclusiveMinimum": 0, "maximum": 40_000],
                "transportPaidBy": payer, "conditions": ["type": "string", "maxLength": 2_000],
                "contact": Doc.requiredText(maxLength: 300),
            ],
        ],
        "AidPost": [
            "type": "object",
            "required": [
                "id", "kind", "city", "resource", "unit", "quantity", "allocated", "free", "transportPaidBy", "status",
            ],
            "properties": [
                "id": positive, "kind": ["type": "string", "enum": ["offer", "request"]], "city": city,
                "resource": string, "resourceName": string, "unit": string, "quantity": positive,
                "allocated": ["type": "integer", "minimum": 0, "description": "Held by accepted allocations."],
                "free": ["type": "integer", "minimum": 0, "description": "What a matching may still allocate."],
                "availableFrom": nullableDay, "availableUntil": nullableDay, "neededBy": nullableDay,
                "urgency": ["type": ["string", "null"]], "shipsAbroad": ["type": ["boolean", "null"]],
                "acceptsFromAbroad": ["type": ["boolean", "null"]], "maxDistanceKm": ["type": ["number", "null"]],
                "transportPaidBy": payer, "conditions": string,
                "contact": ["type": ["string", "null"], "description": "Null without a token."],
                "status": ["type": "string", "enum": ["open", "withdrawn", "fulfilled"]],
                "isExample": ["type": "boolean"], "createdAt": ["type": "string", "format": "date-time"],
            ],
        ],
        "AidPostPage": Doc.pageSchema(of: "AidPost"),
        "MatchingRunInput": [
            "type": "object",
            "properties": [
                "network": ["type": "integer", "minimum": 1, "description": "Only this network's members."],
                "resource": ["type": "string", "description": "Only this resource."],
            ],
        ],
        "MatchingRun": [
            "type": "object",
            "required": [
                "id", "offersConsidered", "requestsConsidered", "candidateRoutes", "weightedUnitsMet", "totalCost",
                "allocations",
            ],
            "properties": [
                "id": positive, "createdAt": ["type": "string", "format": "date-time"],
                "network": ["type": ["integer", "null"]],
                "resource": ["type": ["string", "null"]], "offersConsidered": ["type": "integer"],
                "requestsConsidered": ["type": "integer"],
                "candidateRoutes": ["type": "integer", "description": "Compatible offer–request pairs."],
                "weightedUnitsMet": ["type": "integer", "description": "The first objective, maximised."],
                "totalCost": ["type": "integer", "description": "The second objective, minimised."],
                "solveMilliseconds": ["type": "number"],
                "allocations": ["type": "array", "items": ["$ref": "#/components/schemas/Allocation"]],
            ],
        ],
        "Allocation": [
            "type": "object",
            "required": ["id", "run", "status", "offer", "request", "from", "to", "quantity", "reason", "reasons"],
            "properties": [
                "id": positive, "run": positive,
                "status": [
                    "type": "string", "enum": .array(AllocationStatus.allCases.map { .string($0.rawValue) }),
                ],
                "offer": positive, "request": positive, "from": city, "to": city, "resource": string,
                "unit": string, "quantity": positive, "distanceKm": ["type": "number"], "arrivesOn": day,
                "daysToSpare": ["type": "integer", "description": "Negative when late."],
                "reason": [
                    "type": "string", "description": "The reasons in one sentence, in the language of Accept-Language.",
                ],
                "reasons": [
                    "type": "array", "items": string,
                    "description": "Why the matching proposed it, in the language of Accept-Language.",
                ],
                "offererDecision": ["type": ["string", "null"], "enum": ["accepted", "declined", .null]],
                "requesterDecision": ["type": ["string", "null"], "enum": ["accepted", "declined", .null]],
                "shippedQuantity": ["type": ["integer", "null"]], "shippedOn": nullableDay,
                "receivedQuantity": ["type": ["integer", "null"]], "receivedOn": nullableDay,
            ],
        ],
        "AllocationAction": [
            "type": "object",
            "properties": [
                "side": [
                    "type": "string", "enum": ["offerer", "requester"],
                    "description": "Which city acts, for people who may act for both.",
                ],
                "quantity": ["type": "integer", "minimum": 0, "description": "Ship and receive."],
                "date": ["type": "string", "format": "date", "description": "Ship and receive; default today."],
            ],
        ],
        "AidLedger": [
            "type": "object", "required": ["entries", "metadata", "totals"],
            "properties": [
                "city": ["oneOf": [city, ["type": "null"]]], "partner": ["oneOf": [city, ["type": "null"]]],
                "metadata": ["$ref": "#/components/schemas/PageMetadata"],
                "entries": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "allocation": positive, "date": day, "from": city, "to": city, "resource": string,
                            "unit": string, "quantity": ["type": "integer"],
                            "status": ["type": "string", "enum": ["shipped", "received"]],
                        ],
                    ],
                ],
                "totals": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "from": city, "to": city, "resource": string, "unit": string,
                            "quantity": ["type": "integer"],
                        ],
                    ],
                ],
            ],
        ],
    ]
}
