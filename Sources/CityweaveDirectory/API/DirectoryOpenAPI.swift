import CityweaveAccounts
import CityweaveShared

/// The directory's part of the OpenAPI document.
package enum DirectoryOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static func get(
        _ operationId: String, _ summary: String, parameters: [JSONValue], ok: JSONValue, notFound: Bool = false
    ) -> JSONValue {
        var responses: JSONValue = ["200": ok, "400": ["$ref": "#/components/responses/BadRequest"]]
        if notFound { responses = responses.merging(["404": ["$ref": "#/components/responses/NotFound"]]) }
        return [
            "get": [
                "operationId": .string(operationId), "summary": .string(summary), "tags": ["Directory"],
                "parameters": .array(parameters), "responses": responses,
            ]
        ]
    }

    private static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "query", "description": .string(description), "schema": schema]
    }

    private static func path(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
    }

    private static func sort(_ keys: [String]) -> JSONValue {
        query("sort", "What to sort by.", ["type": "string", "enum": .array(keys.map { .string($0) })])
    }

    private static let cityID = path("id", "The city's id.", ["type": "integer", "minimum": 1])
    private static let networkID = path("id", "The network's id or slug.", ["type": "string", "minLength": 1])
    private static let countryParameter = query(
        "country", "ISO 3166-1 alpha-2 code.", ["type": "string", "pattern": "^[A-Za-z]{2}$"])

    package static let paths: JSONValue = [
        "/api/v1/cities": get(
            "listCities", "Cities, largest first, or those whose name matches q in any script.",
            parameters: [
                query(
                    "q", "A name, in any script; accents and case are ignored.", ["type": "string", "maxLength": 100]),
                countryParameter, Doc.ref("page"), Doc.ref("per"), sort(["population", "name"]), Doc.ref("order"),
            ],
            ok: Doc.ok("CityPage", description: "A page of cities.")),
        "/api/v1/cities/{id}": get(
            "getCity", "A city with its country, context profile and networks.", parameters: [cityID],
            ok: Doc.ok("City", description: "The city."), notFound: true),
        "/api/v1/networks": get(
            "listNetworks", "City networks, largest first by default.",
            parameters: [Doc.ref("page"), Doc.ref("per"), sort(["members", "name", "founded"]), Doc.ref("order")],
            ok: Doc.ok("NetworkPage", description: "A page of networks.")),
        "/api/v1/networks/{id}": get(
            "getNetwork", "A network.", parameters: [networkID], ok: Doc.ok("Network", description: "The network."),
            notFound: true),
        "/api/v1/networks/{id}/members": get(
            "listNetworkMembers", "A network's member cities.",
            parameters: [
                networkID, Doc.ref("page"), Doc.ref("per"), sort(["name", "country", "population", "since"]),
                Doc.ref("order"),
            ],
            ok: Doc.ok("MemberPage", description: "A page of members."), notFound: true),
        "/api/v1/partnerships": get(
            "listPartnerships", "Partnerships between cities, all or those of one city.",
            parameters: [
                query("city", "Only this city's partnerships.", ["type": "integer", "minimum": 1]), Doc.ref("page"),
                Doc.ref("per"),
            ],
            ok: Doc.ok("PartnershipPage", description: "A page of partnerships."), notFound: true),
        "/api/v1/countries": get(
            "listCountries", "Countries by name.",
            parameters: [
                query("region", "A UN region, such as Europe.", ["type": "string"]), Doc.ref("page"), Doc.ref("per"),
            ],
            ok: Doc.ok("CountryPage", description: "A page of countries.")),
        "/api/v1/countries/{code}": get(
            "getCountry", "A country.",
            parameters: [path("code", "ISO 3166-1 alpha-2 code.", ["type": "string", "minLength": 1])],
            ok: Doc.ok("Country", description: "The country."), notFound: true),
        "/api/v1/search": get(
            "search", "Cities, networks, people and countries whose names match q.",
            parameters: [
                [
                    "name": "q", "in": "query", "required": true, "description": "A name, in any script.",
                    "schema": ["type": "string", "minLength": 1, "maxLength": 100],
                ],
                query(
                    "kind", "Only this kind of record.",
                    ["type": "string", "enum": ["city", "network", "person", "country"]]),
                Doc.ref("page"), Doc.ref("per"),
            ],
            ok: Doc.ok("SearchPage", description: "A page of search results, best first.")),
    ]

    private static let string: JSONValue = ["type": "string"]
    private static let integer: JSONValue = ["type": "integer"]

    package static let schemas: JSONValue = [
        "Country": [
            "type": "object",
            "required": ["code", "iso3", "name", "region", "subregion", "population"],
            "properties": [
                "code": string, "iso3": string, "name": string, "region": string, "subregion": string,
                "incomeGroup": ["type": "string", "description": "World Bank income group."], "population": integer,
                "capitalCityId": integer,
            ],
        ],
        "CitySummary": [
            "type": "object",
            "required": [
                "id", "name", "countryCode", "admin1Code", "latitude", "longitude", "population", "verified",
            ],
            "properties": [
                "id": integer, "geonameid": integer, "name": string, "countryCode": string, "admin1Code": string,
                "latitude": ["type": "number", "minimum": -90, "maximum": 90],
                "longitude": ["type": "number", "minimum": -180, "maximum": 180], "population": integer,
                "verified": ["type": "boolean", "description": "False for cities added at a file's coordinates."],
            ],
        ],
        "ContextProfile": [
            "type": "object",
            "required": ["population", "region", "subregion", "workingLanguages"],
            "properties": [
                "population": integer, "region": string, "subregion": string, "incomeGroup": string,
                "formOfGovernment": [
                    "type": "string",
                    "enum": ["strong_mayor", "council_manager", "committee", "appointed_executive", "other"],
                ],
                "fiscalAutonomy": ["type": "string", "enum": ["low", "medium", "high"]],
                "internationalBudgetShare": ["type": "number", "description": "Percent of the city budget."],
                "internationalStaff": integer,
                "workingLanguages": ["type": "array", "items": string],
            ],
        ],
        "City": [
            "type": "object",
            "required": ["city", "country", "contextProfile", "networks", "partnershipCount"],
            "properties": [
                "city": ["$ref": "#/components/schemas/CitySummary"],
                "country": ["$ref": "#/components/schemas/Country"],
                "contextProfile": ["$ref": "#/components/schemas/ContextProfile"],
                "networks": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": ["networkId", "slug", "name", "role"],
                        "properties": [
                            "networkId": integer, "slug": string, "name": string, "role": string, "since": integer,
                        ],
                    ],
                ],
                "partnershipCount": integer,
            ],
        ],
        "Network": [
            "type": "object",
            "required": [
                "id", "slug", "name", "acronym", "scope", "themes", "source", "description", "memberCount",
                "membersKnown",
            ],
            "properties": [
                "id": integer, "slug": string, "name": string, "acronym": string, "founded": integer,
                "scope": ["type": "string", "enum": ["global", "regional", "national"]], "region": string,
                "themes": ["type": "array", "items": string],
                "secretariat": ["$ref": "#/components/schemas/CitySummary"], "website": string, "source": string,
                "description": string, "memberCount": integer, "bodyCount": integer, "ended": integer,
                "successor": ["$ref": "#/components/schemas/NetworkRef"], "membersKnown": ["type": "boolean"],
                "memberListSource": string, "memberListNote": string,
            ],
        ],
        "NetworkRef": [
            "type": "object", "required": ["id", "slug", "name"],
            "properties": ["id": ["type": "integer", "minimum": 1], "slug": string, "name": string],
        ],
        "Member": [
            "type": "object",
            "required": ["city", "countryName", "role"],
            "properties": [
                "city": ["$ref": "#/components/schemas/CitySummary"], "countryName": string, "role": string,
                "since": integer,
            ],
        ],
        "Partnership": [
            "type": "object",
            "required": ["id", "kind", "source", "cities"],
            "properties": [
                "id": integer,
                "kind": ["type": "string", "enum": ["sister_city", "friendship", "mou", "economic_partnership"]],
                "since": integer, "source": string,
                "cities": [
                    "type": "array", "minItems": 2, "maxItems": 2,
                    "items": ["$ref": "#/components/schemas/CitySummary"],
                ],
            ],
        ],
        "SearchHit": [
            "type": "object",
            "required": ["kind", "id", "name", "description", "url", "api"],
            "properties": [
                "kind": ["type": "string", "enum": ["city", "network", "person", "country"]], "id": string,
                "name": string, "description": string, "url": string, "api": string,
            ],
        ],
        "CityPage": Doc.pageSchema(of: "CitySummary"),
        "NetworkPage": Doc.pageSchema(of: "Network"),
        "MemberPage": Doc.pageSchema(of: "Member"),
        "PartnershipPage": Doc.pageSchema(of: "Partnership"),
        "CountryPage": Doc.pageSchema(of: "Country"),
        "SearchPage": Doc.pageSchema(of: "SearchHit"),
    ]
}
