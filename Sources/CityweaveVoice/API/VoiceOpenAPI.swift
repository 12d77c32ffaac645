import CityweaveAccounts
import CityweaveCore
import CityweaveShared

/// Collective voice in the OpenAPI document. Reading open statements,
/// their endorsements and surveys is open; drafting takes a token of a lead's
/// or an organiser's editors, endorsing one of the organisation's signatories,
/// answering one of the city's editors. Texts meant for people (a citation's
/// sentence, problems) follow Accept-Language.
package enum VoiceOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static let positive: JSONValue = ["type": "integer", "minimum": 1]
    private static let string: JSONValue = ["type": "string"]
    private static let day: JSONValue = ["type": "string", "format": "date"]
    private static let moment: JSONValue = ["type": "string", "format": "date-time"]
    private static func ref(_ schema: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(schema)")] }
    private static func strings(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }
    private static let statementState = strings(StatementState.allCases.map(\.rawValue))
    private static let surveyState = strings(SurveyState.allCases.map(\.rawValue))

    private static func id(_ what: String) -> JSONValue {
        ["name": "id", "in": "path", "required": true, "description": .string("The \(what)'s id."), "schema": positive]
    }

    private static let organisationParameter: JSONValue = [
        "name": "organisation", "in": "path", "required": true,
        "description": "The organisation endorsing: city:ID or network:ID.",
        "schema": ["type": "string", "pattern": "^(city|network):[1-9][0-9]*$"],
    ]
    private static let cityParameter: JSONValue = [
        "name": "city", "in": "path", "required": true, "description": "The city's id.", "schema": positive,
    ]

    private static func get(_ operationId: String, _ summary: String, parameters: [JSONValue] = [], ok: JSONValue)
        -> JSONValue
    {
        Doc.openRead(operationId, summary, tag: "Voice", parameters: parameters, ok: ok)
    }

    private static func write(
        _ method: String, _ operationId: String, _ summary: String, parameters: [JSONValue] = [], body: String?,
        bodyRequired: Bool = true, success: (String, JSONValue), also: (String, JSONValue)? = nil,
        refusals: [String] = ["400", "404", "409"]
    ) -> JSONValue {
        let operation = Doc.authenticated(
            method, operationId, summary, tag: "Voice", parameters: parameters, body: body, bodyRequired: bodyRequired,
            success: success, refusals: refusals)
        guard let also else { return operation }
        let responses: JSONValue = ["responses": .object([(also.0, also.1)])]
        return operation.merging(.object([(method, responses)]))
    }

    package static let paths: JSONValue = [
        "/api/v1/statements": get(
            "listStatements",
            "Statements, the most recently opened first: every one that is not a draft, and the drafts the token's organisation leads.",
            parameters: [
                [
                    "name": "state", "in": "query", "description": "Only statements in this state.",
                    "schema": statementState,
                ],
                Doc.ref("page"), Doc.ref("per"),
            ],
            ok: Doc.ok("StatementPage", description: "A page of statements.")
        ).merging(
            write(
                "post", "createStatement",
                "Drafts a statement led by the organisations in `leads` (the token's person is an editor of one of them).",
                body: "StatementInput", success: ("201", Doc.ok("Statement", description: "The draft.")),
                refusals: ["400"])),
        "/api/v1/statements/{id}": get(
            "getStatement", "A statement with its translations, its citations and how many endorse its current text.",
            parameters: [id("statement")], ok: Doc.ok("Statement", description: "The statement.")
        ).merging(
            write(
                "patch", "updateStatement",
                "Changes the fields given (its leads' editors). A new title or body is a new version: endorsements of the earlier one wait for their signatories to confirm.",
                parameters: [id("statement")], body: "StatementInput",
                success: ("200", Doc.ok("Statement", description: "The statement.")))),
        "/api/v1/statements/{id}/state": write(
            "put", "changeStatementState",
            "Opens (draft → open), closes, reopens or delivers a statement; delivering again records the addressees' answer.",
            parameters: [id("statement")], body: "StatementStateChange",
            success: ("200", Doc.ok("Statement", description: "The statement."))),
        "/api/v1/statements/{id}/endorsements": get(
            "listEndorsements",
            "Every endorsement with its signatory; those for an earlier text are marked, and only those for the current text are counted.",
            parameters: [id("statement"), Doc.ref("page"), Doc.ref("per")],
            ok: Doc.ok("EndorsementList", description: "The counts and a page of endorsements (100 by default).")),
        "/api/v1/statements/{id}/endorsements/{organisation}": write(
            "put", "endorseStatement",
            "Endorses the current text for the organisation (one of its signatories), or confirms for the current text an endorsement given to an earlier one. One endorsement per organisation: a second signatory signing at the same moment gets a 409.",
            parameters: [id("statement"), organisationParameter], body: "EndorsementInput", bodyRequired: false,
            success: ("201", Doc.ok("EndorsementList", description: "Endorsed.")),
            also: ("200", Doc.ok("EndorsementList", description: "Confirmed or updated."))
        )
        .merging(
            write(
                "delete", "withdrawEndorsement",
                "Withdraws the organisation's endorsement while the statement is open (one of its signatories).",
                parameters: [id("statement"), organisationParameter], body: nil,
                success: ("204", Doc.noContent("Withdrawn.")))),
        "/api/v1/surveys": get(
            "listSurveys",
            "Surveys, newest first: every one that is not a draft, and the token's organisation's drafts.",
            parameters: [Doc.ref("page"), Doc.ref("per")],
            ok: Doc.ok("SurveySummaryPage", description: "A page of surveys.")
        ).merging(
            write(
                "post", "createSurvey", "Drafts a survey of the organiser in the body (its editors).",
                body: "SurveyInput", success: ("201", Doc.ok("Survey", description: "The draft.")),
                refusals: ["400"])),
        "/api/v1/surveys/{id}": get(
            "getSurvey", "A survey with its questions, whom it asks and how many answered.",
            parameters: [id("survey")], ok: Doc.ok("Survey", description: "The survey.")
        ).merging(
            write(
                "patch", "updateSurvey",
                "Changes the fields given (the organiser's editors); `state` opens (draft → open) or closes it. Questions and targets change only while it is a draft.",
                parameters: [id("survey")], body: "SurveyInput",
                success: ("200", Doc.ok("Survey", description: "The survey.")))),
        "/api/v1/surveys/{id}/responses/{city}": get(
            "getSurveyResponse",
            "A city's answers, for the city's people and the organisers (everyone when the survey makes answers public).",
            parameters: [id("survey"), cityParameter],
            ok: Doc.ok("SurveyResponse", description: "The answers.")
        ).merging(
            write(
                "put", "saveSurveyResponse",
                "Saves the city's answers (its editors), unfinished or, with `submit`, complete; submitted answers can be edited until the survey closes and must stay complete.",
                parameters: [id("survey"), cityParameter], body: "SurveyResponseInput",
                success: ("201", Doc.ok("SurveyResponse", description: "The first answers saved.")),
                also: ("200", Doc.ok("SurveyResponse", description: "The answers, changed.")))),
        "/api/v1/surveys/{id}/results": get(
            "getSurveyResults",
            "Aggregates of the submitted answers, each with its n, and broken down by region, income group and population band; a figure over fewer than three cities is hidden. Multiple-choice shares are of respondents and may add up past 1.",
            parameters: [
                id("survey"),
                ["name": "region", "in": "query", "description": "Only cities of this UN region.", "schema": string],
                [
                    "name": "income", "in": "query", "description": "Only cities of this World Bank income group.",
                    "schema": string,
                ],
                [
                    "name": "population", "in": "query", "description": "Only cities of this size band.",
                    "schema": strings(PopulationBand.allCases.map(\.rawValue)),
                ],
            ], ok: Doc.ok("SurveyResults", description: "The results.")),
    ]

    private static let organisation: JSONValue = [
        "type": "object", "required": ["kind", "id"],
        "properties": ["kind": strings(["city", "network"]), "id": positive],
    ]
    private static let namedOrganisation: JSONValue = [
        "type": "object", "required": ["kind", "id", "name"],
        "properties": ["kind": strings(["city", "network"]), "id": positive, "name": string],
    ]
    private static let addressee: JSONValue = [
        "type": "object", "required": ["kind", "name"],
        "properties": ["kind": strings(Addressee.Kind.allCases.map(\.rawValue)), "name": string],
    ]
    private static let question: JSONValue = [
        "type": "object", "required": ["id", "kind", "prompt", "choices", "isRequired"],
        "properties": [
            "id": ["type": "string", "pattern": "^[A-Za-z0-9-]{1,40}$"],
            "kind": strings(SurveyQuestion.Kind.allCases.map(\.rawValue)),
            "prompt": string, "choices": ["type": "array", "items": string], "unit": string,
            "minimum": ["type": "number"], "maximum": ["type": "number"], "isRequired": ["type": "boolean"],
            "condition": [
                "type": "object", "required": ["question", "equals"],
                "description": "Ask this question only when an earlier one was answered so (yes/no, or a choice).",
                "properties": ["question": string, "equals": string],
            ],
        ],
    ]
    private static let target: JSONValue = [
        "type": "object", "required": ["regions", "countries", "populationBands"],
        "description":
            "Empty lists and no network: every city. Regions and countries widen each other; the network and the size bands narrow.",
        "properties": [
            "network": positive, "regions": ["type": "array", "items": string],
            "countries": ["type": "array", "items": string],
            "populationBands": ["type": "array", "items": strings(PopulationBand.allCases.map(\.rawValue))],
        ],
    ]
    private static let answer: JSONValue = [
        "description":
            "A choice or a text: a string; several choices: an array of strings; a number or a point on the scale: a number; yes or no: a boolean.",
        "oneOf": [
            ["type": "string"], ["type": "array", "items": ["type": "string"]], ["type": "number"], ["type": "boolean"],
        ],
    ]
    private static let counts: JSONValue = [
        "type": "array",
        "items": [
            "type": "object", "required": ["group", "count"],
            "properties": ["group": string, "count": ["type": "integer"]],
        ],
    ]
    private static let questionResult: JSONValue = [
        "type": "object",
        "required": [
            "question", "kind", "prompt", "respondents", "isHidden", "sharesMayExceedOne", "options", "histogram",
        ],
        "properties": [
            "question": string, "kind": strings(SurveyQuestion.Kind.allCases.map(\.rawValue)), "prompt": string,
            "respondents": ["type": "integer", "description": "n: the cities that answered the question."],
            "isHidden": ["type": "boolean", "description": "Fewer than three cities answered: no figure is given."],
            "sharesMayExceedOne": ["type": "boolean"],
            "options": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["value", "count", "share"],
                    "properties": [
                        "value": string, "count": ["type": "integer"],
                        "share": ["type": "number", "description": "Of the cities that answered the question."],
                    ],
                ],
            ],
            "histogram": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["lower", "upper", "count"],
                    "properties": [
                        "lower": ["type": "number"], "upper": ["type": "number"], "count": ["type": "integer"],
                    ],
                ],
            ],
            "median": ["type": "number"],
        ],
    ]

    package static let schemas: JSONValue = [
        "StatementInput": [
            "type": "object",
            "properties": [
                "title": Doc.requiredText(maxLength: StatementInput.maximumTitleLength),
                "body": ["type": "string", "description": "Markdown; markup that would run in a browser is refused."],
                "language": ["type": "string", "description": "ISO 639-1 code of the original."],
                "themes": ["type": "array", "items": string], "addressees": ["type": "array", "items": addressee],
                "deadline": [
                    "type": "string",
                    "description": "YYYY-MM-DD, the last day endorsements are taken; empty clears it.",
                ],
                "leads": ["type": "array", "items": organisation],
            ],
        ],
        "StatementStateChange": [
            "type": "object", "required": ["state"],
            "properties": [
                "state": statementState, "deliveredOn": day, "deliveredTo": string, "deliveredHow": string,
                "answerURL": ["type": "string", "description": "Where the addressees' answer can be read."],
            ],
        ],
        "EndorsementInput": [
            "type": "object",
            "properties": [
                "comment": string,
                "version": [
                    "type": "integer",
                    "description": "The version read; refused with a 409 if the text has changed since.",
                ],
            ],
        ],
        "StatementSummary": [
            "type": "object",
            "required": ["id", "title", "language", "version", "state", "leads", "endorsements", "isExample"],
            "properties": [
                "id": positive, "title": string, "language": string, "version": positive, "state": statementState,
                "deadline": day, "leads": ["type": "array", "items": namedOrganisation],
                "endorsements": ["type": "integer", "description": "Endorsements of the current text."],
                "isExample": ["type": "boolean"],
            ],
        ],
        "StatementPage": Doc.pageSchema(of: "StatementSummary"),
        "Statement": [
            "type": "object",
            "required": [
                "id", "title", "body", "language", "version", "state", "themes", "addressees", "leads", "deliveredTo",
                "deliveredHow", "isExample", "endorsements", "awaitingConfirmation", "translations", "citations",
            ],
            "properties": [
                "id": positive, "title": string, "body": string, "language": string, "version": positive,
                "state": statementState, "themes": ["type": "array", "items": string],
                "addressees": ["type": "array", "items": addressee], "deadline": day,
                "leads": ["type": "array", "items": namedOrganisation], "openedAt": moment, "deliveredOn": day,
                "deliveredTo": string, "deliveredHow": string, "answerURL": string, "isExample": ["type": "boolean"],
                "endorsements": ["type": "integer", "description": "Endorsements confirmed for the current text."],
                "awaitingConfirmation": [
                    "type": "integer", "description": "Endorsements of an earlier text, waiting for their signatories.",
                ],
                "translations": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["language", "title", "body", "version", "isCurrent"],
                        "properties": [
                            "language": string, "title": string, "body": string, "version": positive,
                            "isCurrent": ["type": "boolean"],
                        ],
                    ],
                ],
                "citations": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": [
                            "id", "survey", "surveyTitle", "question", "prompt", "respondents", "isHidden", "text",
                        ],
                        "properties": [
                            "id": positive, "survey": positive, "surveyTitle": string, "question": string,
                            "prompt": string, "option": string, "respondents": ["type": "integer"],
                            "count": ["type": "integer"], "median": ["type": "number"], "isHidden": ["type": "boolean"],
                            "text": [
                                "type": "string",
                                "description": "The figure in a sentence, in the language of Accept-Language.",
                            ],
                        ],
                    ],
                ],
            ],
        ],
        "EndorsementList": [
            "type": "object", "required": ["statement", "version", "counts", "items", "metadata"],
            "properties": [
                "statement": positive, "version": positive, "metadata": ["$ref": "#/components/schemas/PageMetadata"],
                "counts": [
                    "type": "object",
                    "required": ["cities", "networks", "byRegion", "byIncomeGroup", "byPopulationBand"],
                    "description": "Of the endorsements of the current text.",
                    "properties": [
                        "cities": ["type": "integer"], "networks": ["type": "integer"], "byRegion": counts,
                        "byIncomeGroup": counts, "byPopulationBand": counts,
                    ],
                ],
                "items": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": [
                            "organisation", "signerName", "signerTitle", "comment", "version", "isCurrent",
                            "endorsedAt", "isExample",
                        ],
                        "properties": [
                            "organisation": namedOrganisation, "signerName": string, "signerTitle": string,
                            "comment": string, "version": positive, "isCurrent": ["type": "boolean"],
                            "endorsedAt": moment, "country": string, "region": string, "incomeGroup": string,
                            "populationBand": strings(PopulationBand.allCases.map(\.rawValue)),
                            "isExample": ["type": "boolean"],
                        ],
                    ],
                ],
            ],
        ],
        "SurveyInput": [
            "type": "object",
            "properties": [
                "title": Doc.requiredText(maxLength: 300), "description": string, "language": string,
                "organiser": organisation,
                "closesOn": ["type": "string", "description": "YYYY-MM-DD; empty clears it."],
                "resultsPublic": [
                    "type": "boolean",
                    "description":
                        "Aggregates for everyone (default true); otherwise for the organisers and the cities asked.",
                ],
                "answersPublic": [
                    "type": "boolean",
                    "description":
                        "Each city's submitted answers for everyone (default false); once the survey is open it can be turned off, not on.",
                ],
                "target": target, "questions": ["type": "array", "items": question],
                "state": strings(["open", "closed"]),
            ],
        ],
        "Survey": [
            "type": "object",
            "required": [
                "id", "title", "description", "language", "organiser", "state", "resultsPublic", "answersPublic",
                "target", "questions", "asked", "responded", "isExample",
            ],
            "properties": [
                "id": positive, "title": string, "description": string, "language": string,
                "organiser": namedOrganisation, "state": surveyState, "closesOn": day,
                "resultsPublic": ["type": "boolean"], "answersPublic": ["type": "boolean"], "target": target,
                "questions": ["type": "array", "items": question],
                "asked": ["type": "integer", "description": "The cities the survey asks."],
                "responded": ["type": "integer", "description": "The cities that submitted answers."],
                "isExample": ["type": "boolean"],
            ],
        ],
        "SurveySummary": [
            "type": "object", "required": ["id", "title", "organiser", "state", "questions", "isExample"],
            "properties": [
                "id": positive, "title": string, "organiser": namedOrganisation, "state": surveyState,
                "closesOn": day, "questions": ["type": "integer"], "isExample": ["type": "boolean"],
            ],
        ],
        "SurveySummaryPage": Doc.pageSchema(of: "SurveySummary"),
        "SurveyResponseInput": [
            "type": "object",
            "properties": [
                "answers": ["type": "object", "additionalProperties": answer, "description": "By question id."],
                "submit": ["type": "boolean", "description": "The answers are complete: count them."],
            ],
        ],
        "SurveyResponse": [
            "type": "object", "required": ["survey", "city", "answers", "submitted"],
            "properties": [
                "survey": positive, "city": positive, "answers": ["type": "object", "additionalProperties": answer],
                "submitted": ["type": "boolean"], "submittedAt": moment, "updatedAt": moment,
            ],
        ],
        "SurveyResults": [
            "type": "object", "required": ["survey", "asked", "respondents", "questions", "breakdowns"],
            "properties": [
                "survey": positive, "asked": ["type": "integer"],
                "respondents": ["type": "integer", "description": "Cities whose submitted answers are counted."],
                "region": string, "income": string, "population": string,
                "questions": ["type": "array", "items": questionResult],
                "breakdowns": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["dimension", "groups"],
                        "properties": [
                            "dimension": strings(SurveyBreakdown.Dimension.allCases.map(\.rawValue)),
                            "groups": [
                                "type": "array",
                                "items": [
                                    "type": "object", "required": ["group", "respondents", "questions"],
                                    "properties": [
                                        "group": string, "respondents": ["type": "integer"],
                                        "questions": ["type": "array", "items": questionResult],
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
        ],
    ]
}
