import CityweaveAccounts
import CityweaveCore
import CityweaveShared

/// The shared calendar in the OpenAPI document. Reading published and cancelled events, what competes with
/// them and the overlaps is open; drafting takes a token of an organiser's editors, changing an event one of
/// its organisers' editors, registering a signed-in person of a city or a network. Times are sent as the
/// organiser reads them on the wall clock of the event's time zone; answers give both the instants (UTC)
/// and those wall-clock times.
package enum EventsOpenAPI: OpenAPIModule {
    private typealias Doc = OpenAPIDocument

    private static let positive: JSONValue = ["type": "integer", "minimum": 1]
    private static let count: JSONValue = ["type": "integer", "minimum": 0]
    private static let string: JSONValue = ["type": "string"]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let day: JSONValue = ["type": "string", "format": "date"]
    private static let moment: JSONValue = ["type": "string", "format": "date-time"]
    private static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    private static func ref(_ schema: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(schema)")] }
    private static func strings(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }
    private static func list(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    private static let eventKind = strings(EventKind.allCases.map(\.rawValue))
    private static let eventLevel = strings(EventLevel.allCases.map(\.rawValue))
    private static let eventAccess = strings(EventAccess.allCases.map(\.rawValue))
    private static let eventState = strings(EventState.allCases.map(\.rawValue))
    private static let theme = strings(Theme.allCases.map(\.rawValue))
    private static let organisationKind = strings(Organisation.Kind.allCases.map(\.rawValue))
    private static let registrationState = strings([Registration.State.registered, .waiting].map(\.rawValue))

    private static func id(_ what: String) -> JSONValue {
        ["name": "id", "in": "path", "required": true, "description": .string("The \(what)'s id."), "schema": positive]
    }
    private static let eventID = id("event")

    private static let organisationParameter: JSONValue = [
        "name": "organisation", "in": "path", "required": true,
        "description": "The organisation asked to co-organise: city:ID or network:ID.",
        "schema": ["type": "string", "pattern": "^(city|network):[1-9][0-9]*$"],
    ]

    /// `from` and `to` of a calendar window (see `EventFilter.moment`).
    private static func window(defaultFrom: String, defaultTo: String) -> [JSONValue] {
        [
            [
                "name": "from", "in": "query",
                "description": .string(
                    "Start of the window: a day (2027-03-01, midnight UTC) or a date-time with its offset (2027-03-01T09:00:00Z). Default: \(defaultFrom)."
                ),
                "schema": string,
            ],
            [
                "name": "to", "in": "query",
                "description": .string(
                    "End of the window, not included, in the same forms; after `from` and at most 400 days later. Default: \(defaultTo)."
                ),
                "schema": string,
            ],
        ]
    }

    /// The calendar's window and filters (see `EventFilter`).
    private static let listParameters: [JSONValue] =
        window(defaultFrom: "Monday of this week (UTC)", defaultTo: "the Monday after")
        + [
            ["name": "theme", "in": "query", "description": "Only events on this theme.", "schema": theme],
            [
                "name": "network", "in": "query", "description": "Only events this network co-organises (confirmed).",
                "schema": positive,
            ],
            [
                "name": "city", "in": "query",
                "description": "Only events held in, organised by or inviting this city.",
                "schema": positive,
            ],
            ["name": "kind", "in": "query", "description": "Only events of this kind.", "schema": eventKind],
            [
                "name": "language", "in": "query", "description": "Only events held in this language (ISO 639-1 code).",
                "schema": ["type": "string", "pattern": "^[A-Za-z]{2}$"],
            ],
            [
                "name": "level", "in": "query", "description": "Only events pitched at this level.",
                "schema": eventLevel,
            ],
            Doc.ref("page"), Doc.ref("per"),
        ]

    private static func get(_ operationId: String, _ summary: String, parameters: [JSONValue] = [], ok: JSONValue)
        -> JSONValue
    {
        Doc.openRead(operationId, summary, tag: "Events", parameters: parameters, ok: ok)
    }

    private static func write(
        _ method: String, _ operationId: String, _ summary: String, parameters: [JSONValue] = [], body: String?,
        bodyRequired: Bool = true, success: (String, JSONValue), refusals: [String] = ["400", "404", "409"]
    ) -> JSONValue {
        Doc.authenticated(
            method, operationId, summary, tag: "Events", parameters: parameters, body: body, bodyRequired: bodyRequired,
            success: success, refusals: refusals)
    }

    package static let paths: JSONValue = [
        "/api/v1/events": get(
            "listEvents",
            "Events overlapping the window that match the filters, soonest first: published and cancelled ones, and the drafts of the token's organisation.",
            parameters: listParameters,
            ok: Doc.ok("EventPage", description: "A page of events (50 by default).")
        ).merging(
            write(
                "post", "createEvent",
                "Drafts an event held by the organisations in `organisers`: the token's person edits for one of them; the others are asked to co-organise.",
                body: "EventInput", success: ("201", Doc.ok("Event", description: "The draft.")),
                refusals: ["400", "409"])),
        "/api/v1/events/overlaps": get(
            "getEventOverlaps",
            "The largest clusters of published events that compete for the same people, and the cities whose people are invited to the most events in one week.",
            parameters: window(defaultFrom: "today (UTC)", defaultTo: "90 days later"),
            ok: Doc.ok("Overlaps", description: "The overlaps.")),
        "/api/v1/events/{id}": get(
            "getEvent",
            "An event with its organisers, cities and registration counts; a draft only for its organisers' people.",
            parameters: [eventID], ok: Doc.ok("Event", description: "The event.")
        ).merging(
            write(
                "patch", "updateEvent",
                "Changes the fields given (its organisers' editors). A cancelled event no longer changes; a larger capacity moves people up from the waiting list.",
                parameters: [eventID], body: "EventInput",
                success: ("200", Doc.ok("Event", description: "The event.")))
        ).merging(
            write(
                "delete", "deleteEvent",
                "Deletes a draft (its organisers' editors); a published event is cancelled instead (409).",
                parameters: [eventID], body: nil, success: ("204", Doc.noContent("Deleted.")))),
        "/api/v1/events/{id}/state": write(
            "put", "changeEventState",
            "Publishes a draft, cancels a published event (with a reason) or publishes a cancelled one again; an event that is over is not published.",
            parameters: [eventID], body: "EventStateChange",
            success: ("200", Doc.ok("Event", description: "The event."))),
        "/api/v1/events/{id}/organisers/{organisation}": write(
            "put", "confirmEventOrganiser",
            "The organisation asked to co-organise confirms (one of its editors): it then holds the event with the others.",
            parameters: [eventID, organisationParameter], body: nil,
            success: ("200", Doc.ok("Event", description: "The event."))),
        "/api/v1/events/{id}/registrations": Doc.authenticated(
            "get", "listEventRegistrations",
            "Who is registered and waiting: everyone for the organisers' people, the person's own registration otherwise.",
            tag: "Events", parameters: [eventID],
            success: ("200", Doc.ok("RegistrationList", description: "The counts and the registrations."))
        )
        .merging(
            write(
                "post", "registerForEvent",
                "Registers the token's person, or a colleague (by an editor of their organisation): a place while there are places, else the waiting list. Open for published events that have not begun, to the people who may come.",
                parameters: [eventID], body: "RegistrationInput", bodyRequired: false,
                success: ("201", Doc.ok("RegistrationList", description: "Registered, or on the waiting list.")))
        )
        .merging(
            write(
                "delete", "unregisterFromEvent",
                "Gives up the person's place or place on the waiting list; a place given up goes to the first waiting.",
                parameters: [
                    eventID,
                    [
                        "name": "user", "in": "query",
                        "description":
                            "The colleague whose registration is cancelled (an editor of their organisation, or of an organiser); left out, the token's own person.",
                        "schema": uuid,
                    ],
                ], body: nil, success: ("204", Doc.noContent("Cancelled.")), refusals: ["400", "404"])),
        "/api/v1/events/{id}/competing": get(
            "listCompetingEvents",
            "Published events of other organisers that compete with this one for the same people: the best 50, highest score first, each with its reason, and how many there are.",
            parameters: [eventID], ok: Doc.ok("CompetingList", description: "The competing events.")),
    ]

    /// An organisation in a request: `{kind, id}`.
    private static let organisation: JSONValue = [
        "type": "object", "required": ["kind", "id"],
        "properties": ["kind": organisationKind, "id": positive],
    ]
    private static let organiser: JSONValue = [
        "type": "object", "required": ["kind", "id", "name", "isConfirmed"],
        "properties": [
            "kind": organisationKind, "id": positive, "name": string,
            "isConfirmed": [
                "type": "boolean",
                "description":
                    "False while the organisation is asked to co-organise and its editors have not confirmed.",
            ],
        ],
    ]
    private static let city: JSONValue = [
        "type": "object", "required": ["id", "name"], "properties": ["id": positive, "name": string],
    ]
    private static let localTime: JSONValue = [
        "type": "string", "description": "YYYY-MM-DDTHH:MM on the wall clock of `timeZone`.",
    ]
    private static let webAddress: JSONValue = ["type": "string", "description": "An http or https address."]
    private static let competition: JSONValue = [
        "type": "object",
        "required": [
            "event", "score", "sharedThemes", "sharedCities", "sameThemeWithinWeek", "overlapsWithSharedCities",
            "reason",
        ],
        "properties": [
            "event": ref("EventSummary"),
            "score": [
                "type": "number",
                "description": "From 0 to 1: how much the two events draw on the same people at the same time.",
            ],
            "sharedThemes": list(theme),
            "sharedCities": [
                "type": "integer", "minimum": 0, "description": "Cities invited to both while they overlap.",
            ],
            "sameThemeWithinWeek": [
                "type": "boolean", "description": "They share a theme and a level and start less than 7 days apart.",
            ],
            "overlapsWithSharedCities": [
                "type": "boolean", "description": "Their times overlap and they invite a city in common.",
            ],
            "reason": [
                "type": "string", "description": "The reason in a sentence, in the language of Accept-Language.",
            ],
        ],
    ]

    package static let schemas: JSONValue = [
        "EventInput": [
            "type": "object",
            "description":
                "An event, whole to create or in part to change: fields left out stay as they are. Times are wall-clock times in `timeZone`, as the organiser reads them.",
            "properties": [
                "kind": eventKind.merging(["description": "Required to create."]),
                "title": Doc.requiredText(maxLength: EventInput.maximumTitleLength),
                "description": [
                    "type": "string", "description": "Markdown; markup that would run in a browser is refused.",
                ],
                "timeZone": [
                    "type": "string", "maxLength": 64,
                    "description":
                        "The IANA time zone in which `start` and `end` are read, such as Europe/Paris. Required to create.",
                ],
                "start": [
                    "type": "string",
                    "description":
                        "YYYY-MM-DDTHH:MM on the wall clock of `timeZone`. A time the clocks skip at a daylight-saving change does not exist and is refused; a time they pass twice needs `startOffset`. Required to create.",
                ],
                "end": [
                    "type": "string",
                    "description":
                        "YYYY-MM-DDTHH:MM in `timeZone`, after the start and at most 31 days later; a time passed twice needs `endOffset`. Required to create.",
                ],
                "startOffset": [
                    "type": "string",
                    "description":
                        "The UTC offset, such as +02:00, that chooses the moment when `start` happens twice as the clocks go back (the first or the second).",
                ],
                "endOffset": [
                    "type": "string", "description": "The same for `end`.",
                ],
                "onlineURL": [
                    "type": "string",
                    "description":
                        "The link to join, http or https; empty clears it. An event needs an online link, a venue city, or both.",
                ],
                "venueCity": [
                    "type": "integer", "minimum": 0, "description": "The id of the city where it is held; 0 clears it.",
                ],
                "venueAddress": ["type": "string", "maxLength": 500],
                "languages": [
                    "type": "array", "items": string, "maxItems": .integer(EventInput.maximumListItems),
                    "description": "ISO 639-1 codes of the languages it is held in; at least one. Required to create.",
                ],
                "interpretation": [
                    "type": "array", "items": string, "maxItems": .integer(EventInput.maximumListItems),
                    "description": "ISO 639-1 codes of the languages interpreted into.",
                ],
                "themes": list(theme),
                "level": eventLevel.merging(["description": "Who it is pitched at. Required to create."]),
                "access": eventAccess.merging([
                    "description":
                        "Who may come: anyone (public, the default), the people of the organising networks' member cities (members), or of the invited cities (invited); the organisers' own people always."
                ]),
                "capacity": [
                    "type": "integer", "minimum": 0, "maximum": 1_000_000,
                    "description": "The number of places; 0 removes the limit.",
                ],
                "organisers": [
                    "type": "array", "items": organisation, "maxItems": .integer(EventInput.maximumOrganisers),
                    "description":
                        "The organisations holding it, each `{kind, id}`: at least one the token's person edits for; the others are asked and co-organise once their editors confirm. Required to create.",
                ],
                "invitedCities": [
                    "type": "array", "items": positive, "maxItems": .integer(EventInput.maximumCities),
                    "description": "The cities whose people are invited; at least one for an event for invited cities.",
                ],
                "partnerCities": [
                    "type": "array", "items": positive, "maxItems": .integer(EventInput.maximumCities),
                    "description": "A trade mission's partner cities or metro areas (trade missions only).",
                ],
                "sectors": [
                    "type": "array", "items": ["type": "string", "maxLength": 100],
                    "maxItems": .integer(EventInput.maximumListItems),
                ],
                "outcomeSummary": [
                    "type": "string", "description": "Markdown, once the event is over (a 409 before).",
                ],
                "recordingURL": [
                    "type": "string",
                    "description": "An http or https address, once the event is over; empty clears it.",
                ],
                "slidesURL": [
                    "type": "string",
                    "description": "An http or https address, once the event is over; empty clears it.",
                ],
            ],
        ],
        "EventStateChange": [
            "type": "object", "required": ["state"],
            "properties": [
                "state": eventState.merging([
                    "description":
                        "published: a draft or a cancelled event; cancelled: a published event. An event never becomes a draft again."
                ]),
                "reason": [
                    "type": "string", "maxLength": 1_000,
                    "description": "Why it is cancelled, shown with the event; required to cancel.",
                ],
            ],
        ],
        "EventSummary": [
            "type": "object",
            "required": [
                "id", "kind", "title", "state", "start", "end", "timeZone", "startLocal", "endLocal", "themes", "level",
                "access", "languages", "organisers", "isOnline", "isExample",
            ],
            "properties": [
                "id": positive, "kind": eventKind, "title": string, "state": eventState,
                "start": moment.merging(["description": "The instant it starts (UTC)."]),
                "end": moment.merging(["description": "The instant it is over (UTC)."]),
                "timeZone": ["type": "string", "description": "The organiser's IANA time zone."],
                "startLocal": localTime, "endLocal": localTime, "themes": list(theme), "level": eventLevel,
                "access": eventAccess, "languages": list(string), "organisers": list(organiser), "venueCity": city,
                "isOnline": ["type": "boolean", "description": "It has an online link."], "isExample": boolean,
            ],
        ],
        "EventPage": Doc.pageSchema(of: "EventSummary"),
        "Event": [
            "type": "object",
            "required": [
                "id", "kind", "title", "description", "state", "start", "end", "timeZone", "startLocal", "endLocal",
                "isOnline", "venueAddress", "languages", "interpretation", "themes", "level", "access", "registered",
                "waiting", "organisers", "invitedCities", "partnerCities", "sectors", "sequence", "isExample",
                "calendarURL",
            ],
            "properties": [
                "id": positive, "kind": eventKind, "title": string,
                "description": ["type": "string", "description": "Markdown."], "state": eventState,
                "cancelReason": ["type": "string", "description": "Why it was cancelled."],
                "start": moment.merging(["description": "The instant it starts (UTC)."]),
                "end": moment.merging(["description": "The instant it is over (UTC)."]),
                "timeZone": ["type": "string", "description": "The organiser's IANA time zone."],
                "startLocal": localTime, "endLocal": localTime,
                "onlineURL": [
                    "type": "string",
                    "description":
                        "The link to join. Left out of events for members or invited cities for readers who may not come (they see `isOnline`).",
                ],
                "isOnline": ["type": "boolean", "description": "It has an online link."], "venueCity": city,
                "venueAddress": string, "languages": list(string), "interpretation": list(string),
                "themes": list(theme), "level": eventLevel, "access": eventAccess,
                "capacity": ["type": "integer", "minimum": 1, "description": "Left out: no limit."],
                "registered": ["type": "integer", "minimum": 0, "description": "People with a place."],
                "waiting": ["type": "integer", "minimum": 0, "description": "People on the waiting list."],
                "organisers": list(organiser), "invitedCities": list(city), "partnerCities": list(city),
                "sectors": list(string), "outcomeSummary": ["type": "string", "description": "Markdown."],
                "recordingURL": webAddress, "slidesURL": webAddress,
                "sequence": [
                    "type": "integer", "minimum": 0,
                    "description": "iCalendar's SEQUENCE: raised on every change once published.",
                ],
                "isExample": boolean,
                "calendarURL": ["type": "string", "description": "The event's iCalendar file."],
            ],
        ],
        "RegistrationInput": [
            "type": "object",
            "description": "Who to register; the body may be left out.",
            "properties": [
                "user": uuid.merging([
                    "description":
                        "A colleague to register (an editor of their organisation); left out, the token's own person."
                ])
            ],
        ],
        "RegistrationList": [
            "type": "object", "required": ["event", "registered", "waiting", "items"],
            "properties": [
                "event": positive, "capacity": ["type": "integer", "minimum": 1, "description": "Left out: no limit."],
                "registered": count, "waiting": count,
                "items": [
                    "type": "array",
                    "description":
                        "Places first, then the waiting list in its order: everyone for the organisers' people, the reader's own registration otherwise.",
                    "items": [
                        "type": "object", "required": ["user", "name", "email", "state"],
                        "properties": [
                            "user": uuid, "name": string, "email": string, "organisation": organiser,
                            "state": registrationState,
                            "waitingPosition": [
                                "type": "integer", "minimum": 1,
                                "description": "Its place on the waiting list, from 1; left out for a place.",
                            ],
                            "registeredAt": moment,
                            "registeredBy": uuid.merging([
                                "description": "Who registered the person, if not themselves."
                            ]),
                        ],
                    ],
                ],
            ],
        ],
        "CompetingList": [
            "type": "object", "required": ["event", "total", "items"],
            "properties": [
                "event": positive,
                "total": ["type": "integer", "minimum": 0, "description": "How many events compete with it."],
                "items": list(competition).merging(["description": "The best 50, highest score first."]),
            ],
        ],
        "Overlaps": [
            "type": "object", "required": ["from", "to", "events", "clusterCount", "clusters", "busiestWeeks"],
            "properties": [
                "from": moment, "to": moment,
                "events": ["type": "integer", "minimum": 0, "description": "Published events in the window."],
                "clusterCount": [
                    "type": "integer", "minimum": 0,
                    "description": "How many groups of competing events the window holds.",
                ],
                "clusters": [
                    "type": "array",
                    "description": "The 20 largest groups of events linked by competing pairs, largest first.",
                    "items": [
                        "type": "object", "required": ["events", "eventCount", "pairs", "highestScore"],
                        "properties": [
                            "events": list(ref("EventSummary")).merging([
                                "description": "Its first 20 events, soonest first."
                            ]),
                            "eventCount": [
                                "type": "integer", "minimum": 2, "description": "How many events the group holds.",
                            ],
                            "pairs": [
                                "type": "integer", "minimum": 0, "description": "Competing pairs in the cluster.",
                            ],
                            "highestScore": [
                                "type": "number", "description": "The highest score of its pairs, from 0 to 1.",
                            ],
                        ],
                    ],
                ],
                "busiestWeeks": [
                    "type": "array",
                    "description":
                        "The cities whose people are invited to the most events in one week, most first (at most 20).",
                    "items": [
                        "type": "object", "required": ["city", "week", "events"],
                        "properties": [
                            "city": city, "week": day.merging(["description": "Monday of the week (UTC)."]),
                            "events": ["type": "integer", "minimum": 0],
                        ],
                    ],
                ],
            ],
        ],
    ]
}
