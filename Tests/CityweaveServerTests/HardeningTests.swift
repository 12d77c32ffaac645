import Fluent
import Foundation
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

/// What a probe from outside found, each as a user or an attacker would meet it.
extension CityweaveServerTests {
    @Suite struct HardeningTests {
        // MARK: sign-in

        @Test func signInGoesOnlyToAPathOfThisSite() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                // Browsers drop tabs and line breaks from an address and read `\` as `/`.
                let offSite = [
                    "/\t/evil.example/x", "/\n/evil.example", "/\\evil.example", "//evil.example",
                    "https://evil.example", " /\t/x",
                ]
                for next in offSite + ["/cities/1?tab=partners"] {
                    let browser = try await app.anonymousBrowser()
                    let response = try await app.page(
                        .POST, "/login",
                        form: ["email": "officer@example.org", "password": TestAccounts.password, "next": next],
                        as: browser)
                    let expected = offSite.contains(next) ? "/account" : next
                    #expect(response.headers.first(name: .location) == expected, "next \(next.debugDescription)")
                }
                let form = try await app.page(.GET, "/login?next=/%09/evil.example/x")
                #expect(form.text.contains(#"name="next" value="/account""#))
                #expect(!form.text.contains("evil.example"))
            }
        }

        // MARK: requests' size and shape

        @Test func aParameterGivenTwiceOrTooManyParametersAreRefusedBeforeAnyParsing() async throws {
            try await withCityweave(loadReference: false) { app in
                let twice = try await app.api(.GET, "/api/v1/cities?q=a&q=b")
                #expect(twice.isProblem(status: .badRequest, mentioning: "'q' is given more than once"))
                #expect(try await app.page(.GET, "/practices?q=x&q=x").status == .badRequest)
                let tenThousand = Array(repeating: "q=x", count: 10_000).joined(separator: "&")
                #expect(try await app.page(.GET, "/practices?" + tenThousand).status == .uriTooLong)
                let many = (1...65).map { "p\($0)=1" }.joined(separator: "&")
                let refused = try await app.api(.GET, "/api/v1/cities?" + many)
                #expect(refused.isProblem(status: .badRequest, mentioning: "more than 64 query parameters"))
                let long = try await app.api(.GET, "/api/v1/cities?q=" + String(repeating: "x", count: 9000))
                #expect(long.status == .uriTooLong)
                var headers = HTTPHeaders()
                headers.add(name: "X-Padding", value: String(repeating: "x", count: 40_000))
                let heavy = try await app.testing().sendRequest(.GET, "/api/v1/cities", headers: headers)
                #expect(heavy.status == .requestHeaderFieldsTooLarge)
                #expect(try await app.api(.GET, "/api/v1/cities?q=Paris&per=5").status == .ok)
            }
        }

        @Test func anOverLongPathIsA404ThatNamesNoFolderOfTheServer() async throws {
            try await withCityweave(loadReference: false) { app in
                for path in [String(repeating: "/a", count: 3_000), "/" + String(repeating: "b", count: 300) + ".css"] {
                    let response = try await app.page(.GET, path)
                    #expect(response.status == .notFound)
                    #expect(!response.text.contains(TestEnvironment.packageRoot))
                }
            }
        }

        @Test func anEmptyFilterIsA400InTheAPIAndNoFilterOnAPage() async throws {
            try await withCityweave(loadReference: false) { app in
                for path in ["/api/v1/measures?to=", "/api/v1/practices?language=", "/api/v1/practices?stage="] {
                    let name = String(path.split(separator: "?")[1].dropLast())
                    let response = try await app.api(.GET, path)
                    #expect(response.isProblem(status: .badRequest, mentioning: "'\(name)' is empty"), "\(path)")
                }
                #expect(try await app.page(.GET, "/practices?q=&language=&stage=").status == .ok)
            }
        }

        @Test func aMethodAnAddressDoesNotAnswerIsA405WithAllowEvenWithoutAForm() async throws {
            try await withCityweave(loadReference: false) { app in
                for method in [HTTPMethod.PUT, .RAW(value: "TRACE"), .DELETE] {
                    let response = try await app.testing().sendRequest(method, "/metrics")
                    #expect(response.status == .methodNotAllowed, "\(method)")
                    #expect(response.headers.first(name: .allow) == "GET")
                }
            }
        }

        @Test func anUnknownJSONFieldIsA400NamingItAndChangesNothing() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let token = try await app.token(
                    for: try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor))
                let logged = try await app.count("audit_entries")
                let response = try await app.api(
                    .PATCH, "/api/v1/cities/\(paris)", json: #"{"contextProfile": {"climateZone": "polar"}}"#,
                    token: token)
                #expect(response.isProblem(status: .badRequest, mentioning: "'contextProfile' is not a field"))
                let nested = try await app.api(
                    .PUT, "/api/v1/cities/\(paris)/strategy",
                    json:
                        #"{"priorities": [{"theme": "climate", "weight": 1, "colour": "red"}], "objectives": "", "hoursPerMonth": 10, "yearlyBudget": 1000, "costPerHour": 40, "newEngagementHours": 5, "newEngagementFee": 100}"#,
                    token: token)
                #expect(nested.isProblem(status: .badRequest, mentioning: "'priorities[0].colour'"))
                #expect(try await app.count("audit_entries") == logged)
            }
        }

        @Test func aBodySentWithoutItsTypeIsA415ThatTheDocumentNames() async throws {
            try await withCityweave(loadReference: false) { app in
                let admin = try await app.makeUser("admin@example.org", platformAdmin: true)
                let token = try await app.token(for: admin)
                // `app.api` also checks that the document lists the status for this operation.
                let response = try await app.api(.POST, "/api/v1/aid/resources", token: token)
                #expect(response.status == .unsupportedMediaType)
            }
        }

        // MARK: behind a proxy, and over HTTPS

        @Test func onlyHopsAddedByTrustedProxiesAreBelieved() throws {
            let proxies = try AddressRanges("10.0.0.0/8, ::1")
            // The client wrote the leftmost hops; the proxy added the real one on the right.
            #expect(
                ClientAddress.resolve(
                    peer: "10.1.2.3", forwardedFor: ["6.6.6.6, 203.0.113.9"], trustedProxies: proxies) == "203.0.113.9")
            // Two proxies in a row: both skipped.
            #expect(
                ClientAddress.resolve(
                    peer: "::1", forwardedFor: ["6.6.6.6, 203.0.113.9", "10.9.9.9"], trustedProxies: proxies)
                    == "203.0.113.9")
            // A peer that is no trusted proxy is the client, whatever it claims.
            #expect(
                ClientAddress.resolve(peer: "198.51.100.7", forwardedFor: ["1.1.1.1"], trustedProxies: proxies)
                    == "198.51.100.7")
            #expect(
                ClientAddress.resolve(peer: "::ffff:10.0.0.1", forwardedFor: [], trustedProxies: proxies)
                    == "::ffff:10.0.0.1")
            #expect(AddressRanges.loopback.contains("127.8.9.10") && AddressRanges.loopback.contains("::1"))
            #expect(!AddressRanges.loopback.contains("128.0.0.1") && !AddressRanges.loopback.contains("not an address"))
            #expect(throws: ConfigurationError.self) { try AddressRanges("10.0.0.0/33") }
            #expect(throws: ConfigurationError.self) { try AddressRanges("proxy.example") }
        }

        @Test func rotatingForwardedForDoesNotEscapeTheSignInThrottle() async throws {
            let behindProxy: (inout CityweaveConfiguration) -> Void = { $0.trustedProxies = .loopback }
            try await withCityweave(loadReference: false, configure: behindProxy) { app in
                try await app.makeUser("officer@example.org")
                let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
                var statuses: [HTTPStatus] = []
                for attempt in 1...30 {
                    var browser = Browser()
                    let form = try await tester.sendRequest(.GET, "/login")
                    browser.absorb(form)
                    let csrf = try #require(Browser.csrfToken(in: form.text))
                    var headers = HTTPHeaders()
                    // The attacker writes a new address each time; the proxy appends the real one.
                    headers.add(name: .xForwardedFor, value: "192.0.2.\(attempt), 203.0.113.9")
                    headers.add(name: .cookie, value: browser.cookieHeader)
                    headers.contentType = .urlEncodedForm
                    let body = "email=officer%2B\(attempt)%40example.org&password=wrong&csrf_token=\(csrf)"
                    statuses.append(
                        try await tester.sendRequest(.POST, "/login", headers: headers, body: ByteBuffer(string: body))
                            .status)
                }
                #expect(statuses.contains(.tooManyRequests), "\(statuses)")
                let entries = try await SignInFailure.query(on: app.db).all()
                #expect(!entries.isEmpty && entries.allSatisfy { $0.ip == "203.0.113.9" })
            }
        }

        @Test func httpsSitesAskBrowsersToStayOnHTTPS() async throws {
            let https: (inout CityweaveConfiguration) -> Void = { $0.publicURL = "https://cityweave.example.org" }
            try await withCityweave(loadReference: false, configure: https) { app in
                let response = try await app.page(.GET, "/login")
                #expect(response.headers.first(name: .strictTransportSecurity) == "max-age=31536000")
            }
            try await withCityweave(loadReference: false) { app in
                let response = try await app.page(.GET, "/login")
                #expect(response.headers.first(name: .strictTransportSecurity) == nil)
            }
        }

        @Test func metricsAreServedOnlyToMonitoring() async throws {
            let token = String(repeating: "m", count: 24)
            let withToken: (inout CityweaveConfiguration) -> Void = { $0.metricsToken = token }
            try await withCityweave(loadReference: false, configure: withToken) { app in
                #expect(try await app.page(.GET, "/metrics").status == .forbidden)
                #expect(try await app.api(.GET, "/metrics", token: "wrong-token-wrong-token").status == .forbidden)
                let scraped = try await app.api(.GET, "/metrics", token: token)
                #expect(scraped.status == .ok && scraped.text.contains("http_requests_total"))
                // From the loopback, without a token, as a local Prometheus scrapes it.
                let local = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
                try await local.test(.GET, "/metrics") { #expect($0.status == .ok) }
                // The same, forwarded by a proxy that is not trusted: it comes from elsewhere.
                try await local.test(.GET, "/metrics", headers: ["X-Forwarded-For": "1.2.3.4"]) {
                    #expect($0.status == .forbidden)
                }
            }
        }

        // MARK: concurrent writes

        @Test func fiftyConcurrentWritesOfOneRecordNeverFail() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let shanghai = try await app.cityID("Shanghai", "CN")
                let pyongyang = try await app.cityID("Pyongyang", "KP")
                let editor = try await app.makeUser("editor@yokohama.jp", organisation: .city(yokohama), role: .editor)
                let admin = try await app.makeUser("admin@example.org", platformAdmin: true)
                let cityToken = try await app.token(for: editor)
                let adminToken = try await app.token(for: admin)

                // Revisions of one strategy: each waits for the one before.
                let saves = try await app.concurrently(50) { _ in
                    try await app.api(
                        .PUT, "/api/v1/cities/\(yokohama)/strategy", json: Self.strategy, token: cityToken
                    ).status
                }
                #expect(saves.allSatisfy { $0.code < 500 }, "\(saves)")
                #expect(saves.contains(.ok) || saves.contains(.created))

                // One partnership, recorded fifty times at once: one row, one 201, the others 409.
                let partnerships = try await app.concurrently(50) { _ in
                    try await app.api(
                        .POST, "/api/v1/cities/\(yokohama)/partnerships",
                        json: #"{"partnerCityId": \#(shanghai), "kind": "friendship"}"#, token: cityToken
                    ).status
                }
                #expect(partnerships.filter { $0 == .created }.count == 1, "\(partnerships)")
                #expect(partnerships.filter { $0 == .conflict }.count == 49, "\(partnerships)")

                // One new resource code, fifty times.
                let resources = try await app.concurrently(50) { _ in
                    try await app.api(
                        .POST, "/api/v1/aid/resources",
                        json:
                            #"{"code": "flood-barriers", "name": "Flood barriers", "unit": "metres", "category": "relief"}"#,
                        token: adminToken
                    ).status
                }
                #expect(resources.filter { $0 == .created }.count == 1, "\(resources)")
                #expect(resources.filter { $0 == .conflict }.count == 49, "\(resources)")

                // One new member, fifty times; then fifty deletions of that membership.
                let network = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
                let networkID = try network.requireID()
                let adds = try await app.concurrently(50) { _ in
                    try await app.api(
                        .POST, "/api/v1/networks/\(networkID)/members", json: #"{"cityId": \#(pyongyang)}"#,
                        token: adminToken
                    ).status
                }
                #expect(adds.filter { $0 == .created }.count == 1, "\(adds)")
                #expect(adds.filter { $0 == .conflict }.count == 49, "\(adds)")
                let logged = try await AuditEntry.query(on: app.db).filter(\.$action == "delete").count()
                let deletes = try await app.concurrently(50) { _ in
                    try await app.api(.DELETE, "/api/v1/networks/\(networkID)/members/\(pyongyang)", token: adminToken)
                        .status
                }
                #expect(deletes.filter { $0 == .noContent }.count == 1, "\(deletes)")
                #expect(deletes.filter { $0 == .notFound }.count == 49, "\(deletes)")
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "delete").count() == logged + 1)
            }
        }

        static let strategy =
            #"{"priorities": [{"theme": "climate", "weight": 3}], "objectives": "Cleaner air.", "hoursPerMonth": 60, "yearlyBudget": 50000, "costPerHour": 40, "newEngagementHours": 10, "newEngagementFee": 9000}"#

        // MARK: the command line and the landscape

        @Test func anImportFromTheCommandLineIsOneEntryOfTheAuditLog() async throws {
            try await withCityweave { app in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let input = folder.appendingPathComponent("pairs.csv").path
                try DirectoryImportTests.pairs.write(toFile: input, atomically: true, encoding: .utf8)
                let before = try await app.count("partnerships")
                var context = CommandContext(
                    console: CapturingConsole(), input: CommandInput(arguments: ["cityweave", "partnerships", input]))
                context.application = app
                try await ImportCommandGroup(commands: DirectoryModule.importCommands).run(using: &context)
                let entries = try await AuditEntry.query(on: app.db).all()
                #expect(entries.count == 1)
                let entry = try #require(entries.first)
                #expect(entry.action == "import" && entry.recordType == "partnerships" && entry.recordID == "pairs.csv")
                #expect(entry.actorEmail == "system" && entry.ip == "command line")
                let changes = AuditChanges.parse(entry.changes)
                #expect(changes.contains { $0.field == "rows read" && $0.to == "6" }, "\(changes)")
                let created = try await app.count("partnerships") - before
                #expect(
                    created > 0 && changes.contains { $0.field == "created" && $0.to == "\(created)" }, "\(changes)")
            }
        }

        @Test func visitorsWhoAreNotSignedInStartFewLandscapeComputations() async throws {
            try await withCityweave { app in
                app.landscapeVisitorBudget = LandscapeVisitorBudget(computations: 2, window: 600)
                let thisYear = DirectoryEdits.thisYear
                // A city's figures start the year's analysis and its metrics: one computation counted.
                let yokohama = try await app.cityID("Yokohama", "JP")
                let city = try await app.api(.GET, "/api/v1/landscape/cities/\(yokohama)?year=\(thisYear - 1)")
                #expect(city.status == .ok)
                #expect(try await app.api(.GET, "/api/v1/landscape/overlap?year=\(thisYear - 2)").status == .ok)
                // Held years and this year cost nothing; a third new year must wait.
                #expect(try await app.api(.GET, "/api/v1/landscape/overlap?year=\(thisYear - 1)").status == .ok)
                #expect(try await app.api(.GET, "/api/v1/landscape/overlap?year=\(thisYear)").status == .ok)
                let refused = try await app.api(.GET, "/api/v1/landscape/overlap?year=\(thisYear - 3)")
                #expect(refused.isProblem(status: .tooManyRequests, mentioning: "sign in"))
                #expect(refused.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 } == true)
                // A signed-in person is not counted.
                let token = try await app.token(for: try await app.makeUser("reader@example.org"), scope: .read)
                #expect(
                    try await app.api(.GET, "/api/v1/landscape/overlap?year=\(thisYear - 3)", token: token).status
                        == .ok)
            }
        }
    }
}

extension Application {
    /// Runs `count` copies of `work` at once and returns what each gave.
    func concurrently<Value: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) async throws -> Value)
        async throws -> [Value]
    {
        try await withThrowingTaskGroup(of: Value.self) { group in
            for index in 0..<count { group.addTask { try await work(index) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
