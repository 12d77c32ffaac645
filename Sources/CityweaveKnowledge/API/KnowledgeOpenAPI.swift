import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared

/// The knowledge module in the OpenAPI document.
package enum KnowledgeOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static func path(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
    }

    private static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "query", "description": .string(description), "schema": schema]
    }

    private static let positive: JSONValue = ["type": "integer", "minimum": 1]
    private static let practiceID = path("id", "The practice's id.", positive)
    private static let transferID = path("transferID", "The transfer's id.", positive)
    private static let networkID = path("network", "The reviewing network's id or slug.", ["type": "string"])
    private static let limit = query(
        "limit", "How many to return (default 10).", ["type": "integer", "minimum": 1, "maximum": 50])
    private static let themeNames: JSONValue = .array(
        [
            "climate", "culture", "digital", "economy", "education", "energy", "environment", "equity", "governance",
            "health", "housing", "migration", "mobility", "peace", "resilience", "security",
        ].map { .string($0) })
    private static let stageNames: JSONValue = ["idea", "pilot", "implemented", "evaluated"]
    private static let transferStages: JSONValue = [
        "exploring", "adapting", "piloting", "implemented", "evaluated", "abandoned",
    ]

    private static func get(_ operation: JSONValue) -> JSONValue { ["get": operation] }

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

    private static func read(
        _ operationId: String, _ summary: String, parameters: [JSONValue], response: JSONValue,
        refusals: [String] = ["400", "404"]
    ) -> JSONValue {
        var responses: JSONValue = ["200": response]
        let named = ["400": "BadRequest", "404": "NotFound"]
        for refusal in refusals {
            let reference: JSONValue = ["$ref": .string("#/components/responses/\(named[refusal]!)")]
            responses = responses.merging(.object([(refusal, reference)]))
        }
        return [
            "operationId": .string(operationId), "summary": .string(summary), "tags": ["Knowledge"],
            "parameters": .array(parameters), "responses": responses,
        ]
    }

    package static let paths: JSONValue = [
        "/api/v1/themes": get(
            read(
                "listThemes", "The shared theme taxonomy.", parameters: [], response: list("Theme", "Every theme."),
                refusals: [])),
        "/api/v1/practices": get(
            read(
                "searchPractices",
                "Searches published practices in any language (accents and case ignored), with highlighted snippets and facet counts.",
                parameters: [
                    query(
                        "q",
                        "Words to find; every word must occur. Words that name a theme in any of the six interface languages (住房, vivienda, housing) also find that theme's practices in every language, after the direct matches. Translations of one practice are listed once, in the language of Accept-Language when there is one.",
                        ["type": "string", "maxLength": 500]),
                    query("theme", "A theme.", ["type": "string", "enum": themeNames]),
                    query(
                        "region", "The UN region of the practice's city.",
                        ["type": "string", "enum": ["Africa", "Americas", "Asia", "Europe", "Oceania"]]),
                    query(
                        "income", "The World Bank income group of the city's country.",
                        [
                            "type": "string",
                            "enum": ["Low income", "Lower middle income", "Upper middle income", "High income"],
                        ]),
                    query(
                        "population", "The city's size band.",
                        ["type": "string", "enum": ["under-100k", "100k-500k", "500k-1m", "1m-5m", "over-5m"]]),
                    query("stage", "The practice's stage.", ["type": "string", "enum": stageNames]),
                    query("language", "ISO 639-1 code.", ["type": "string", "pattern": "^[A-Za-z]{2}$"]),
                    query("network", "Reviewed by this network (id or slug).", ["type": "string"]),
                    query("sort", "Order (default relevance).", ["type": "string", "enum": ["relevance", "date"]]),
                    Doc.ref("page"), Doc.ref("per"),
                ],
                response: Doc.ok("PracticeSearch", description: "A page of practices and the facet counts."),
                refusals: ["400"])
        ).merging(
            Doc.authenticated(
                "post", "createPractice", "Records a draft practice for a city (or a translation of one).",
                tag: "Knowledge", body: "NewPractice",
                success: ("201", Doc.ok("Practice", description: "The practice, a draft.")),
                refusals: ["400", "404", "409"])),
        "/api/v1/practices/{id}": get(
            read(
                "getPractice", "One practice in full; a draft only for its own city.", parameters: [practiceID],
                response: Doc.ok("Practice", description: "The practice."))
        ).merging(
            Doc.authenticated(
                "patch", "updatePractice", "Changes a practice; fields left out stay, null clears an optional one.",
                tag: "Knowledge", parameters: [practiceID], body: "PracticeFields",
                success: ("200", Doc.ok("Practice", description: "The practice as it is now.")),
                refusals: ["400", "404", "409"])
        ).merging(
            Doc.authenticated(
                "delete", "deletePractice", "Deletes a draft that has no translations and no transfers.",
                tag: "Knowledge", parameters: [practiceID], success: ("204", Doc.noContent("Deleted.")),
                refusals: ["400", "404", "409"])),
        "/api/v1/practices/{id}/publication": Doc.authenticated(
            "put", "setPracticePublication", "Publishes a draft, or withdraws a practice to a draft.",
            tag: "Knowledge", parameters: [practiceID], body: "Publication",
            success: ("200", Doc.ok("Practice", description: "The practice as it is now."))),
        "/api/v1/practices/{id}/reviews/{network}": Doc.authenticated(
            "put", "reviewPractice", "The network labels the practice as reviewed, with its checklist.",
            tag: "Knowledge", parameters: [practiceID, networkID], body: "ReviewInput",
            success: ("200", Doc.ok("Practice", description: "The practice with its reviews.")),
            refusals: ["400", "404", "409"]
        ).merging(
            Doc.authenticated(
                "delete", "removePracticeReview", "Removes the network's review.", tag: "Knowledge",
                parameters: [practiceID, networkID], success: ("204", Doc.noContent("Removed.")))),
        "/api/v1/practices/{id}/similar-cities": get(
            read(
                "similarCities",
                "Cities like the practice's city that work on its themes, with the reasons and a contact.",
                parameters: [practiceID, limit], response: list("PeerCity", "Peers, most alike first."))),
        "/api/v1/practices/{id}/transfers": get(
            read(
                "listTransfers", "Every city adapting the practice, with the stages it reached.",
                parameters: [practiceID], response: list("Transfer", "Transfers, furthest along first."))
        ).merging(
            Doc.authenticated(
                "post", "declareTransfer", "A city declares that it is adapting the practice.", tag: "Knowledge",
                parameters: [practiceID], body: "NewTransfer",
                success: ("201", Doc.ok("Transfer", description: "The transfer.")), refusals: ["400", "404", "409"])),
        "/api/v1/practices/{id}/transfers/{transferID}": Doc.authenticated(
            "patch", "advanceTransfer", "The adapting city records the next stage.", tag: "Knowledge",
            parameters: [practiceID, transferID], body: "TransferStep",
            success: ("200", Doc.ok("Transfer", description: "The transfer as it is now.")),
            refusals: ["400", "404", "409"]),
        "/api/v1/practices/{id}/transfers/{transferID}/evidence": Doc.authenticated(
            "put", "citeTransfer", "The practice's city cites a finished transfer's result as evidence, or stops.",
            tag: "Knowledge", parameters: [practiceID, transferID], body: "Evidence",
            success: ("200", Doc.ok("Transfer", description: "The transfer as it is now.")),
            refusals: ["400", "404", "409"]),
        "/api/v1/cities/{id}/recommended-practices": get(
            read(
                "recommendedPractices",
                "Practices of other cities ranked by how alike the cities are and how the themes fit.",
                parameters: [path("id", "The city's id.", positive), limit],
                response: list("RecommendedPractice", "Practices, best first."))),
        "/api/v1/measures": get(
            read(
                "listMeasures", "Measures cities took, as trackers recorded them.",
                parameters: [
                    query("city", "The city's id.", positive),
                    query("category", "A tracker code such as C1 or H2.", ["type": "string"]),
                    query("from", "First day, YYYY-MM-DD.", ["type": "string", "format": "date"]),
                    query("to", "Last day, YYYY-MM-DD; not before `from`.", ["type": "string", "format": "date"]),
                    Doc.ref("page"),
                    Doc.ref("per"),
                ], response: Doc.ok("MeasurePage", description: "A page of measures, oldest first."),
                refusals: ["400"])),
    ]

    private static let string: JSONValue = ["type": "string"]
    private static let text: JSONValue = ["type": "string", "maxLength": 2_000]
    private static let markdown: JSONValue = [
        "type": "string", "maxLength": 20_000, "description": "Markdown; rendered through a sanitizing renderer.",
    ]
    private static let optionalText: JSONValue = ["type": ["string", "null"], "maxLength": 254]
    private static let date: JSONValue = ["type": "string", "format": "date-time"]
    private static let practiceVersion: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "integer"], "language": string, "title": string, "isOriginal": ["type": "boolean"],
            "isPublished": ["type": "boolean"],
        ],
    ]
    private static let snippetParts: JSONValue = [
        "type": "array",
        "items": [
            "type": "object", "required": ["text", "match"],
            "properties": ["text": string, "match": ["type": "boolean"]],
        ],
    ]
    private static let cityRef: JSONValue = ["$ref": "#/components/schemas/CitySummary"]
    private static let contact: JSONValue = [
        "type": ["object", "null"], "properties": ["name": optionalText, "role": optionalText, "email": optionalText],
    ]
    private static let link: JSONValue = [
        "type": "object", "required": ["title", "url"],
        "properties": ["title": string, "url": ["type": "string", "format": "uri"]],
    ]
    private static let practiceFields: JSONValue = [
        "language": ["type": "string", "pattern": "^[A-Za-z]{2}$"], "title": Doc.requiredText(maxLength: 200),
        "summary": Doc.requiredText(maxLength: 1_000), "problem": markdown,
        "method": ["type": "array", "items": Doc.requiredText(maxLength: 2_000), "minItems": 1, "maxItems": 30],
        "staff": text,
        "budgetBand": ["type": ["string", "null"], "enum": ["under_10k", "10k_100k", "100k_1m", "over_1m", .null]],
        "partners": text, "legalInstruments": text, "pitfalls": markdown, "resources": markdown,
        "evidence": markdown, "stage": ["type": "string", "enum": stageNames],
        "themes": ["type": "array", "items": ["type": "string", "enum": themeNames], "minItems": 1],
        "links": ["type": "array", "items": link, "maxItems": 20], "contactName": optionalText,
        "contactRole": optionalText, "contactEmail": optionalText,
    ]

    package static let schemas: JSONValue = [
        "Theme": ["type": "object", "required": ["name", "label"], "properties": ["name": string, "label": string]],
        "PracticeFields": ["type": "object", "properties": practiceFields],
        "NewPractice": [
            "type": "object",
            "required": ["city", "language", "title", "summary", "problem", "method", "stage", "themes"],
            "properties": practiceFields.merging([
                "city": ["type": "integer", "minimum": 1, "description": "The city the practice belongs to."],
                "translationOf": [
                    "type": ["integer", "null"], "description": "The practice this one translates (same city).",
                ],
            ]),
        ],
        "Publication": ["type": "object", "required": ["published"], "properties": ["published": ["type": "boolean"]]],
        "ReviewInput": [
            "type": "object", "required": ["readableAlone", "evidenceGiven"],
            "properties": [
                "readableAlone": ["type": "boolean"], "evidenceGiven": ["type": "boolean"],
                "comment": ["type": "string", "maxLength": 2_000],
            ],
        ],
        "NewTransfer": [
            "type": "object", "required": ["city", "stage"],
            "properties": [
                "city": ["type": "integer", "minimum": 1, "description": "The adapting city."],
                "stage": ["type": "string", "enum": transferStages],
                "date": ["type": "string", "format": "date"], "notes": ["type": "string", "maxLength": 5_000],
            ],
        ],
        "TransferStep": [
            "type": "object", "required": ["stage"],
            "properties": [
                "stage": ["type": "string", "enum": transferStages], "date": ["type": "string", "format": "date"],
                "notes": ["type": "string", "maxLength": 5_000],
            ],
        ],
        "Evidence": [
            "type": "object", "required": ["countsAsEvidence"], "properties": ["countsAsEvidence": ["type": "boolean"]],
        ],
        "PracticeSummary": [
            "type": "object",
            "required": ["id", "title", "summary", "language", "stage", "themes", "city", "countryName", "isExample"],
            "properties": [
                "id": ["type": "integer"], "title": string, "summary": string, "language": string,
                "stage": ["type": "string", "enum": stageNames], "themes": ["type": "array", "items": string],
                "city": cityRef, "countryName": string,
                "publishedAt": ["type": ["string", "null"], "format": "date-time"],
                "isExample": ["type": "boolean"], "titleParts": snippetParts, "snippet": snippetParts,
                "onTheSameTheme": [
                    "type": "boolean",
                    "description": "Search results: found because the words name one of its themes, not in its text.",
                ],
                "otherVersions": [
                    "type": "array", "items": practiceVersion,
                    "description": "Search results: its other published translations, which the list does not repeat.",
                ],
            ],
        ],
        "PracticeSearch": [
            "type": "object", "required": ["items", "metadata", "facets"],
            "properties": [
                "items": ["type": "array", "items": ["$ref": "#/components/schemas/PracticeSummary"]],
                "metadata": ["$ref": "#/components/schemas/PageMetadata"],
                "facets": [
                    "type": "object",
                    "description":
                        "For each facet (theme, region, income, population, stage, language, network), how many matches have each value.",
                    "additionalProperties": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["value", "label", "count"],
                            "properties": ["value": string, "label": string, "count": ["type": "integer"]],
                        ],
                    ],
                ],
            ],
        ],
        "Practice": [
            "type": "object",
            "required": [
                "id", "city", "language", "isOriginal", "title", "summary", "problem", "method", "knowHow", "resources",
                "evidence", "stage", "themes", "links", "isExample", "versions", "reviews", "evidenceFromTransfers",
            ],
            "properties": [
                "id": ["type": "integer"], "city": cityRef, "countryName": string, "language": string,
                "isOriginal": ["type": "boolean"], "title": string, "summary": string, "problem": markdown,
                "method": ["type": "array", "items": string],
                "knowHow": [
                    "type": "object",
                    "properties": [
                        "staff": string, "budgetBand": ["type": ["string", "null"]], "partners": string,
                        "legalInstruments": string, "pitfalls": markdown,
                    ],
                ],
                "resources": markdown, "evidence": markdown, "stage": ["type": "string", "enum": stageNames],
                "themes": ["type": "array", "items": string], "links": ["type": "array", "items": link],
                "contact": contact, "publishedAt": ["type": ["string", "null"], "format": "date-time"],
                "updatedAt": ["type": ["string", "null"], "format": "date-time"], "isExample": ["type": "boolean"],
                "versions": ["type": "array", "items": practiceVersion],
                "reviews": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "network": [
                                "type": "object",
                                "properties": ["id": ["type": "integer"], "slug": string, "name": string],
                            ],
                            "reviewedAt": date, "reviewer": string,
                            "missingSections": ["type": "array", "items": string],
                            "readableAlone": ["type": "boolean"], "evidenceGiven": ["type": "boolean"],
                            "complete": ["type": "boolean"], "comment": string,
                        ],
                    ],
                ],
                "evidenceFromTransfers": ["type": "array", "items": ["$ref": "#/components/schemas/Transfer"]],
            ],
        ],
        "Transfer": [
            "type": "object",
            "required": ["id", "practiceId", "city", "stage", "countsAsEvidence", "isExample", "steps"],
            "properties": [
                "id": ["type": "integer"], "practiceId": ["type": "integer"], "city": cityRef, "countryName": string,
                "stage": ["type": "string", "enum": transferStages], "countsAsEvidence": ["type": "boolean"],
                "isExample": ["type": "boolean"],
                "steps": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "stage": ["type": "string", "enum": transferStages],
                            "date": ["type": "string", "format": "date"], "notes": string,
                        ],
                    ],
                ],
            ],
        ],
        "RecommendedPractice": [
            "type": "object", "required": ["practice", "score", "reasons", "sharedThemes"],
            "properties": [
                "practice": ["$ref": "#/components/schemas/PracticeSummary"],
                "score": ["type": "number", "minimum": 0, "maximum": 1],
                "reasons": ["type": "array", "items": string], "sharedThemes": ["type": "array", "items": string],
            ],
        ],
        "PeerCity": [
            "type": "object", "required": ["city", "countryName", "score", "reasons", "sharedThemes"],
            "properties": [
                "city": cityRef, "countryName": string, "score": ["type": "number", "minimum": 0, "maximum": 1],
                "reasons": ["type": "array", "items": string], "sharedThemes": ["type": "array", "items": string],
                "contact": contact, "practiceId": ["type": ["integer", "null"]],
            ],
        ],
        "Measure": [
            "type": "object", "required": ["id", "city", "date", "category", "note", "tracker"],
            "properties": [
                "id": ["type": "integer"], "city": cityRef, "date": ["type": "string", "format": "date"],
                "category": [
                    "type": "object",
                    "properties": ["code": string, "name": string, "group": string, "theme": string],
                ],
                "score": ["type": ["number", "null"]], "targeted": ["type": ["boolean", "null"]], "note": string,
                "sourceUrl": ["type": ["string", "null"]], "tracker": string, "isExample": ["type": "boolean"],
            ],
        ],
        "MeasurePage": Doc.pageSchema(of: "Measure"),
    ]
}
