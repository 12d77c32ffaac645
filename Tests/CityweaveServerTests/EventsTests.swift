import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveDirectory
@testable import CityweaveEvents
@testable import CityweaveServer
@testable import CityweaveShared

/// The shared calendar: events published by their organisers' editors, registration within capacity with a
/// waiting list, iCalendar feeds, and the events that compete with one another.
extension CityweaveServerTests {
    @Suite struct EventsTests {
        /// C40 organises; Lagos and Lima are cities whose people register.
        struct Cast {
            var app: Application
            var c40: Int
            var eurocities: Int
            var lagos: Int
            var lima: Int
            var c40Editor: String
            var eurocitiesEditor: String
            var lagosEditor: String
            var lagosOfficer: User
            var limaOfficer: String
            var limaOfficerUser: User

            init(_ app: Application) async throws {
                self.app = app
                c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                eurocities = try #require(
                    try await Network.query(on: app.db).filter(\.$slug == "eurocities").first()?.id)
                lagos = try await app.cityID("Lagos", "NG")
                lima = try await app.cityID("Lima", "PE")
                c40Editor = try await app.token(
                    for: try await app.makeUser("c40.editor@example.org", organisation: .network(c40), role: .editor))
                eurocitiesEditor = try await app.token(
                    for: try await app.makeUser(
                        "eurocities.editor@example.org", organisation: .network(eurocities), role: .editor))
                lagosEditor = try await app.token(
                    for: try await app.makeUser("editor@lagos.example.org", organisation: .city(lagos), role: .editor))
                lagosOfficer = try await app.makeUser(
                    "officer@lagos.example.org", organisation: .city(lagos), role: .viewer)
                limaOfficerUser = try await app.makeUser(
                    "officer@lima.example.org", organisation: .city(lima), role: .viewer)
                limaOfficer = try await app.token(for: limaOfficerUser)
            }

            /// A local time `days` from now at 14:00 in `zone`, as the form takes it.
            static func local(days: Int, hour: Int = 14, zone: String = "Europe/Paris") -> String {
                let moment = Date().addingTimeInterval(Double(days) * 86_400)
                let day = LocalTime(moment, in: TimeZone(identifier: zone)!)
                return String(format: "%04d-%02d-%02dT%02d:00", day.year, day.month, day.day, hour)
            }

            func create(
                _ fields: String = "", network: Int? = nil, token: String? = nil, days: Int = 10
            ) async throws -> TestingHTTPResponse {
                let json = """
                    {\(fields)"kind": "webinar", "title": "Heat action plans", "description": "How cities *prepare*.",
                     "timeZone": "Europe/Paris", "start": "\(Self.local(days: days))",
                     "end": "\(Self.local(days: days, hour: 15))", "onlineURL": "https://example.org/meet/1",
                     "languages": ["en"], "themes": ["climate", "health"], "level": "technical",
                     "organisers": [{"kind": "network", "id": \(network ?? c40)}]}
                    """
                return try await app.api(.POST, "/api/v1/events", json: json, token: token ?? c40Editor)
            }

            func published(_ fields: String = "", network: Int? = nil, token: String? = nil, days: Int = 10)
                async throws -> EventDTO
            {
                let created = try await create(fields, network: network, token: token, days: days)
                try #require(created.status == .created, "\(created.text)")
                let event = try created.content.decode(EventDTO.self)
                let published = try await app.api(
                    .PUT, "/api/v1/events/\(event.id)/state", json: #"{"state": "published"}"#,
                    token: token ?? c40Editor)
                try #require(published.status == .ok, "\(published.text)")
                return try published.content.decode(EventDTO.self)
            }

            func register(_ event: Int, token: String, user: UUID? = nil) async throws -> TestingHTTPResponse {
                try await app.api(
                    .POST, "/api/v1/events/\(event)/registrations",
                    json: user.map { #"{"user": "\#($0.uuidString)"}"# }, token: token)
            }
        }

        @Test func anEditorPublishesAnEventThatTheCalendarShowsInTheOrganisersTime() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let created = try await cast.create()
                #expect(created.status == .created, "\(created.text)")
                let draft = try created.content.decode(EventDTO.self)
                #expect(draft.state == .draft)
                #expect(draft.startLocal == Cast.local(days: 10))
                let zone = TimeZone(identifier: "Europe/Paris")!
                #expect(LocalTime(draft.start, in: zone).text == draft.startLocal)
                // A draft is not on the calendar nor visible to others.
                let from = DateText.day(Date())
                let to = DateText.day(Date().addingTimeInterval(30 * 86_400))
                let anonymous = try await app.api(.GET, "/api/v1/events?from=\(from)&to=\(to)")
                #expect(try anonymous.content.decode(Paged<EventSummaryDTO>.self).items.isEmpty)
                #expect(try await app.api(.GET, "/api/v1/events/\(draft.id)").status == .notFound)
                let event = try await cast.published()
                let listed = try await app.api(.GET, "/api/v1/events?from=\(from)&to=\(to)&theme=health")
                let items = try listed.content.decode(Paged<EventSummaryDTO>.self).items
                #expect(items.map(\.id) == [event.id])
                #expect(items.first?.organisers.first?.id == cast.c40)
                let otherTheme = try await app.api(.GET, "/api/v1/events?from=\(from)&to=\(to)&theme=housing")
                #expect(try otherTheme.content.decode(Paged<EventSummaryDTO>.self).items.isEmpty)
                let byNetwork = try await app.api(
                    .GET, "/api/v1/events?from=\(from)&to=\(to)&network=\(cast.eurocities)")
                #expect(try byNetwork.content.decode(Paged<EventSummaryDTO>.self).items.isEmpty)
                let byLanguage = try await app.api(
                    .GET, "/api/v1/events?from=\(from)&to=\(to)&language=en&level=technical")
                #expect(try byLanguage.content.decode(Paged<EventSummaryDTO>.self).items.count == 1)
                for view in ["week", "month", "list"] {
                    let page = try await app.page(
                        .GET, "/events?view=\(view)&date=\(DateText.day(event.start))&tz=Asia/Tokyo")
                    #expect(page.status == .ok)
                    #expect(page.body.string.contains("Heat action plans"), "\(view)")
                }
                let shown = try await app.page(.GET, "/events/\(event.id)")
                #expect(shown.status == .ok)
                #expect(shown.body.string.contains("How cities <em>prepare</em>."))
            }
        }

        @Test func badInputIsRefusedNamingTheFieldAndChangesNothing() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let entries = try await app.count("events")
                let cases: [(String, String)] = [
                    (#""end": "\#(Cast.local(days: 9))", "#, "end"),
                    (#""timeZone": "Mars/Olympus", "#, "timeZone"),
                    (#""description": "<script>alert(1)</script>", "#, "description"),
                    (#""kind": "party", "#, "kind"),
                    (#""languages": [], "#, "languages"),
                    (#""capacity": -3, "#, "capacity"),
                    (#""timeZone": "Europe/Paris", "start": "2031-03-30T02:30", "end": "2031-03-30T04:00", "#, "start"),
                    (#""access": "invited", "#, "invitedCities"),
                ]
                for (fields, field) in cases {
                    // The first of two equal keys wins in the decoder: each case comes before the default it replaces.
                    let refused = try await cast.create(fields)
                    #expect(refused.isProblem(status: .badRequest, mentioning: field), "\(field): \(refused.text)")
                }
                let repeated = try await cast.create(
                    #""start": "2031-10-26T02:30", "end": "2031-10-26T04:00", "#)
                #expect(repeated.isProblem(status: .badRequest, mentioning: "startOffset"), "\(repeated.text)")
                #expect(repeated.text.contains("+02:00") && repeated.text.contains("+01:00"))
                #expect(try await app.count("events") == entries)
                let chosen = try await cast.create(
                    #""start": "2031-10-26T02:30", "startOffset": "+01:00", "end": "2031-10-26T04:00", "#)
                #expect(chosen.status == .created, "\(chosen.text)")
                let event = try chosen.content.decode(EventDTO.self)
                #expect(event.start == Date(timeIntervalSince1970: 1_950_744_600))
                // Another organiser's editor may not change it.
                let foreign = try await app.api(
                    .PATCH, "/api/v1/events/\(event.id)", json: #"{"title": "Mine now"}"#, token: cast.eurocitiesEditor)
                #expect(foreign.status == .notFound || foreign.status == .forbidden)
            }
        }

        @Test func placesFillInOrderAndTheWaitingListMovesUpOnCancellation() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let event = try await cast.published(#""capacity": 1, "#)
                let lagosToken = try await app.token(for: cast.lagosOfficer)
                #expect(try await cast.register(event.id, token: lagosToken).status == .created)
                let second = try await cast.register(event.id, token: cast.limaOfficer)
                #expect(second.status == .created)
                let waiting = try second.content.decode(RegistrationListDTO.self)
                #expect(waiting.registered == 1 && waiting.waiting == 1)
                #expect(waiting.items.map(\.state) == [.waiting])
                #expect(try await cast.register(event.id, token: cast.limaOfficer).status == .conflict)
                let limaPage = try await app.page(
                    .GET, "/events/\(event.id)", as: try await app.signIn("officer@lima.example.org"))
                #expect(limaPage.body.string.contains("You are number 1 on the waiting list."))
                // The organisers see everyone, in order; a registered person only themselves.
                let all = try await app.api(.GET, "/api/v1/events/\(event.id)/registrations", token: cast.c40Editor)
                #expect(
                    try all.content.decode(RegistrationListDTO.self).items.map(\.email) == [
                        "officer@lagos.example.org", "officer@lima.example.org",
                    ])
                let cancelled = try await app.api(
                    .DELETE, "/api/v1/events/\(event.id)/registrations", token: lagosToken)
                #expect(cancelled.status == .noContent)
                let moved = try await app.api(
                    .GET, "/api/v1/events/\(event.id)/registrations", token: cast.limaOfficer)
                #expect(try moved.content.decode(RegistrationListDTO.self).items.map(\.state) == [.registered])
                // An editor registers a colleague; nobody registers for a cancelled event.
                let colleague = try await cast.register(event.id, token: cast.lagosEditor, user: cast.lagosOfficer.id)
                #expect(colleague.status == .created, "\(colleague.text)")
                let stranger = try await cast.register(event.id, token: cast.lagosEditor, user: cast.limaOfficerUser.id)
                #expect(stranger.status == .forbidden)
                let cancel = try await app.api(
                    .PUT, "/api/v1/events/\(event.id)/state", json: #"{"state": "cancelled", "reason": "Speaker ill"}"#,
                    token: cast.c40Editor)
                #expect(cancel.status == .ok)
                let late = try await cast.register(event.id, token: cast.lagosEditor)
                #expect(late.status == .conflict)
            }
        }

        @Test func twoPeopleTakingTheLastPlaceAtOnceGetOnePlaceAndOneWait() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let lagosToken = try await app.token(for: cast.lagosOfficer)
                for round in 0..<3 {
                    let event = try await cast.published(#""capacity": 1, "#)
                    async let one = cast.register(event.id, token: lagosToken)
                    async let two = cast.register(event.id, token: cast.limaOfficer)
                    let statuses = try await [one.status, two.status].map(\.code)
                    #expect(statuses == [201, 201], "round \(round): \(statuses)")
                    let states = try await Registration.query(on: app.db).filter(\.$event.$id == event.id).all(\.$state)
                    #expect(states.filter { $0 == .registered }.count == 1, "round \(round)")
                    #expect(states.filter { $0 == .waiting }.count == 1, "round \(round)")
                }
            }
        }

        @Test func membersOnlyEventsTakeTheMembersOfTheOrganisingNetworks() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                // Lagos a member of C40 and Lima not, whatever the reference memberships say.
                try await Membership.query(on: app.db).filter(\.$network.$id == cast.c40)
                    .filter(\.$city.$id ~~ [cast.lagos, cast.lima]).delete()
                let membership = Membership()
                membership.$city.id = cast.lagos
                membership.$network.id = cast.c40
                membership.role = "member"
                membership.source = "test"
                try await membership.create(on: app.db)
                let event = try await cast.published(#""access": "members", "#)
                // The organisers see the link; a stranger does not.
                #expect(event.onlineURL == "https://example.org/meet/1")
                let anonymous = try await app.api(.GET, "/api/v1/events/\(event.id)")
                #expect(try anonymous.content.decode(EventDTO.self).onlineURL == nil)
                let lagosToken = try await app.token(for: cast.lagosOfficer)
                #expect(try await cast.register(event.id, token: lagosToken).status == .created)
                let lima = try await cast.register(event.id, token: cast.limaOfficer)
                #expect(lima.isProblem(status: .forbidden, mentioning: "Lima"), "\(lima.text)")
                let asMember = try await app.api(.GET, "/api/v1/events/\(event.id)", token: lagosToken)
                #expect(try asMember.content.decode(EventDTO.self).onlineURL == "https://example.org/meet/1")
            }
        }

        @Test func feedsCarryStableUIDsRaisedSequencesAndCancellations() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let event = try await cast.published()
                let first = try await app.page(.GET, "/calendars/networks/c40.ics")
                #expect(first.status == .ok)
                #expect(first.headers.contentType?.subType == "calendar")
                let text = first.body.string
                #expect(text.contains("UID:event-\(event.id)@cityweave"))
                #expect(text.contains("SEQUENCE:0"))
                #expect(text.contains("BEGIN:VTIMEZONE") && text.contains("TZID:Europe/Paris"))
                let changed = try await app.api(
                    .PATCH, "/api/v1/events/\(event.id)", json: #"{"title": "Heat action plans, second round"}"#,
                    token: cast.c40Editor)
                #expect(try changed.content.decode(EventDTO.self).sequence == 1)
                let same = try await app.api(
                    .PATCH, "/api/v1/events/\(event.id)", json: #"{"title": "Heat action plans, second round"}"#,
                    token: cast.c40Editor)
                #expect(try same.content.decode(EventDTO.self).sequence == 1, "nothing changed: no new sequence")
                _ = try await app.api(
                    .PUT, "/api/v1/events/\(event.id)/state", json: #"{"state": "cancelled", "reason": "Moved"}"#,
                    token: cast.c40Editor)
                let after = try await app.page(.GET, "/events/\(event.id).ics").body.string
                #expect(after.contains("SEQUENCE:2") && after.contains("STATUS:CANCELLED"))
                for path in ["/calendars/themes/health.ics", "/calendars/cities/\(cast.lagos).ics"] {
                    #expect(try await app.page(.GET, path).status == .ok, "\(path)")
                }
                #expect(try await app.page(.GET, "/calendars/networks/nowhere.ics").status == .notFound)
                #expect(try await app.page(.GET, "/calendars/themes/health").status == .notFound)
            }
        }

        @Test func thePersonalFeedAnswersAtItsSecretAddressUntilRotated() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let event = try await cast.published()
                #expect(try await cast.register(event.id, token: cast.limaOfficer).status == .created)
                let browser = try await app.signIn("officer@lima.example.org")
                func address() async throws -> String {
                    let page = try await app.page(.POST, "/account/calendar-key", form: [:], as: browser)
                    #expect(page.status == .ok)
                    let body = page.body.string
                    let start = try #require(body.range(of: "/calendars/me/"))
                    let end = try #require(body.range(of: ".ics", range: start.upperBound..<body.endIndex))
                    return String(body[start.lowerBound..<end.upperBound])
                }
                let old = try await address()
                let feed = try await app.page(.GET, old)
                #expect(feed.body.string.contains("UID:event-\(event.id)@cityweave"))
                #expect(feed.body.string.contains("https://example.org/meet/1"))
                let new = try await address()
                #expect(new != old)
                #expect(try await app.page(.GET, old).status == .notFound)
                #expect(try await app.page(.GET, new).status == .ok)
            }
        }

        @Test func competingEventsOfOtherOrganisersAreNamedWithTheirReason() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let mine = try await cast.published(days: 10)
                let theirs = try await cast.published(network: cast.eurocities, token: cast.eurocitiesEditor, days: 12)
                let ownSecond = try await cast.published(days: 11)
                let competing = try await app.api(.GET, "/api/v1/events/\(mine.id)/competing")
                let items = try competing.content.decode(CompetingListDTO.self).items
                #expect(items.map(\.event.id) == [theirs.id])
                #expect(items.first?.sameThemeWithinWeek == true)
                #expect(items.first?.sharedThemes == ["climate", "health"])
                #expect(!items.map(\.event.id).contains(ownSecond.id))
                let overlaps = try await app.api(
                    .GET,
                    "/api/v1/events/overlaps?from=\(DateText.day(Date()))&to=\(DateText.day(Date().addingTimeInterval(40 * 86_400)))"
                )
                let clusters = try overlaps.content.decode(OverlapsDTO.self).clusters
                #expect(clusters.count == 1)
                #expect(Set(clusters.first?.events.map(\.id) ?? []) == [mine.id, theirs.id, ownSecond.id])
                let page = try await app.page(.GET, "/events/overlaps")
                #expect(page.status == .ok && page.body.string.contains("Heat action plans"))
            }
        }

        @Test func theFormNamesCitiesAndCoOrganisersByNameAndKeepsWhatWasTyped() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let browser = try await app.signIn("c40.editor@example.org")
                var form = [
                    "organiser": "network:\(cast.c40)", "kind": "roundtable", "title": "Mayors on heat",
                    "timeZone": "America/Lima", "start": Cast.local(days: 15, zone: "America/Lima"),
                    "end": Cast.local(days: 15, hour: 16, zone: "America/Lima"), "languages[]": "es",
                    "level": "political", "access": "invited", "venueCity": "Lima", "invitedCities": "Lagos\nAtlantis",
                    "coOrganisers": "eurocities",
                ]
                let refused = try await app.page(.POST, "/events", form: form, as: browser)
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Atlantis") && refused.body.string.contains("Mayors on heat"))
                #expect(try await app.count("events") == 0)
                form["invitedCities"] = "Lagos"
                let created = try await app.page(.POST, "/events", form: form, as: browser)
                #expect(created.status == .seeOther, "\(created.body.string)")
                let event = try #require(try await Event.query(on: app.db).first())
                let id = try event.requireID()
                #expect(event.venueCityID == cast.lima)
                #expect(try await EventQueries.cities(of: id, role: .invited, on: app.db) == [cast.lagos])
                let organisers = try await EventQueries.organisers(of: id, on: app.db)
                #expect(organisers.map(\.organisation) == [.network(cast.c40), .network(cast.eurocities)])
                #expect(organisers.map(\.isConfirmed) == [true, false])
                let edit = try await app.page(.GET, "/events/\(id)/edit", as: browser)
                #expect(edit.status == .ok && edit.body.string.contains("eurocities"))
                // Eurocities' editor sees the draft it is asked to co-organise, and confirms.
                let other = try await app.signIn("eurocities.editor@example.org")
                let shown = try await app.page(.GET, "/events/\(id)", as: other)
                #expect(shown.status == .ok)
                let confirmed = try await app.page(
                    .POST, "/events/\(id)/organisers/network:\(cast.eurocities)/confirm", form: [:], as: other)
                #expect(confirmed.status == .seeOther)
                #expect(try await EventQueries.hosts(of: id, on: app.db).count == 2)
                let published = try await app.page(
                    .POST, "/events/\(id)/state", form: ["state": "published"], as: other)
                #expect(published.status == .seeOther)
                #expect(try await app.page(.GET, "/events/\(id)").body.string.contains("Mayors on heat"))
            }
        }

        @Test func aTradeMissionShowsOnBothCitiesPagesAndOnTheirPartnership() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let partnership = Partnership()
                partnership.$cityA.id = min(cast.lagos, cast.lima)
                partnership.$cityB.id = max(cast.lagos, cast.lima)
                partnership.kind = .sisterCity
                partnership.source = "test"
                try await partnership.create(on: app.db)
                let mission = try await cast.published(
                    #""kind": "trade-mission", "title": "Lagos to Lima: ports", "partnerCities": [\#(cast.lima)], "sectors": ["ports and logistics"], "organisers": [{"kind": "city", "id": \#(cast.lagos)}], "#,
                    token: cast.lagosEditor)
                #expect(mission.partnerCities.map(\.id) == [cast.lima])
                for city in [cast.lagos, cast.lima] {
                    let page = try await app.page(.GET, "/cities/\(city)").body.string
                    #expect(page.contains("Lagos to Lima: ports"), "city \(city)")
                    // The partnership's row links to the mission too.
                    #expect(page.contains("Trade mission: Lagos to Lima: ports"), "city \(city)")
                }
                let partnersOnly = try await cast.create(
                    #""partnerCities": [\#(cast.lima)], "#)
                #expect(partnersOnly.isProblem(status: .badRequest, mentioning: "partnerCities"))
            }
        }
    }
}
