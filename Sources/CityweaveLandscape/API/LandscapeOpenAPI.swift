import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared

/// The landscape module in the OpenAPI document: public reads.
package enum LandscapeOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static let year: JSONValue = [
        "name": "year", "in": "query",
        "description":
            "The landscape in this year (memberships and partnerships that held then), from 1900 to this year; this year by default. Any other value is a 400.",
        "schema": ["type": "integer", "minimum": 1900, "maximum": .number(Double(DirectoryEdits.thisYear))],
    ]

    private static let networkID: JSONValue = [
        "name": "id", "in": "path", "required": true, "description": "The network's id or slug.",
        "schema": ["type": "string", "minLength": 1],
    ]

    private static func get(_ operationId: String, _ summary: String, parameters: [JSONValue], ok: JSONValue)
        -> JSONValue
    {
        [
            "get": [
                "operationId": .string(operationId), "summary": .string(summary), "tags": ["Landscape"],
                "parameters": .array(parameters),
                "responses": [
                    "200": ok, "400": ["$ref": "#/components/responses/BadRequest"],
                    "404": ["$ref": "#/components/responses/NotFound"],
                    // A visitor who is not signed in starts few computations of other years.
                    "429": ["$ref": "#/components/responses/TooManyRequests"],
                ],
            ]
        ]
    }

    private static let selection: [JSONValue] = [
        [
            "name": "network", "in": "query",
            "description": "Only the members of this network (its id or slug); an unknown network is a 400.",
            "schema": ["type": "string"],
        ],
        [
            "name": "country", "in": "query",
            "description": "Only the cities of this country (ISO 3166 alpha-2); an unknown code is a 400.",
            "schema": ["type": "string", "pattern": "^[A-Za-z]{2}$"],
        ],
    ]

    private static func file(_ mediaType: String, _ description: String) -> JSONValue {
        [
            "description": .string(description),
            "content": .object([(mediaType, ["schema": ["type": "string"]] as JSONValue)]),
        ]
    }

    package static let paths: JSONValue = [
        "/api/v1/landscape/export.graphml": get(
            "exportLandscapeGraphML",
            "The graph of cities as GraphML (Gephi, networkx): a node per city in the graph (with a partner or a network) with its name, country, population, degree, weighted degree, betweenness and component; an edge per pair of cities that are partners or share networks, with its kind, shared networks and weight. At most \(CityGraphExport.defaultEdgeLimit) edges: a larger graph is a 400 that gives its size.",
            parameters: [
                year,
                [
                    "name": "edges", "in": "query",
                    "description": "all (partnerships and shared networks, the default) or partnerships.",
                    "schema": ["type": "string", "enum": ["all", "partnerships"]],
                ],
            ] + selection, ok: file("application/graphml+xml", "The GraphML document.")),
        "/api/v1/landscape/cities.csv": get(
            "exportLandscapeCityMetrics",
            "Every city in the graph with its degree, weighted degree, betweenness (raw and normalised) and component, as CSV.",
            parameters: [year] + selection, ok: file("text/csv", "A header and a row per city.")),
        "/api/v1/landscape/overlap.csv": get(
            "exportLandscapeOverlap", "Every pair of networks sharing members, most redundant first, as CSV.",
            parameters: [year], ok: file("text/csv", "A header and a row per pair.")),
        "/api/v1/landscape/matrix.csv": get(
            "exportLandscapeRedundancyMatrix",
            "The square matrix of redundancy between networks, in the clusters' order, as CSV.",
            parameters: [year], ok: file("text/csv", "A header and a row per network.")),
        "/api/v1/landscape/overlap": get(
            "getLandscapeOverlap", "Pairs of networks that share members, most redundant first.",
            parameters: [year, Doc.ref("page"), Doc.ref("per")],
            ok: Doc.ok("OverlapPairPage", description: "A page of pairs.")),
        "/api/v1/landscape/clusters": get(
            "getLandscapeClusters", "Networks grouped by mutual redundancy (pairs at or above the threshold linked).",
            parameters: [year], ok: Doc.ok("RedundancyClusters", description: "The clusters, largest first.")),
        "/api/v1/landscape/inclusion": get(
            "getLandscapeInclusion",
            "Who is left out: the share of cities in a network overall, by region, income group and size; memberships per city, the Lorenz curve and the Gini coefficient; the largest cities in no network.",
            parameters: [year], ok: Doc.ok("Inclusion", description: "The inclusion figures.")),
        "/api/v1/landscape/cities/{id}": get(
            "getLandscapeCity",
            "A city in the graph of cities: degree, weighted degree (partners plus networks shared), betweenness on the partnership graph (exact), its component and its size, all its partners and up to 20 peers, ranked by networks shared.",
            parameters: [
                [
                    "name": "id", "in": "path", "required": true, "description": "The city's id.",
                    "schema": ["type": "integer", "minimum": 1],
                ],
                year,
            ], ok: Doc.ok("LandscapeCity", description: "The city's place in the graph.")),
        "/api/v1/networks/{id}/coverage": get(
            "getNetworkCoverage",
            "Whom a network reaches: its members' share in each region and income group, against the share expected if it drew as many members of each population band at random among the world's cities of that band.",
            parameters: [networkID, year],
            ok: Doc.ok("NetworkCoverage", description: "The network's coverage.")),
        "/api/v1/networks/{id}/similar": get(
            "getSimilarNetworks", "The networks most like this one, most redundant first (up to 10).",
            parameters: [networkID, year],
            ok: [
                "description": "The pairs.",
                "content": [
                    "application/json": [
                        "schema": ["type": "array", "items": ["$ref": "#/components/schemas/OverlapPair"]]
                    ]
                ],
            ]),
    ]

    private static let network: JSONValue = [
        "type": "object", "required": ["id", "name"],
        "properties": ["id": ["type": "integer"], "name": ["type": "string"]],
    ]
    private static let share: JSONValue = [
        "type": "object",
        "properties": [
            "group": ["type": "string"], "cities": ["type": "integer"], "citiesInNetworks": ["type": "integer"],
            "share": ["type": "number"],
        ],
    ]

    private static let landscapeCity: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "integer"], "name": ["type": "string"], "population": ["type": "integer"],
            "countryCode": ["type": "string"], "region": ["type": "string"], "incomeGroup": ["type": "string"],
        ],
    ]
    private static let neighbour: JSONValue = [
        "type": "object",
        "properties": [
            "city": landscapeCity, "isPartner": ["type": "boolean"],
            "sharedNetworks": ["type": "integer", "description": "Networks both cities belong to."],
        ],
    ]
    private static let coverageShare: JSONValue = [
        "type": "object",
        "properties": [
            "group": ["type": "string"], "members": ["type": "integer"], "memberShare": ["type": "number"],
            "expectedShare": [
                "type": "number",
                "description": "The share expected of the world's cities of the members' population bands.",
            ],
        ],
    ]

    package static let schemas: JSONValue = [
        "OverlapPair": [
            "type": "object",
            "required": [
                "first", "second", "sharedMembers", "jaccard", "overlapCoefficient", "themeSimilarity", "redundancy",
            ],
            "properties": [
                "first": network, "second": network, "sharedMembers": ["type": "integer"],
                "jaccard": ["type": "number"],
                "overlapCoefficient": ["type": "number", "description": "Shared members over the smaller network's."],
                "themeSimilarity": ["type": "number", "description": "Jaccard of the two theme sets."],
                "redundancy": [
                    "type": "number",
                    "description": "Geometric mean of the overlap coefficient and the theme similarity.",
                ],
            ],
        ],
        "OverlapPairPage": Doc.pageSchema(of: "OverlapPair"),
        "LandscapeCity": [
            "type": "object", "required": ["year", "metrics", "componentSize", "neighbourhood"],
            "properties": [
                "year": ["type": "integer"],
                "metrics": [
                    "type": "object",
                    "properties": [
                        "cityID": ["type": "integer"], "degree": ["type": "integer"],
                        "weightedDegree": ["type": "integer"], "betweenness": ["type": "number"],
                        "normalizedBetweenness": ["type": "number"], "component": ["type": "integer"],
                    ],
                ],
                "componentSize": ["type": "integer"],
                "neighbourhood": [
                    "type": "object",
                    "description": "The city, its partners and its peers (cities sharing networks with it).",
                    "properties": [
                        "city": landscapeCity, "partners": ["type": "array", "items": neighbour],
                        "peers": ["type": "array", "items": neighbour],
                    ],
                ],
            ],
        ],
        "NetworkCoverage": [
            "type": "object", "required": ["year", "coverage"],
            "properties": [
                "year": ["type": "integer"],
                "coverage": [
                    "type": "object",
                    "properties": [
                        "networkID": ["type": "integer"], "members": ["type": "integer"],
                        "byRegion": ["type": "array", "items": coverageShare],
                        "byIncomeGroup": ["type": "array", "items": coverageShare],
                    ],
                ],
            ],
        ],
        "RedundancyClusters": [
            "type": "object", "required": ["year", "threshold", "clusters"],
            "properties": [
                "year": ["type": "integer"], "threshold": ["type": "number"],
                "clusters": ["type": "array", "items": ["type": "array", "items": network]],
            ],
        ],
        "Inclusion": [
            "type": "object", "required": ["year", "inclusion", "largestCitiesInNoNetwork"],
            "properties": [
                "year": ["type": "integer"],
                "inclusion": [
                    "type": "object",
                    "properties": [
                        "overall": share, "byRegion": ["type": "array", "items": share],
                        "byIncomeGroup": ["type": "array", "items": share],
                        "byPopulationBand": ["type": "array", "items": share],
                        "citiesByMembershipCount": ["type": "array", "items": ["type": "integer"]],
                        "lorenzCurve": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": [
                                    "cityShare": ["type": "number"], "membershipShare": ["type": "number"],
                                ],
                            ],
                        ],
                        "gini": ["type": "number"],
                    ],
                ],
                "largestCitiesInNoNetwork": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "integer"], "name": ["type": "string"], "countryCode": ["type": "string"],
                            "population": ["type": "integer"],
                        ],
                    ],
                ],
            ],
        ],
    ]
}
