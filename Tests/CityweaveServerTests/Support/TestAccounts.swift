import Fluent
import Foundation
import NIOCore
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

/// A browser in a test: the cookies it holds and the form secret of its pages.
struct Browser: Sendable {
    var cookies: [String: String] = [:]
    var csrfToken: String = ""

    var cookieHeader: String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// Keeps the cookies a response sets, and forgets those it expires.
    mutating func absorb(_ response: TestingHTTPResponse) {
        guard let set = response.headers.setCookie else { return }
        for (name, value) in set.all {
            if value.string.isEmpty || value.maxAge == 0 { cookies[name] = nil } else { cookies[name] = value.string }
        }
    }

    /// The hidden `csrf_token` of the page's first form.
    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf_token" value="([^"]*)""#, options: .regularExpression) else {
            return nil
        }
        let match = html[range]
        return match.split(separator: "\"").dropFirst(3).first.map(String.init)
    }
}

enum TestAccounts {
    /// Every test user's password.
    static let password = "correct-horse-battery-staple"
    /// Its Bcrypt hash at the lowest cost, computed once.
    static let passwordHash = try! Bcrypt.hash(password, cost: 4)
}

extension Application {
    /// A user who has accepted their invitation, created straight in the database.
    @discardableResult
    func makeUser(
        _ email: String, organisation: Organisation? = nil, role: Role? = nil, platformAdmin: Bool = false,
        active: Bool = true
    ) async throws -> User {
        let user = User(
            email: email, name: email.split(separator: "@")[0].capitalized, organisation: organisation, role: role,
            isPlatformAdmin: platformAdmin)
        user.passwordHash = TestAccounts.passwordHash
        if !active { user.deactivatedAt = Date() }
        try await user.create(on: db)
        return user
    }

    /// A browser that has opened the sign-in page: it holds the CSRF cookie and its secret.
    func anonymousBrowser() async throws -> Browser {
        var browser = Browser()
        let response = try await testing().sendRequest(.GET, "/login")
        browser.absorb(response)
        browser.csrfToken = try #require(Browser.csrfToken(in: response.body.string))
        return browser
    }

    /// Signs in through the sign-in form and returns the signed-in browser.
    func signIn(_ email: String, password: String = TestAccounts.password) async throws -> Browser {
        var browser = try await anonymousBrowser()
        let response = try await page(
            .POST, "/login", form: ["email": email, "password": password, "next": "/account"], as: browser)
        try #require(response.status == .seeOther, "sign-in of \(email) answered \(response.status)")
        browser.absorb(response)
        let account = try await page(.GET, "/account", as: browser)
        browser.csrfToken = try #require(Browser.csrfToken(in: account.body.string))
        return browser
    }

    /// A page request as a browser sends it: its cookies and, for forms, its CSRF secret.
    func page(
        _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, as browser: Browser? = nil,
        includeCSRF: Bool = true
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let browser, !browser.cookies.isEmpty { headers.add(name: .cookie, value: browser.cookieHeader) }
        var body: ByteBuffer?
        if method != .GET {
            var fields = form ?? [:]
            if includeCSRF, let browser { fields["csrf_token"] = browser.csrfToken }
            let encoded = fields.sorted { $0.key < $1.key }.map {
                "\(Self.formEncoded($0.key))=\(Self.formEncoded($0.value))"
            }
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: encoded.joined(separator: "&"))
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// An API request, with a bearer token and the reader's languages (`Accept-Language`) when given.
    func api(
        _ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil, languages: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if let languages { headers.replaceOrAdd(name: .acceptLanguage, value: languages) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        let response = try await testing().sendRequest(method, path, headers: headers, body: body)
        if path.hasPrefix("/api/") {
            let problems = ResponseSchemas.problems(
                method: method, path: path, status: response.status, contentType: response.headers.contentType,
                body: Data(response.body.readableBytesView))
            #expect(
                problems.isEmpty, "the answer differs from the OpenAPI document:\n\(problems.joined(separator: "\n"))")
        }
        return response
    }

    /// A new API token for `user`, as `cityweave tokens create` makes it.
    func token(for user: User, scope: APIToken.Scope = .write) async throws -> String {
        try await APITokens.create(
            for: user, name: "test", scope: scope, expiresAt: nil, ip: "test", on: db
        ).secret
    }
}

extension ByteBuffer {
    var string: String { String(buffer: self) }
}

extension TestingHTTPResponse {
    var text: String { body.string }
}
