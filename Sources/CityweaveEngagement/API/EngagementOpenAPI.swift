import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared

/// The engagement module in the OpenAPI document. Every route reads or
/// writes a city's private records, so every one takes a token of one of
/// the city's people.
package enum EngagementOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static let positive: JSONValue = ["type": "integer", "minimum": 1]
    private static let cityID: JSONValue = [
        "name": "id", "in": "path", "required": true, "description": "The city's id.", "schema": positive,
    ]
    private static let engagementID: JSONValue = [
        "name": "id", "in": "path", "required": true, "description": "The engagement's id.", "schema": positive,
    ]
    private static let userID: JSONValue = [
        "name": "userID", "in": "path", "required": true, "description": "The person's user id.",
        "schema": ["type": "string", "format": "uuid"],
    ]

    private static func list(_ schema: String, _ description: String) -> JSONValue {
        [
            "description": .string(description),
            "content": [
                "application/json": [
                    "schema": ["type": "array", "items": ["$ref": .string("#/components/schemas/\(schema)")]]
                ]
            ],
        ]
    }

    private static func operation(
        _ method: String, _ operationId: String, _ summary: String, parameters: [JSONValue], body: String? = nil,
        bodyRequired: Bool = true, success: (String, JSONValue), refusals: [String] = ["400", "404"]
    ) -> JSONValue {
        Doc.authenticated(
            method, operationId, summary, tag: "Engagement", parameters: parameters, body: body,
            bodyRequired: bodyRequired, success: success, refusals: refusals)
    }

    package static let paths: JSONValue = [
        "/api/v1/cities/{id}/strategy": operation(
            "get", "getStrategy", "The city's current strategy and every earlier revision (the city's people only).",
            parameters: [cityID], success: ("200", Doc.ok("Strategy", description: "The strategy."))
        ).merging(
            operation(
                "put", "saveStrategy", "Saves the strategy as a new revision; earlier ones are kept.",
                parameters: [cityID], body: "StrategyInput",
                success: ("200", Doc.ok("Strategy", description: "The strategy as it is now.")),
                refusals: ["400", "404", "409"])),
        "/api/v1/cities/{id}/engagements": operation(
            "get", "listEngagements", "The city's engagements, current first, with cost and value logged.",
            parameters: [cityID], success: ("200", list("Engagement", "The engagements."))
        ).merging(
            operation(
                "post", "createEngagement", "Records an engagement of the city.", parameters: [cityID],
                body: "EngagementInput", success: ("201", Doc.ok("Engagement", description: "The engagement.")))),
        "/api/v1/engagements/{id}": operation(
            "get", "getEngagement", "One engagement; another city's is a 404.", parameters: [engagementID],
            success: ("200", Doc.ok("Engagement", description: "The engagement."))
        ).merging(
            operation(
                "patch", "updateEngagement",
                "Changes an engagement (owner, backup, handover notes, status…); fields left out stay, null clears the network, owner or backup.",
                parameters: [engagementID], body: "EngagementInput",
                success: ("200", Doc.ok("Engagement", description: "The engagement as it is now.")))),
        "/api/v1/engagements/{id}/value-log": operation(
            "get", "getValueLog", "What the engagement gave, newest first.", parameters: [engagementID],
            success: ("200", list("ValueEntry", "The entries."))
        ).merging(
            operation(
                "post", "logValue", "Adds an entry to the value log.", parameters: [engagementID], body: "ValueInput",
                success: ("201", Doc.ok("ValueEntry", description: "The entry.")))),
        "/api/v1/cities/{id}/portfolio/advice": operation(
            "post", "advisePortfolio",
            "The advisor's proposal: join, keep, deepen, reduce and leave, with reasons, the objective and whether it is optimal. An optional body overrides the strategy's weights and capacity for a what-if; nothing is saved. Summaries, reasons and theme labels are worded in the language of Accept-Language (English by default).",
            parameters: [cityID], body: "WhatIf", bodyRequired: false,
            success: ("200", Doc.ok("PortfolioAdvice", description: "The proposal.")),
            refusals: ["400", "404", "409"]),
        "/api/v1/cities/{id}/portfolio/plans": operation(
            "get", "listPlans", "The proposals the city saved as plans, newest first.", parameters: [cityID],
            success: ("200", list("PortfolioPlan", "The plans."))
        ).merging(
            operation(
                "post", "savePlan", "Computes the proposal for the settings given and saves it as a named plan.",
                parameters: [cityID], body: "PlanInput",
                success: ("201", Doc.ok("PortfolioPlan", description: "The plan.")), refusals: ["400", "404", "409"])),
        "/api/v1/cities/{id}/people/{userID}": operation(
            "get", "getStaffMember",
            "A person of the city: engagements owned and backed up, languages, expertise, training.",
            parameters: [cityID, userID], success: ("200", Doc.ok("StaffMember", description: "The person."))),
        "/api/v1/cities/{id}/people/{userID}/profile": operation(
            "put", "saveStaffProfile", "Replaces the person's languages, expertise and training records.",
            parameters: [cityID, userID], body: "StaffProfileInput",
            success: ("200", Doc.ok("StaffMember", description: "The person."))),
    ]

    private static let string: JSONValue = ["type": "string"]
    private static let number: JSONValue = ["type": "number", "minimum": 0]
    private static let assumptionSource: JSONValue = [
        "type": "string", "enum": .array(AssumptionSource.allCases.map { .string($0.rawValue) }),
    ]
    private static let themes: JSONValue = .array(Theme.allCases.map { .string($0.rawValue) })
    private static let priority: JSONValue = [
        "type": "object", "required": ["theme", "weight"],
        "properties": [
            "theme": ["type": "string", "enum": themes], "weight": ["type": "number", "minimum": 0, "maximum": 1_000],
        ],
    ]
    private static let priorities: JSONValue = ["type": "array", "items": priority]
    private static let person: JSONValue = [
        "type": ["object", "null"], "required": ["id", "name", "isActive"],
        "properties": ["id": ["type": "string", "format": "uuid"], "name": string, "isActive": ["type": "boolean"]],
    ]
    private static let networkRef: JSONValue = ["$ref": "#/components/schemas/NetworkRef"]
    private static let kinds: JSONValue = ["membership", "working_group", "programme", "partnership"]
    private static let levels: JSONValue = ["political", "senior_adviser", "technical", "external_partner"]
    private static let statuses: JSONValue = ["planned", "active", "paused", "ended"]
    private static let valueKinds: JSONValue = [
        "knowledge", "funding", "advocacy", "material_help", "partnership", "visibility",
    ]
    private static let whatIf: JSONValue = [
        "type": "object",
        "description": "Replaces the strategy's values for one answer; any may be left out.",
        "properties": [
            "priorities": priorities, "hoursPerMonth": ["type": "number", "exclusiveMinimum": 0],
            "yearlyBudget": ["type": "number", "exclusiveMinimum": 0], "newEngagementHours": number,
            "newEngagementFee": number,
        ],
    ]

    package static let schemas: JSONValue = [
        "StrategyInput": [
            "type": "object", "required": ["priorities", "hoursPerMonth", "yearlyBudget"],
            "properties": [
                "priorities": priorities, "objectives": ["type": "string", "maxLength": 5_000],
                "hoursPerMonth": ["type": "number", "exclusiveMinimum": 0, "description": "Staff hours a month."],
                "yearlyBudget": [
                    "type": "number", "exclusiveMinimum": 0, "description": "Money a year for fees and travel.",
                ],
                "costPerHour": number, "currency": ["type": "string", "pattern": "^[A-Za-z]{3}$"],
                "reviewOn": ["type": "string", "format": "date"],
                "newEngagementHours": [
                    "type": "number", "exclusiveMinimum": 0,
                    "description": "Hours a month the advisor assumes for a network the city is not in (default 4).",
                ],
                "newEngagementFee": number,
                "sharesValueRatings": [
                    "type": "boolean",
                    "description":
                        "Let the advisor count the city's value ratings, without names or notes, as evidence for similar cities.",
                ],
            ],
        ],
        "Strategy": [
            "type": "object",
            "required": ["cityID", "revision", "priorities", "hoursPerMonth", "yearlyBudget", "history"],
            "properties": [
                "cityID": positive, "revision": positive, "priorities": priorities, "objectives": string,
                "hoursPerMonth": number, "yearlyBudget": number, "costPerHour": number, "currency": string,
                "reviewOn": ["type": ["string", "null"]], "newEngagementHours": number, "newEngagementFee": number,
                "sharesValueRatings": ["type": "boolean"], "savedAt": ["type": "string", "format": "date-time"],
                "savedBy": string, "isExample": ["type": "boolean"],
                "history": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "revision": positive, "savedAt": ["type": "string", "format": "date-time"],
                            "savedBy": string, "priorities": priorities, "hoursPerMonth": number,
                            "yearlyBudget": number,
                        ],
                    ],
                ],
            ],
        ],
        "EngagementInput": [
            "type": "object",
            "description": "To create: title, kind and level are required (and network for a membership).",
            "properties": [
                "title": ["type": "string", "maxLength": 200], "kind": ["type": "string", "enum": kinds],
                "network": ["type": ["integer", "null"], "minimum": 1],
                "partnership": [
                    "type": ["integer", "null"], "minimum": 1,
                    "description": "One of the city's partnerships, for an engagement of kind partnership.",
                ],
                "owner": ["type": ["string", "null"], "format": "uuid", "description": "An active user of the city."],
                "backup": ["type": ["string", "null"], "format": "uuid"],
                "sponsor": ["type": "string", "maxLength": 200], "level": ["type": "string", "enum": levels],
                "hoursPerMonth": number, "yearlyFee": number, "objectives": ["type": "string", "maxLength": 5_000],
                "status": ["type": "string", "enum": statuses],
                "handoverNotes": ["type": "string", "maxLength": 20_000],
            ],
        ],
        "Engagement": [
            "type": "object",
            "required": ["id", "cityID", "title", "kind", "level", "status", "needsOwner", "yearlyCost", "value"],
            "properties": [
                "id": positive, "cityID": positive, "title": string, "kind": ["type": "string", "enum": kinds],
                "network": ["oneOf": [networkRef, ["type": "null"]]],
                "partnership": [
                    "type": ["object", "null"],
                    "properties": [
                        "id": positive, "kind": string, "partnerCityID": positive, "partnerName": string,
                    ],
                ],
                "owner": person, "backup": person,
                "sponsor": string, "level": ["type": "string", "enum": levels], "hoursPerMonth": number,
                "yearlyFee": number, "objectives": string, "status": ["type": "string", "enum": statuses],
                "handoverNotes": string,
                "needsOwner": [
                    "type": "boolean", "description": "Current, and without an active owner (the owner left or none).",
                ],
                "yearlyCost": [
                    "type": "number",
                    "description": "The fee plus twelve months of hours at the strategy's cost per hour.",
                ],
                "value": [
                    "type": "object",
                    "properties": [
                        "entries": ["type": "integer"], "recentEntries": ["type": "integer"],
                        "recentMeanRating": ["type": ["number", "null"]], "recentScore": ["type": "integer"],
                        "lastDate": ["type": ["string", "null"], "format": "date"],
                    ],
                ],
                "isExample": ["type": "boolean"], "updatedAt": ["type": "string", "format": "date-time"],
            ],
        ],
        "ValueInput": [
            "type": "object", "required": ["kind", "rating"],
            "properties": [
                "date": ["type": "string", "format": "date", "description": "Today when left out; not in the future."],
                "kind": ["type": "string", "enum": valueKinds],
                "rating": ["type": "integer", "minimum": 1, "maximum": 5],
                "note": ["type": "string", "maxLength": 5_000],
                "link": [
                    "type": "string", "maxLength": 500,
                    "description": "The record it produced: a path on this site (/practices/12) or an http(s) address.",
                ],
            ],
        ],
        "ValueEntry": [
            "type": "object", "required": ["id", "engagementID", "date", "kind", "rating"],
            "properties": [
                "id": positive, "engagementID": positive, "date": ["type": "string", "format": "date"],
                "kind": ["type": "string", "enum": valueKinds], "rating": ["type": "integer"], "note": string,
                "link": string, "recordedBy": ["type": ["string", "null"]], "isExample": ["type": "boolean"],
            ],
        ],
        "WhatIf": whatIf,
        "PlanInput": [
            "type": "object", "required": ["name"],
            "properties": ["name": ["type": "string", "maxLength": 200], "whatIf": whatIf],
        ],
        "PortfolioAdvice": [
            "type": "object", "required": ["cityID", "settings", "actions", "objective", "upperBound", "optimal"],
            "properties": [
                "cityID": positive,
                "settings": [
                    "type": "object",
                    "properties": [
                        "priorities": priorities, "hoursPerMonth": number, "yearlyBudget": number, "currency": string,
                        "newEngagementHours": number, "newEngagementFee": number,
                        "newEngagementHoursSource": assumptionSource, "newEngagementFeeSource": assumptionSource,
                        "fixedHoursPerMonth": number, "fixedYearlyCost": number,
                        "strategyRevision": ["type": ["integer", "null"]],
                    ],
                ],
                "actions": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["action", "network", "summary", "reasons", "scores"],
                        "properties": [
                            "action": ["type": "string", "enum": ["join", "keep", "deepen", "reduce", "leave"]],
                            "network": networkRef, "engagements": ["type": "array", "items": positive],
                            "hoursPerMonth": number, "yearlyFee": number,
                            "isEstimate": [
                                "type": "boolean",
                                "description":
                                    "The hours and fee are the strategy's assumption for a network the city is not in.",
                            ],
                            "membersKnown": [
                                "type": "boolean",
                                "description": "False when the network publishes no member list: peers not weighed.",
                            ],
                            "summary": string, "reasons": ["type": "array", "items": string],
                            "scores": [
                                "type": "object",
                                "description":
                                    "Each from 0 to 1: fit to the weighted themes, peers, evidence, value logged, redundancy with the portfolio, fee as a share of the budget.",
                                "properties": [
                                    "fit": number, "peers": number, "similarMembers": ["type": "integer"],
                                    "evidence": number, "loggedValue": number, "redundancy": number, "cost": number,
                                ],
                            ],
                        ],
                    ],
                ],
                "objective": ["type": "number", "description": "What the proposed portfolio is worth."],
                "upperBound": [
                    "type": "number", "description": "No portfolio that fits is worth more (proven by the search).",
                ],
                "optimal": ["type": "boolean", "description": "Whether the proposal is proven to be the best."],
                "gap": ["type": "number", "description": "How far below the optimum it may be, as a share."],
                "candidates": [
                    "type": "integer",
                    "description": "The networks weighed: those the city is in and those it could join.",
                ],
                "withoutMemberData": [
                    "type": "array", "items": networkRef,
                    "description":
                        "Networks the city could join that publish no member list: not weighed against the others.",
                ],
                "yearlyFees": ["type": "number", "description": "Fees a year the proposal takes (staff time aside)."],
                "hoursPerMonth": number,
                "coverage": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "theme": string, "label": string, "weight": number, "networks": ["type": "integer"],
                        ],
                    ],
                ],
                "computedAt": ["type": "string", "format": "date-time"],
            ],
        ],
        "PortfolioPlan": [
            "type": "object", "required": ["id", "cityID", "name", "advice"],
            "properties": [
                "id": positive, "cityID": positive, "name": string,
                "savedAt": ["type": "string", "format": "date-time"], "savedBy": string,
                "advice": ["$ref": "#/components/schemas/PortfolioAdvice"],
            ],
        ],
        "StaffProfileInput": [
            "type": "object", "required": ["languages", "expertise", "training"],
            "properties": [
                "languages": ["type": "array", "items": string, "maxItems": 50],
                "expertise": ["type": "array", "items": string, "maxItems": 50],
                "training": ["type": "array", "items": ["$ref": "#/components/schemas/TrainingRecord"]],
            ],
        ],
        "TrainingRecord": [
            "type": "object", "required": ["title", "year", "provider"],
            "properties": ["title": string, "year": ["type": "integer", "minimum": 1950], "provider": string],
        ],
        "StaffMember": [
            "type": "object", "required": ["id", "cityID", "name", "isActive"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "cityID": positive, "name": string,
                "role": ["type": ["string", "null"]], "contactFor": string, "isActive": ["type": "boolean"],
                "languages": ["type": "array", "items": string], "expertise": ["type": "array", "items": string],
                "training": ["type": "array", "items": ["$ref": "#/components/schemas/TrainingRecord"]],
                "owns": ["type": "array", "items": ["type": "object"]],
                "backsUp": ["type": "array", "items": ["type": "object"]],
            ],
        ],
    ]
}
