import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveDirectory
@testable import CityweaveServer
@testable import CityweaveShared
@testable import CityweaveVoice

/// Joint statements: drafted by their leads, endorsed only by the
/// signatories each organisation named, one endorsement per organisation,
/// each bound to the version of the text it was given to.
extension CityweaveServerTests {
    @Suite struct VoiceStatementTests {
        static let inAMonth = DateText.day(Date().addingTimeInterval(30 * 86_400))

        /// C40 leads; Lagos and Lima each have a signatory; Lagos also an editor who may not sign.
        struct Cast {
            var app: Application
            var c40: Int
            var lagos: Int
            var lima: Int
            var c40Editor: String
            var lagosSignatory: String
            var lagosEditor: String
            var limaSignatory: String
            var admin: String

            init(_ app: Application) async throws {
                self.app = app
                c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                lagos = try await app.cityID("Lagos", "NG")
                lima = try await app.cityID("Lima", "PE")
                c40Editor = try await app.token(
                    for: try await app.makeUser("c40.editor@example.org", organisation: .network(c40), role: .editor))
                lagosSignatory = try await app.token(
                    for: try await Self.signatory(app, "mayor@lagos.example.org", of: .city(lagos)))
                lagosEditor = try await app.token(
                    for: try await app.makeUser("editor@lagos.example.org", organisation: .city(lagos), role: .editor))
                limaSignatory = try await app.token(
                    for: try await Self.signatory(app, "alcaldia@lima.example.org", of: .city(lima)))
                admin = try await app.token(for: try await app.makeUser("root@example.org", platformAdmin: true))
            }

            static func signatory(_ app: Application, _ email: String, of organisation: Organisation) async throws
                -> User
            {
                let user = try await app.makeUser(email, organisation: organisation, role: .viewer)
                user.isSignatory = true
                user.signatoryTitle = "Head of international affairs"
                try await user.update(on: app.db)
                return user
            }

            func draft(body: String = "We ask for **direct access** to recovery funds.") async throws -> StatementDTO {
                let json = """
                    {"title": "Recovery for every neighbourhood", "body": \(Self.quoted(body)), "language": "en",
                     "themes": ["health"], "addressees": [{"kind": "g20", "name": "G20 summit"}],
                     "deadline": "\(VoiceStatementTests.inAMonth)", "leads": [{"kind": "network", "id": \(c40)}]}
                    """
                let response = try await app.api(.POST, "/api/v1/statements", json: json, token: c40Editor)
                #expect(response.status == .created, "\(response.text)")
                return try response.content.decode(StatementDTO.self)
            }

            func open(_ id: Int) async throws {
                let response = try await app.api(
                    .PUT, "/api/v1/statements/\(id)/state", json: #"{"state": "open"}"#, token: c40Editor)
                #expect(response.status == .ok, "\(response.text)")
            }

            func endorse(_ id: Int, _ city: Int, token: String, json: String? = nil) async throws
                -> TestingHTTPResponse
            {
                try await app.api(.PUT, "/api/v1/statements/\(id)/endorsements/city:\(city)", json: json, token: token)
            }

            func statement(_ id: Int, token: String? = nil) async throws -> StatementDTO {
                try await app.api(.GET, "/api/v1/statements/\(id)", token: token).content.decode(StatementDTO.self)
            }

            static func quoted(_ text: String) -> String {
                String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
            }
        }

        @Test func aDraftIsSeenByItsLeadsOnlyAndCannotBeEndorsed() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let draft = try await cast.draft()
                #expect(draft.state == .draft && draft.version == 1 && draft.leads.map(\.id) == [cast.c40])
                #expect(try await app.api(.GET, "/api/v1/statements/\(draft.id)").status == .notFound)
                #expect(try await app.api(.GET, "/api/v1/statements/\(draft.id)", token: cast.c40Editor).status == .ok)
                let listed = try await app.api(.GET, "/api/v1/statements").content.decode(
                    Paged<StatementSummaryDTO>.self)
                #expect(listed.items.isEmpty)
                // Someone outside the leads learns nothing of the draft, not even that it exists.
                let refused = try await cast.endorse(draft.id, cast.lagos, token: cast.lagosSignatory)
                #expect(refused.status == .notFound)
                #expect(try await app.count("statement_endorsements") == 0)
            }
        }

        @Test func onlyTheOrganisationsSignatoriesEndorseAndOncePerOrganisation() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let statement = try await cast.draft()
                try await cast.open(statement.id)

                // An editor is not a signatory; a platform administrator may not sign for a city; nor another city's signatory.
                for token in [cast.lagosEditor, cast.admin, cast.limaSignatory, cast.c40Editor] {
                    let refused = try await cast.endorse(statement.id, cast.lagos, token: token)
                    #expect(refused.status == .forbidden, "\(refused.text)")
                }
                #expect(try await app.count("statement_endorsements") == 0)

                let first = try await cast.endorse(
                    statement.id, cast.lagos, token: cast.lagosSignatory, json: #"{"comment": "Lagos stands with it."}"#
                )
                #expect(first.status == .created, "\(first.text)")
                let list = try first.content.decode(EndorsementListDTO.self)
                #expect(list.items.count == 1 && list.items[0].signerTitle == "Head of international affairs")
                #expect(list.items[0].isCurrent && list.counts.byRegion.map(\.group) == ["Africa"])
                // Twice, with nothing new: refused, nothing changed.
                let twice = try await cast.endorse(statement.id, cast.lagos, token: cast.lagosSignatory)
                #expect(twice.isProblem(status: .conflict, mentioning: "already"))
                // Again with a new comment: the same endorsement, its comment updated.
                let again = try await cast.endorse(
                    statement.id, cast.lagos, token: cast.lagosSignatory, json: #"{"comment": "Updated."}"#)
                #expect(again.status == .ok)
                #expect(try await app.count("statement_endorsements") == 1)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$recordType == "statement")
                    .filter(\.$action == "endorse").count()
                #expect(audited == 1)
            }
        }

        @Test func aChangedTextCountsOnlyTheEndorsementsConfirmedForIt() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let statement = try await cast.draft()
                try await cast.open(statement.id)
                #expect(try await cast.endorse(statement.id, cast.lagos, token: cast.lagosSignatory).status == .created)
                #expect(try await cast.endorse(statement.id, cast.lima, token: cast.limaSignatory).status == .created)

                let changed = try await app.api(
                    .PATCH, "/api/v1/statements/\(statement.id)",
                    json: #"{"body": "We ask for direct access to recovery funds, and for a seat at the table."}"#,
                    token: cast.c40Editor)
                #expect(changed.status == .ok, "\(changed.text)")
                var now = try changed.content.decode(StatementDTO.self)
                #expect(now.version == 2 && now.endorsements == 0 && now.awaitingConfirmation == 2)
                // A change of the deadline alone is not a new text.
                let unchanged = try await app.api(
                    .PATCH, "/api/v1/statements/\(statement.id)", json: #"{"themes": ["health", "economy"]}"#,
                    token: cast.c40Editor)
                #expect(try unchanged.content.decode(StatementDTO.self).version == 2)

                // The signatory's account page asks them to confirm or withdraw.
                let browser = try await app.signIn("mayor@lagos.example.org")
                let account = try await app.page(.GET, "/account", as: browser).text
                #expect(account.contains("Recovery for every neighbourhood"))
                #expect(account.contains(app.words(Message("voice.section.waiting", "Waiting for you"), in: .en)))

                // Signing what one read: an older version is refused, the current one confirms.
                let stale = try await cast.endorse(
                    statement.id, cast.lagos, token: cast.lagosSignatory, json: #"{"version": 1}"#)
                #expect(stale.status == .conflict)
                let confirmed = try await cast.endorse(
                    statement.id, cast.lagos, token: cast.lagosSignatory, json: #"{"version": 2}"#)
                #expect(confirmed.status == .ok)
                now = try await cast.statement(statement.id)
                #expect(now.endorsements == 1 && now.awaitingConfirmation == 1)
                let list = try await app.api(.GET, "/api/v1/statements/\(statement.id)/endorsements")
                    .content.decode(EndorsementListDTO.self)
                #expect(
                    list.counts.cities == 1 && list.items.filter(\.isCurrent).map(\.organisation.id) == [cast.lagos])

                // Lima withdraws instead; the log says so.
                let withdrawn = try await app.api(
                    .DELETE, "/api/v1/statements/\(statement.id)/endorsements/city:\(cast.lima)",
                    token: cast.limaSignatory)
                #expect(withdrawn.status == .noContent)
                #expect(try await cast.statement(statement.id).awaitingConfirmation == 0)
                let log = try await AuditEntry.query(on: app.db).filter(\.$action == "withdraw endorsement").all()
                #expect(log.count == 1 && log[0].organisationID == cast.lima)
                // The earlier text stays readable.
                #expect(try await StatementVersion.query(on: app.db).count() == 2)
            }
        }

        @Test func endorsementsStopWithTheDeadlineAndTheStatementsClose() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let statement = try await cast.draft()
                try await cast.open(statement.id)
                // The deadline passes (as if a day had gone by).
                let stored = try #require(try await Statement.find(statement.id, on: app.db))
                stored.deadline = DateText.day(Date().addingTimeInterval(-86_400))
                try await stored.update(on: app.db)
                let late = try await cast.endorse(statement.id, cast.lagos, token: cast.lagosSignatory)
                #expect(late.isProblem(status: .conflict, mentioning: "deadline"))
                // Back to a draft is refused once organisations have endorsed; this one has none yet.
                let other = try await cast.draft()
                try await cast.open(other.id)
                #expect(try await cast.endorse(other.id, cast.lima, token: cast.limaSignatory).status == .created)
                let unendorsable = try await app.api(
                    .PUT, "/api/v1/statements/\(other.id)/state", json: #"{"state": "draft"}"#, token: cast.c40Editor)
                #expect(unendorsable.status == .conflict)
                let closed = try await app.api(
                    .PUT, "/api/v1/statements/\(statement.id)/state", json: #"{"state": "closed"}"#,
                    token: cast.c40Editor)
                #expect(closed.status == .ok)
                #expect(
                    try await cast.endorse(statement.id, cast.lagos, token: cast.lagosSignatory).status == .conflict)
                // Delivering needs to whom; then the answer can be recorded.
                let undelivered = try await app.api(
                    .PUT, "/api/v1/statements/\(statement.id)/state", json: #"{"state": "delivered"}"#,
                    token: cast.c40Editor)
                #expect(undelivered.isProblem(status: .badRequest, mentioning: "deliveredTo"))
                let delivered = try await app.api(
                    .PUT, "/api/v1/statements/\(statement.id)/state",
                    json: #"{"state": "delivered", "deliveredTo": "G20 Sherpa office", "deliveredHow": "letter"}"#,
                    token: cast.c40Editor)
                #expect(try delivered.content.decode(StatementDTO.self).deliveredTo == "G20 Sherpa office")
                let backwards = try await app.api(
                    .PUT, "/api/v1/statements/\(statement.id)/state", json: #"{"state": "open"}"#, token: cast.c40Editor
                )
                #expect(backwards.status == .conflict)
                #expect(try await Endorsement.query(on: app.db).filter(\.$statement.$id == statement.id).count() == 0)
            }
        }

        @Test func twoSignatoriesOfOneCitySigningAtOnceMakeOneEndorsement() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let second = try await app.token(
                    for: try await Cast.signatory(app, "deputy@lagos.example.org", of: .city(cast.lagos)))
                for round in 0..<3 {
                    let statement = try await cast.draft()
                    try await cast.open(statement.id)
                    async let one = cast.endorse(statement.id, cast.lagos, token: cast.lagosSignatory)
                    async let two = cast.endorse(statement.id, cast.lagos, token: second)
                    let statuses = try await [one.status, two.status].map(\.code).sorted()
                    // The one that came second is refused, whether it saw the first's row or lost at the constraint.
                    #expect(statuses == [201, 409], "round \(round): \(statuses)")
                    let rows = try await Endorsement.query(on: app.db).filter(\.$statement.$id == statement.id).count()
                    #expect(rows == 1)
                }
            }
        }

        @Test func markupThatWouldRunInABrowserIsRefusedAndNothingIsSaved() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let entries = try await app.count("audit_entries")
                for body in [
                    "Hello <script>alert(1)</script>", "[click](javascript:alert(1))",
                    #"<img src=x onerror="alert(1)">"#,
                ] {
                    let json = """
                        {"title": "T", "body": \(Cast.quoted(body)), "language": "en",
                         "leads": [{"kind": "network", "id": \(cast.c40)}]}
                        """
                    let refused = try await app.api(.POST, "/api/v1/statements", json: json, token: cast.c40Editor)
                    #expect(refused.isProblem(status: .badRequest, mentioning: "body"), "\(body): \(refused.text)")
                }
                // Leading for an organisation one does not belong to is refused.
                let elsewhere = try await app.api(
                    .POST, "/api/v1/statements",
                    json:
                        #"{"title": "T", "body": "B", "language": "en", "leads": [{"kind": "city", "id": \#(cast.lima)}]}"#,
                    token: cast.c40Editor)
                #expect(elsewhere.status == .forbidden)
                // Nor may one name, beside one's own, an organisation that did not choose to lead.
                let together = try await app.api(
                    .POST, "/api/v1/statements",
                    json:
                        #"{"title": "T", "body": "B", "language": "en", "leads": [{"kind": "network", "id": \#(cast.c40)}, {"kind": "city", "id": \#(cast.lima)}]}"#,
                    token: cast.c40Editor)
                #expect(together.isProblem(status: .forbidden, mentioning: "leads"))
                #expect(try await app.count("statements") == 0)
                #expect(try await app.count("audit_entries") == entries)
            }
        }

        @Test func thePublicPageShowsWhomTheStatementSpeaksForAndCanBeEmbedded() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let statement = try await cast.draft()
                try await cast.open(statement.id)
                _ = try await cast.endorse(statement.id, cast.lagos, token: cast.lagosSignatory)
                _ = try await cast.endorse(statement.id, cast.lima, token: cast.limaSignatory)

                let page = try await app.page(.GET, "/statements/\(statement.id)")
                #expect(page.status == .ok)
                #expect(page.text.contains("<strong>direct access</strong>") && page.text.contains("Lagos"))
                #expect(page.text.contains(app.words(ReferenceName.region("Americas"), in: .en)))
                #expect(page.text.contains(#"<img src="/statements/\#(statement.id)/map.svg""#))
                let map = try await app.page(.GET, "/statements/\(statement.id)/map.svg")
                #expect(map.headers.contentType?.subType == "svg+xml")
                #expect(
                    map.text.components(separatedBy: "<circle").count == 3 && map.text.contains("<title>Lagos</title>"))
                let chinese = try await app.page(.GET, "/zh/statements/\(statement.id)").text
                #expect(chinese.contains(app.words(Message("voice.statement.whom", "Whom it speaks for"), in: .zh)))

                let embedded = try await app.page(.GET, "/statements/\(statement.id)/signatories")
                #expect(embedded.status == .ok && embedded.text.contains("Lima"))
                #expect(embedded.headers.first(name: "X-Frame-Options") == nil)
                #expect(embedded.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors *") == true)
                // Every other page stays unframable.
                #expect(page.headers.first(name: "X-Frame-Options") == "DENY")

                let feed = try await app.page(.GET, "/feeds/statements.atom")
                #expect(feed.headers.contentType?.subType == "atom+xml")
                #expect(feed.text.contains("<title>Recovery for every neighbourhood</title>"))
            }
        }

        @Test func aSignatoryEndorsesThroughThePageAndAnAdminNamesSignatories() async throws {
            try await withCityweave { app in
                let cast = try await Cast(app)
                let statement = try await cast.draft()
                try await cast.open(statement.id)
                let admin = try await app.makeUser(
                    "admin@lima.example.org", organisation: .city(cast.lima), role: .admin)
                let clerk = try await app.makeUser(
                    "clerk@lima.example.org", organisation: .city(cast.lima), role: .viewer)
                let adminBrowser = try await app.signIn(admin.email)
                let named = try await app.page(
                    .POST, "/admin/people/\(clerk.id!)/signatory",
                    form: ["signatory": "on", "title": "Mayor's office"],
                    as: adminBrowser)
                #expect(named.status == .seeOther)
                let log = try await AuditEntry.query(on: app.db).filter(\.$action == "designate signatory").all()
                #expect(log.count == 1)
                let untitled = try await app.page(
                    .POST, "/admin/people/\(clerk.id!)/signatory", form: ["signatory": "on", "title": " "],
                    as: adminBrowser)
                #expect(untitled.status == .badRequest)

                let browser = try await app.signIn(clerk.email)
                let page = try await app.page(.GET, "/statements/\(statement.id)", as: browser).text
                #expect(page.contains("/statements/\(statement.id)/endorsements/city:\(cast.lima)"))
                let endorsed = try await app.page(
                    .POST, "/statements/\(statement.id)/endorsements/city:\(cast.lima)",
                    form: ["version": "1", "comment": "Con gusto"], as: browser)
                #expect(endorsed.status == .seeOther)
                let stored = try #require(try await Endorsement.query(on: app.db).first())
                #expect(stored.signerTitle == "Mayor's office" && stored.comment == "Con gusto")
                // The editor of another city sees no signing form.
                let other = try await app.signIn("editor@lagos.example.org")
                #expect(
                    !(try await app.page(.GET, "/statements/\(statement.id)", as: other).text.contains(
                        "/endorsements/city:")))
            }
        }
    }
}
