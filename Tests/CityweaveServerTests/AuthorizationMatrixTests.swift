import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

/// Every write route of the API and of the pages, tried by everyone who
/// might try it: anonymous, each role of the owning organisation, each role
/// of another organisation, and a platform administrator. Each cell asserts
/// the status and, where the write is refused, that nothing changed.
extension CityweaveServerTests {
    @Suite struct AuthorizationMatrixTests {
        @Test func everyWriteRouteIsCoveredByTheMatrixAndDeclaresItsPolicy() async throws {
            try await withCityweave(loadReference: false) { app in
                let writeRoutes = app.routes.all.filter { ![.GET, .HEAD].contains($0.method) }
                for route in writeRoutes {
                    #expect(route.accessPolicy != nil, "\(route.method) /\(route.path.string) declares no policy")
                }
                let registered = Set(writeRoutes.map { "\($0.method.rawValue) /\($0.path.string)" })
                let covered = Set(WriteCase.all.map(\.route)).union(WriteCase.openToAnyone)
                #expect(registered == covered)
            }
        }

        /// One persona at a time, each on a fixture of its own, so that the personas run side by side.
        @Test(arguments: Persona.allCases)
        func everyoneGetsWhatTheirRoleAllows(persona: Persona) async throws {
            try await withCityweave { app in
                let fixture = try await MatrixFixture(app)
                for writeCase in WriteCase.all {
                    let (status, changed, audited) = try await fixture.attempt(writeCase, as: persona)
                    let expected = writeCase.expectedStatus(for: persona)
                    #expect(
                        status == expected,
                        "\(writeCase.route) as \(persona): expected \(expected.code), got \(status.code)")
                    if writeCase.allowed.contains(persona), writeCase.writes {
                        #expect(audited, "\(writeCase.route) as \(persona) left no audit entry")
                    } else {
                        #expect(!changed, "\(writeCase.route) as \(persona) was refused but changed the database")
                    }
                }
            }
        }
    }
}

/// Who tries: Yokohama is the city that owns the city records, C40 the
/// network that owns the network records; each is "another organisation" to the other.
enum Persona: String, CaseIterable, CustomStringConvertible, Sendable {
    case anonymous
    case cityViewer, cityEditor, cityAdmin
    case networkViewer, networkEditor, networkAdmin
    /// Viewers their organisation named as its signatories: they endorse statements for it, and do nothing else.
    case citySignatory, networkSignatory
    case platformAdmin

    var description: String { rawValue }

    static let signedIn = Set(allCases).subtracting([.anonymous])
    static let cityEditors: Set<Persona> = [.cityEditor, .cityAdmin, .platformAdmin]
    static let networkEditors: Set<Persona> = [.networkEditor, .networkAdmin, .platformAdmin]
    static let admins: Set<Persona> = [.cityAdmin, .networkAdmin, .platformAdmin]
    static let cityAdmins: Set<Persona> = [.cityAdmin, .platformAdmin]
}

/// One write route and how to try it.
struct WriteCase: Sendable {
    enum Surface: Sendable { case api, page }

    struct Attempt: Sendable {
        var path: String
        var json: String? = nil
        var form: [String: String]? = nil
    }

    var route: String
    var surface: Surface
    var allowed: Set<Persona>
    var success: HTTPStatus
    /// What signed-in people who are not allowed get: 403, or 404 for someone else's personal record.
    var refused: HTTPStatus = .forbidden
    /// Sign the persona in afresh for this cell (the write ends the session).
    var freshSession = false
    /// Who gets 404 rather than 403: those who may not know the record exists (another city's draft).
    var hiddenFrom: Set<Persona> = []
    /// Whether the route changes anything; one that does not (the advisor's what-if) must change nothing for anyone.
    var writes = true
    /// Sets up what the attempt needs (a fresh record to delete, a city not yet a partner).
    var prepare: @Sendable (MatrixFixture, Persona) async throws -> Attempt

    func expectedStatus(for persona: Persona) -> HTTPStatus {
        if allowed.contains(persona) { return success }
        if persona == .anonymous { return surface == .api ? .unauthorized : .forbidden }
        return hiddenFrom.contains(persona) ? .notFound : refused
    }

    var method: HTTPMethod { HTTPMethod(rawValue: String(route.prefix { $0 != " " })) }

    /// Routes that need no account: signing in and accepting an invitation.
    static let openToAnyone: Set<String> = ["POST /login", "POST /invitations/:token"]

    static let all: [WriteCase] =
        api + pages + accountPages + adminPages + knowledge + engagement + aid + voice + events

    static let api: [WriteCase] = [
        WriteCase(route: "PATCH /api/v1/cities/:id", surface: .api, allowed: Persona.cityEditors, success: .ok) {
            f, _ in
            Attempt(path: "/api/v1/cities/\(f.yokohama)", json: #"{"internationalStaff": \#(f.next())}"#)
        },
        WriteCase(
            route: "POST /api/v1/cities/:id/partnerships", surface: .api, allowed: Persona.cityEditors,
            success: .created
        ) { f, _ in
            Attempt(
                path: "/api/v1/cities/\(f.yokohama)/partnerships",
                json: #"{"partnerCityId": \#(f.nextCity()), "kind": "friendship", "since": 2001}"#)
        },
        WriteCase(
            route: "POST /api/v1/cities/:id/membership-requests", surface: .api, allowed: Persona.cityEditors,
            success: .created
        ) { f, _ in
            Attempt(
                path: "/api/v1/cities/\(f.yokohama)/membership-requests",
                json: #"{"networkId": "\#(f.nextNetwork())", "message": "We would like to join."}"#)
        },
        WriteCase(
            route: "DELETE /api/v1/partnerships/:id", surface: .api, allowed: Persona.cityEditors, success: .noContent
        ) { f, _ in
            Attempt(path: "/api/v1/partnerships/\(try await f.freshPartnership())")
        },
        WriteCase(route: "PATCH /api/v1/networks/:id", surface: .api, allowed: Persona.networkEditors, success: .ok) {
            f, _ in
            Attempt(path: "/api/v1/networks/\(f.c40)", json: #"{"description": "Edited \#(f.next())"}"#)
        },
        WriteCase(
            route: "POST /api/v1/networks/:id/members", surface: .api, allowed: Persona.networkEditors,
            success: .created
        ) { f, _ in
            Attempt(path: "/api/v1/networks/\(f.c40)/members", json: #"{"cityId": \#(f.nextCity()), "since": 2020}"#)
        },
        WriteCase(
            route: "DELETE /api/v1/networks/:id/members/:cityId", surface: .api, allowed: Persona.networkEditors,
            success: .noContent
        ) { f, _ in
            Attempt(path: "/api/v1/networks/\(f.c40)/members/\(try await f.freshMember())")
        },
        WriteCase(
            route: "POST /api/v1/membership-requests/:id/decision", surface: .api, allowed: Persona.networkEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path: "/api/v1/membership-requests/\(try await f.freshRequest())/decision",
                json: #"{"decision": "decline"}"#)
        },
        WriteCase(route: "POST /api/v1/tokens", surface: .api, allowed: Persona.signedIn, success: .created) { _, _ in
            Attempt(path: "/api/v1/tokens", json: #"{"name": "nightly export", "scope": "read"}"#)
        },
        WriteCase(
            route: "DELETE /api/v1/tokens/:id", surface: .api, allowed: [.cityEditor], success: .noContent,
            refused: .notFound
        ) { f, _ in
            Attempt(path: "/api/v1/tokens/\(try await f.freshTokenOfCityEditor())")
        },
    ]

    static let pages: [WriteCase] = [
        WriteCase(route: "POST /cities/:id/edit", surface: .page, allowed: Persona.cityEditors, success: .seeOther) {
            f, _ in
            Attempt(
                path: "/cities/\(f.yokohama)/edit",
                form: ["internationalStaff": "\(f.next())", "workingLanguages": "ja, en", "fiscalAutonomy": "medium"])
        },
        WriteCase(
            route: "POST /cities/:id/partnerships", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/cities/\(f.yokohama)/partnerships", form: ["partner": "\(f.nextCity())", "kind": "mou"])
        },
        WriteCase(
            route: "POST /cities/:id/membership-requests", surface: .page, allowed: Persona.cityEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/cities/\(f.yokohama)/membership-requests", form: ["networkId": f.nextNetwork()])
        },
        WriteCase(
            route: "POST /partnerships/:id/delete", surface: .page, allowed: Persona.cityEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/partnerships/\(try await f.freshPartnership())/delete", form: ["city": "\(f.yokohama)"])
        },
        WriteCase(
            route: "POST /networks/:slug/edit", surface: .page, allowed: Persona.networkEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/networks/c40/edit", form: try await f.c40ProfileForm())
        },
        WriteCase(
            route: "POST /networks/:slug/members", surface: .page, allowed: Persona.networkEditors, success: .seeOther
        ) { f, _ in
            Attempt(path: "/networks/c40/members", form: ["city": "\(f.nextCity())", "role": "innovator"])
        },
        WriteCase(
            route: "POST /networks/:slug/members/:cityID/remove", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/networks/c40/members/\(try await f.freshMember())/remove", form: [:])
        },
        WriteCase(
            route: "POST /membership-requests/:id/accept", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/membership-requests/\(try await f.freshRequest())/accept", form: [:])
        },
        WriteCase(
            route: "POST /membership-requests/:id/decline", surface: .page, allowed: Persona.networkEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/membership-requests/\(try await f.freshRequest())/decline", form: [:])
        },
    ]

    static let accountPages: [WriteCase] = [
        WriteCase(
            route: "POST /logout", surface: .page, allowed: Persona.signedIn, success: .seeOther, freshSession: true
        ) { _, _ in
            Attempt(path: "/logout", form: [:])
        },
        WriteCase(route: "POST /account/password", surface: .page, allowed: Persona.signedIn, success: .seeOther) {
            _, _ in
            let same = TestAccounts.password
            return Attempt(
                path: "/account/password", form: ["currentPassword": same, "newPassword": same, "confirmation": same])
        },
        WriteCase(
            route: "POST /account/sessions/:id/end", surface: .page, allowed: Persona.signedIn, success: .seeOther
        ) { f, persona in
            Attempt(path: "/account/sessions/\(try await f.secondSession(of: persona))/end", form: [:])
        },
        WriteCase(route: "POST /account/tokens", surface: .page, allowed: Persona.signedIn, success: .created) { _, _ in
            Attempt(path: "/account/tokens", form: ["name": "spreadsheet", "scope": "read"])
        },
        WriteCase(
            route: "POST /account/tokens/:id/revoke", surface: .page, allowed: [.cityEditor], success: .seeOther,
            refused: .notFound
        ) { f, _ in
            Attempt(path: "/account/tokens/\(try await f.freshTokenOfCityEditor())/revoke", form: [:])
        },
    ]

    static let adminPages: [WriteCase] = [
        WriteCase(route: "POST /admin/invitations", surface: .page, allowed: Persona.admins, success: .created) {
            f, _ in
            Attempt(
                path: "/admin/invitations",
                form: [
                    "email": "invited\(f.next())@example.org", "role": "editor", "organisation": "city:\(f.yokohama)",
                ])
        },
        WriteCase(route: "POST /admin/people/:userID", surface: .page, allowed: Persona.cityAdmins, success: .seeOther)
        {
            f, _ in
            Attempt(
                path: "/admin/people/\(try await f.freshCityColleague(active: true))",
                form: ["role": "editor", "contactFor": "Sister-city programme \(f.next())"])
        },
        WriteCase(
            route: "POST /admin/people/:userID/deactivate", surface: .page, allowed: Persona.cityAdmins,
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/admin/people/\(try await f.freshCityColleague(active: true))/deactivate", form: [:])
        },
        WriteCase(
            route: "POST /admin/people/:userID/reactivate", surface: .page, allowed: Persona.cityAdmins,
            success: .seeOther
        ) { f, _ in
            Attempt(path: "/admin/people/\(try await f.freshCityColleague(active: false))/reactivate", form: [:])
        },
    ]
}

/// The people and records the matrix works on.
final class MatrixFixture: @unchecked Sendable {
    let app: Application
    let yokohama: Int
    let c40: Int
    /// A city that is neither Yokohama nor related to it, whose practices Yokohama adapts.
    let otherCity: Int
    private(set) var users: [Persona: User] = [:]
    private var browsers: [Persona: Browser] = [:]
    private var tokens: [Persona: String] = [:]
    private var cityPool: [Int]
    private var networkPool: [String]
    private var counter = 0

    init(_ app: Application) async throws {
        self.app = app
        yokohama = try await app.cityID("Yokohama", "JP")
        otherCity = try await app.cityID("Busan", "KR")
        let c40Network = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
        c40 = try c40Network.requireID()
        // Cities in no relation with Yokohama or C40, so that each cell can add one afresh.
        let partners = try await Partnership.query(on: app.db).all().flatMap { [$0.$cityA.id, $0.$cityB.id] }
        let members = try await Membership.query(on: app.db).filter(\.$network.$id == c40).all().map(\.$city.id)
        let excluded = Set(partners + members + [yokohama, otherCity])
        cityPool = try await City.query(on: app.db).sort(\.$population, .descending).all().compactMap(\.id)
            .filter { !excluded.contains($0) }
        let yokohamaNetworks = try await Membership.query(on: app.db).filter(\.$city.$id == yokohama).all()
            .map(\.$network.id)
        networkPool = try await Network.query(on: app.db).filter(\.$id !~ yokohamaNetworks).all().map(\.slug)

        let accounts: [(Persona, Organisation?, Role?)] = [
            (.cityViewer, .city(yokohama), .viewer), (.cityEditor, .city(yokohama), .editor),
            (.cityAdmin, .city(yokohama), .admin), (.networkViewer, .network(c40), .viewer),
            (.networkEditor, .network(c40), .editor), (.networkAdmin, .network(c40), .admin),
            (.citySignatory, .city(yokohama), .viewer), (.networkSignatory, .network(c40), .viewer),
            (.platformAdmin, nil, nil),
        ]
        for (persona, organisation, role) in accounts {
            let user = try await app.makeUser(
                "\(persona.rawValue)@example.org", organisation: organisation, role: role,
                platformAdmin: persona == .platformAdmin)
            if [.citySignatory, .networkSignatory].contains(persona) {
                user.isSignatory = true
                user.signatoryTitle = "Head of international affairs"
                try await user.update(on: app.db)
            }
            users[persona] = user
            browsers[persona] = try await app.signIn(user.email)
            tokens[persona] = try await app.token(for: user)
        }
        browsers[.anonymous] = try await app.anonymousBrowser()
    }

    func next() -> Int {
        counter += 1
        return counter
    }

    func nextCity() -> Int { cityPool.removeFirst() }
    func nextNetwork() -> String { networkPool.removeFirst() }

    /// Tries one cell; returns the status, whether the database changed, and whether an audit entry was added.
    func attempt(_ writeCase: WriteCase, as persona: Persona) async throws -> (HTTPStatus, Bool, Bool) {
        let attempt = try await writeCase.prepare(self, persona)
        var browser = browsers[persona]!
        if writeCase.freshSession, persona != .anonymous { browser = try await app.signIn(users[persona]!.email) }
        // A write the persona may make is checked by its audit entry; only the others must leave everything as it was.
        let mayWrite = writeCase.allowed.contains(persona) && writeCase.writes
        let before = mayWrite ? [try await auditCount()] : try await fingerprint()
        let response: TestingHTTPResponse
        switch writeCase.surface {
        case .api:
            response = try await app.api(writeCase.method, attempt.path, json: attempt.json, token: tokens[persona])
        case .page:
            response = try await app.page(writeCase.method, attempt.path, form: attempt.form, as: browser)
        }
        let after = mayWrite ? [try await auditCount()] : try await fingerprint()
        // Both start with the audit log's count.
        let audits = { (lines: [String]) in Int(lines[0].split(separator: " ")[1])! }
        return (response.status, before != after, audits(after) > audits(before))
    }

    private func auditCount() async throws -> String {
        "audit_entries \(try await app.count("audit_entries"))"
    }

    /// What a refused write must leave as it was.
    private func fingerprint() async throws -> [String] {
        // Every table a module declares guarded, so that a new module's tables are checked without a line
        // here; counted in one statement, since the matrix takes two fingerprints for each of its cells.
        let tables = ["audit_entries"] + CityweaveModules.all.modules.flatMap { $0.guardedTables }
        var counts: SQLQueryString = ""
        for (position, table) in tables.enumerated() {
            let select: SQLQueryString = "SELECT \(literal: position) AS position, COUNT(*) AS n FROM \(ident: table)"
            counts = position == 0 ? select : "\(counts) UNION ALL \(select)"
        }
        var lines = try await (app.db as! any SQLDatabase).raw(counts).all().map {
            (try $0.decode(column: "position", as: Int.self), try $0.decode(column: "n", as: Int.self))
        }
        .sorted { $0.0 < $1.0 }.map { "\(tables[$0.0]) \($0.1)" }
        for user in try await User.query(on: app.db).sort(\.$email).all() {
            lines.append(
                "\(user.email) \(user.role?.rawValue ?? "-") \(user.contactFor) \(user.isActive) \(user.passwordHash ?? "")"
            )
        }
        for token in try await APIToken.query(on: app.db).sort(\.$id).all() {
            lines.append("token \(token.id!) \(token.revokedAt != nil)")
        }
        for request in try await MembershipRequest.query(on: app.db).sort(\.$id).all() {
            lines.append("request \(request.id!) \(request.status.rawValue)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let city = try #require(try await City.find(yokohama, on: app.db))
        lines.append(try String(decoding: encoder.encode(CityProfileSnapshot(city)), as: UTF8.self))
        let network = try #require(try await Network.find(c40, on: app.db))
        lines.append(try String(decoding: encoder.encode(NetworkProfileSnapshot(network)), as: UTF8.self))
        return lines + (try await knowledgeFingerprint()) + (try await engagementFingerprint())
            + (try await aidFingerprint())
    }

    func freshPartnership() async throws -> Int {
        let partner = nextCity()
        let partnership = Partnership()
        partnership.$cityA.id = min(yokohama, partner)
        partnership.$cityB.id = max(yokohama, partner)
        partnership.kind = .sisterCity
        partnership.source = "test"
        try await partnership.create(on: app.db)
        return try partnership.requireID()
    }

    func freshMember() async throws -> Int {
        let city = nextCity()
        let membership = Membership()
        membership.$network.id = c40
        membership.$city.id = city
        membership.role = "member"
        membership.source = "test"
        try await membership.create(on: app.db)
        return city
    }

    func freshRequest() async throws -> Int {
        let request = MembershipRequest()
        request.$network.id = c40
        request.$city.id = nextCity()
        request.message = ""
        request.status = .pending
        try await request.create(on: app.db)
        return try request.requireID()
    }

    func freshTokenOfCityEditor() async throws -> String {
        let (token, _) = try await APITokens.create(
            for: users[.cityEditor]!, name: "to revoke", scope: .read, expiresAt: nil, ip: "test", on: app.db)
        return try token.requireID().uuidString
    }

    func freshCityColleague(active: Bool) async throws -> String {
        let user = try await app.makeUser(
            "colleague\(next())@example.org", organisation: .city(yokohama), role: .viewer, active: active)
        return try user.requireID().uuidString
    }

    /// Another session of the persona's own (anonymous: of the city editor), to end.
    func secondSession(of persona: Persona) async throws -> String {
        let owner = persona == .anonymous ? users[.cityEditor]! : users[persona]!
        let browser = try await app.signIn(owner.email)
        return SecretToken.digest(of: browser.cookies[SessionStore.cookieName]!)
    }

    func c40ProfileForm() async throws -> [String: String] {
        let network = try await DirectoryQueries.network("\(c40)", on: app.db)
        return [
            "name": network.name, "acronym": network.acronym, "founded": network.founded.map(String.init) ?? "",
            "scope": network.scope.rawValue, "region": network.region, "themes": network.themes.joined(separator: ", "),
            "website": network.website, "description": "Edited \(next())",
        ]
    }
}

extension Array where Element == PathComponent {
    var string: String { map(\.description).joined(separator: "/") }
}
