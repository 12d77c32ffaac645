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

extension CityweaveServerTests {
    @Suite struct AccountsTests {
        // MARK: sessions

        @Test func signInSetsAnHttpOnlyLaxCookieAndRotatesTheSessionId() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                var browser = try await app.anonymousBrowser()
                // A session id planted before sign-in must not become the session.
                browser.cookies[SessionStore.cookieName] = "planted-by-an-attacker"
                let response = try await app.page(
                    .POST, "/login", form: ["email": "Officer@Example.org", "password": TestAccounts.password],
                    as: browser)
                #expect(response.status == .seeOther)
                let cookie = try #require(response.headers.setCookie?[SessionStore.cookieName])
                #expect(cookie.isHTTPOnly)
                #expect(cookie.sameSite == .lax)
                #expect(!cookie.isSecure)
                #expect(cookie.string != "planted-by-an-attacker")
                browser.absorb(response)
                let first = try #require(browser.cookies[SessionStore.cookieName])

                // Signing in again from the same browser replaces the session: the old id stops working.
                let account = try await app.page(.GET, "/account", as: browser)
                browser.csrfToken = try #require(Browser.csrfToken(in: account.text))
                let before = browser
                let again = try await app.page(
                    .POST, "/login", form: ["email": "officer@example.org", "password": TestAccounts.password],
                    as: browser)
                #expect(again.status == .seeOther)
                browser.absorb(again)
                #expect(browser.cookies[SessionStore.cookieName] != first)
                let old = try await app.page(.GET, "/account", as: before)
                #expect(old.status == .seeOther)
                #expect(old.headers.first(name: .location)?.hasPrefix("/login") == true)
                #expect(try await app.page(.GET, "/account", as: browser).status == .ok)
                #expect(try await app.count("user_sessions") == 1)
            }
        }

        @Test func cookiesAreSecureWhenServedOverHTTPS() async throws {
            let https: (inout CityweaveConfiguration) -> Void = { $0.publicURL = "https://cityweave.example.org" }
            try await withCityweave(loadReference: false, configure: https) { app in
                try await app.makeUser("officer@example.org")
                let browser = try await app.anonymousBrowser()
                let response = try await app.page(
                    .POST, "/login", form: ["email": "officer@example.org", "password": TestAccounts.password],
                    as: browser)
                #expect(response.headers.setCookie?[SessionStore.cookieName]?.isSecure == true)
            }
        }

        @Test func signOutEndsTheSessionOnTheServer() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let browser = try await app.signIn("officer@example.org")
                #expect(try await app.count("user_sessions") == 1)
                let response = try await app.page(.POST, "/logout", form: [:], as: browser)
                #expect(response.status == .seeOther)
                #expect(try await app.count("user_sessions") == 0)
                // The old cookie, replayed, signs no one in.
                #expect(try await app.page(.GET, "/account", as: browser).status == .seeOther)
            }
        }

        @Test func sessionsEndAfterAWeekUnusedAndAreRemoved() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let idle = try await app.signIn("officer@example.org")
                let session = try #require(try await UserSession.query(on: app.db).first())
                session.lastSeenAt = Date().addingTimeInterval(-UserSession.idleLifetime - 60)
                try await session.update(on: app.db)
                // Any sign-in clears sessions past their lifetime, used again or not.
                try await app.makeUser("colleague@example.org")
                _ = try await app.signIn("colleague@example.org")
                #expect(try await UserSession.find(session.id, on: app.db) == nil)
                #expect(try await app.count("user_sessions") == 1)
                #expect(try await app.page(.GET, "/account", as: idle).status == .seeOther)
            }
        }

        @Test func usersSeeAndEndTheirOwnSessions() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let laptop = try await app.signIn("officer@example.org")
                let phone = try await app.signIn("officer@example.org")
                let page = try await app.page(.GET, "/account", as: laptop).text
                let phoneID = SecretToken.digest(of: phone.cookies[SessionStore.cookieName]!)
                #expect(page.contains("/account/sessions/\(phoneID)/end"))
                let ended = try await app.page(.POST, "/account/sessions/\(phoneID)/end", form: [:], as: laptop)
                #expect(ended.status == .seeOther)
                #expect(try await app.page(.GET, "/account", as: phone).status == .seeOther)
                #expect(try await app.page(.GET, "/account", as: laptop).status == .ok)
            }
        }

        // MARK: CSRF

        @Test func formsWithoutTheSessionsSecretAreRefusedAndChangeNothing() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let editor = try await app.signIn("editor@example.org")
                let form = ["internationalStaff": "12"]
                let missing = try await app.page(
                    .POST, "/cities/\(yokohama)/edit", form: form, as: editor, includeCSRF: false)
                #expect(missing.status == .forbidden)
                #expect(missing.text.contains("nothing was changed"))
                var forged = editor
                forged.csrfToken = "guessed"
                #expect(
                    try await app.page(.POST, "/cities/\(yokohama)/edit", form: form, as: forged).status == .forbidden)
                // Another browser's secret does not fit this session.
                let other = try await app.signIn("editor@example.org")
                forged.csrfToken = other.csrfToken
                #expect(
                    try await app.page(.POST, "/cities/\(yokohama)/edit", form: form, as: forged).status == .forbidden)
                #expect(try await City.find(yokohama, on: app.db)?.internationalStaff == nil)
                #expect(try await app.count("audit_entries") == 2)  // the two sign-ins

                let accepted = try await app.page(.POST, "/cities/\(yokohama)/edit", form: form, as: editor)
                #expect(accepted.status == .seeOther)
                #expect(try await City.find(yokohama, on: app.db)?.internationalStaff == 12)
            }
        }

        @Test func signInFormNeedsItsCSRFSecretToo() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let browser = try await app.anonymousBrowser()
                let response = try await app.page(
                    .POST, "/login", form: ["email": "officer@example.org", "password": TestAccounts.password],
                    as: browser, includeCSRF: false)
                #expect(response.status == .forbidden)
                #expect(try await app.count("user_sessions") == 0)
            }
        }

        // MARK: rate limiting

        @Test func failedSignInsAreLimitedPerAccountAndSuccessResets() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let browser = try await app.anonymousBrowser()
                func attempt(_ password: String, email: String = "officer@example.org") async throws
                    -> TestingHTTPResponse
                {
                    try await app.page(.POST, "/login", form: ["email": email, "password": password], as: browser)
                }
                for _ in 1...4 { #expect(try await attempt("wrong password").status == .unauthorized) }
                // Success before the limit clears the count.
                #expect(try await attempt(TestAccounts.password).status == .seeOther)
                for _ in 1...5 { #expect(try await attempt("wrong password").status == .unauthorized) }
                let locked = try await attempt(TestAccounts.password)
                #expect(locked.status == .tooManyRequests)
                #expect(locked.text.contains("Too many failed sign-ins for this account"))
                #expect(locked.headers.first(name: "Retry-After") != nil)
                #expect(try await app.count("user_sessions") == 1)
            }
        }

        @Test func failedSignInsAreLimitedPerAddress() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let browser = try await app.anonymousBrowser()
                for index in 1...SignInThrottle.addressLimit {
                    let response = try await app.page(
                        .POST, "/login", form: ["email": "guess\(index)@example.org", "password": "wrong password"],
                        as: browser)
                    #expect(response.status == .unauthorized)
                }
                let locked = try await app.page(
                    .POST, "/login", form: ["email": "officer@example.org", "password": TestAccounts.password],
                    as: browser)
                #expect(locked.status == .tooManyRequests)
                #expect(locked.text.contains("your address"))
            }
        }

        // MARK: API tokens

        @Test func tokensAreShownOnceStoredHashedAndRevocable() async throws {
            try await withCityweave(loadReference: false) { app in
                let user = try await app.makeUser("officer@example.org")
                let bootstrap = try await app.token(for: user)
                let created = try await app.api(
                    .POST, "/api/v1/tokens", json: #"{"name": "nightly export", "scope": "read"}"#, token: bootstrap)
                #expect(created.status == .created)
                let token = try created.content.decode(CreatedAPITokenDTO.self)
                #expect(token.token.hasPrefix("cwt_"))
                let stored = try #require(try await APIToken.find(token.details.id, on: app.db))
                #expect(stored.tokenHash == SecretToken.digest(of: token.token))
                #expect(stored.tokenHash != token.token)

                let me = try await app.api(.GET, "/api/v1/me", token: token.token)
                #expect(me.status == .ok)
                #expect(try me.content.decode(MeDTO.self).email == "officer@example.org")
                let list = try await app.api(.GET, "/api/v1/tokens", token: token.token)
                #expect(!list.text.contains(token.token))

                let revoked = try await app.api(.DELETE, "/api/v1/tokens/\(token.details.id)", token: bootstrap)
                #expect(revoked.status == .noContent)
                let refused = try await app.api(.GET, "/api/v1/me", token: token.token)
                #expect(refused.isProblem(status: .unauthorized, mentioning: "revoked"))
                // Even a public read refuses a token that is no longer valid, so that a script learns of it.
                #expect(try await app.api(.GET, "/api/v1/countries", token: token.token).status == .unauthorized)
                #expect(try await app.api(.GET, "/api/v1/countries").status == .ok)
            }
        }

        @Test func readTokensCannotWriteAndExpiredTokensAreRefused() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let editor = try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let reader = try await app.token(for: editor, scope: .read)
                let write = try await app.api(
                    .PATCH, "/api/v1/cities/\(yokohama)", json: #"{"internationalStaff": 4}"#, token: reader)
                #expect(write.isProblem(status: .forbidden, mentioning: "only read"))
                #expect(try await City.find(yokohama, on: app.db)?.internationalStaff == nil)

                let expiring = try await app.token(for: editor)
                let stored = try #require(
                    try await APIToken.query(on: app.db).filter(\.$tokenHash == SecretToken.digest(of: expiring))
                        .first())
                stored.expiresAt = Date().addingTimeInterval(-60)
                try await stored.update(on: app.db)
                #expect(try await app.api(.GET, "/api/v1/me", token: expiring).status == .unauthorized)

                let past = try await app.api(
                    .POST, "/api/v1/tokens",
                    json: #"{"name": "old", "scope": "read", "expiresAt": "2001-01-01T00:00:00Z"}"#,
                    token: try await app.token(for: editor))
                #expect(past.isProblem(status: .badRequest, mentioning: "expiresAt"))
            }
        }

        @Test func meAnswersWhoTheTokenBelongsTo() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let editor = try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let me = try await app.api(.GET, "/api/v1/me", token: try await app.token(for: editor, scope: .read))
                let dto = try me.content.decode(MeDTO.self)
                #expect(dto.organisation?.name == "Yokohama")
                #expect(dto.organisation?.kind == .city)
                #expect(dto.role == .editor)
                #expect(dto.tokenScope == .read)
                #expect(try await app.api(.GET, "/api/v1/me").isProblem(status: .unauthorized, mentioning: "Bearer"))
            }
        }

        // MARK: deactivation

        @Test func deactivatedUsersLoseSessionsAndTokensAtOnceAndCannotSignIn() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.makeUser("admin@example.org", organisation: .city(yokohama), role: .admin)
                let editor = try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let editorBrowser = try await app.signIn("editor@example.org")
                let token = try await app.token(for: editor)
                let admin = try await app.signIn("admin@example.org")

                let response = try await app.page(
                    .POST, "/admin/people/\(try editor.requireID())/deactivate", form: [:], as: admin)
                #expect(response.status == .seeOther)
                #expect(try await app.page(.GET, "/account", as: editorBrowser).status == .seeOther)
                #expect(try await app.api(.GET, "/api/v1/me", token: token).status == .unauthorized)
                let signIn = try await app.page(
                    .POST, "/login", form: ["email": "editor@example.org", "password": TestAccounts.password],
                    as: try await app.anonymousBrowser())
                #expect(signIn.status == .forbidden)
                #expect(signIn.text.contains("deactivated"))

                let log = try await app.page(.GET, "/admin/audit?action=deactivate", as: admin).text
                let editorID = try editor.requireID()
                #expect(log.contains("user \(editorID)"))
            }
        }

        @Test func anOrganisationKeepsAnAdministrator() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let admin = try await app.makeUser("admin@example.org", organisation: .city(yokohama), role: .admin)
                let browser = try await app.signIn("admin@example.org")
                let demote = try await app.page(
                    .POST, "/admin/people/\(try admin.requireID())", form: ["role": "viewer"], as: browser)
                #expect(demote.status == .badRequest)
                #expect(demote.text.contains("only administrator"))
                #expect(try await User.find(admin.id, on: app.db)?.role == .admin)
            }
        }

        // MARK: invitations

        @Test func aPlatformAdminInvitesANetworksFirstAdminWithAOneTimeLink() async throws {
            try await withCityweave { app in
                try await app.makeUser("root@example.org", platformAdmin: true)
                let root = try await app.signIn("root@example.org")
                let invited = try await app.page(
                    .POST, "/admin/invitations",
                    form: ["email": "secretariat@c40.example.org", "organisation": "network:c40", "role": "admin"],
                    as: root)
                #expect(invited.status == .created)
                let link = try #require(Self.invitationPath(in: invited.text))

                let newcomer = try await app.anonymousBrowser()
                let form = try await app.page(.GET, link, as: newcomer)
                #expect(form.status == .ok)
                #expect(form.text.contains("C40"))
                let weak = try await app.page(
                    .POST, link, form: ["name": "Ana", "password": "password123!", "confirmation": "password123!"],
                    as: newcomer)
                #expect(weak.status == .badRequest)
                #expect(weak.text.contains("attackers try first"))
                let short = try await app.page(
                    .POST, link, form: ["name": "Ana", "password": "short", "confirmation": "short"], as: newcomer)
                #expect(short.text.contains("at least 10 characters"))

                let chosen = "a long and unusual passphrase"
                let accepted = try await app.page(
                    .POST, link, form: ["name": "Ana", "password": chosen, "confirmation": chosen], as: newcomer)
                #expect(accepted.status == .seeOther)
                let user = try #require(try await User.find(email: "secretariat@c40.example.org", on: app.db))
                #expect(user.role == .admin)
                #expect(user.organisation?.kind == .network)
                #expect(user.passwordHash != chosen)
                _ = try await app.signIn("secretariat@c40.example.org", password: chosen)

                // The link works once.
                let reused = try await app.page(.GET, link, as: try await app.anonymousBrowser())
                #expect(reused.status == .gone)
            }
        }

        @Test func expiredInvitationsCannotBeAccepted() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.makeUser("admin@example.org", organisation: .city(yokohama), role: .admin)
                let admin = try await app.signIn("admin@example.org")
                let invited = try await app.page(
                    .POST, "/admin/invitations", form: ["email": "late@example.org", "role": "viewer"], as: admin)
                let link = try #require(Self.invitationPath(in: invited.text))
                let invitation = try #require(try await Invitation.query(on: app.db).first())
                #expect(invitation.organisation == .city(yokohama))
                invitation.expiresAt = Date().addingTimeInterval(-1)
                try await invitation.update(on: app.db)

                let newcomer = try await app.anonymousBrowser()
                let page = try await app.page(.GET, link, as: newcomer)
                #expect(page.status == .gone)
                #expect(page.text.contains("expired"))
                let accept = try await app.page(
                    .POST, link,
                    form: [
                        "name": "Late", "password": "a long and unusual passphrase",
                        "confirmation": "a long and unusual passphrase",
                    ],
                    as: newcomer)
                #expect(accept.status == .gone)
                #expect(try await User.find(email: "late@example.org", on: app.db) == nil)
            }
        }

        @Test func aSecondInvitationCannotResetAnAccountAlreadySetUp() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.makeUser("admin@example.org", organisation: .city(yokohama), role: .admin)
                let admin = try await app.signIn("admin@example.org")
                var links: [String] = []
                for _ in 1...2 {
                    let invited = try await app.page(
                        .POST, "/admin/invitations", form: ["email": "twice@example.org", "role": "viewer"], as: admin)
                    links.append(try #require(Self.invitationPath(in: invited.text)))
                }
                let passphrase = "a long and unusual passphrase"
                let form = ["name": "Twice", "password": passphrase, "confirmation": passphrase]
                let first = try await app.page(.POST, links[0], form: form, as: try await app.anonymousBrowser())
                #expect(first.status == .seeOther)
                let other = "somebody else's passphrase"
                let second = try await app.page(
                    .POST, links[1], form: ["name": "Mallory", "password": other, "confirmation": other],
                    as: try await app.anonymousBrowser())
                #expect(second.status == .conflict)
                #expect(try await User.find(email: "twice@example.org", on: app.db)?.name == "Twice")
                _ = try await app.signIn("twice@example.org", password: passphrase)
            }
        }

        static func invitationPath(in html: String) -> String? {
            guard let range = html.range(of: #"/invitations/cwi_[A-Za-z0-9_-]+"#, options: .regularExpression) else {
                return nil
            }
            return String(html[range])
        }

        // MARK: passwords

        @Test func changingThePasswordChecksTheOldOneAndEndsOtherSessions() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("officer@example.org")
                let here = try await app.signIn("officer@example.org")
                let elsewhere = try await app.signIn("officer@example.org")
                let new = "another long passphrase"
                let wrong = try await app.page(
                    .POST, "/account/password",
                    form: ["currentPassword": "not it", "newPassword": new, "confirmation": new], as: here)
                #expect(wrong.status == .badRequest)
                let changed = try await app.page(
                    .POST, "/account/password",
                    form: ["currentPassword": TestAccounts.password, "newPassword": new, "confirmation": new], as: here)
                #expect(changed.status == .seeOther)
                #expect(try await app.page(.GET, "/account", as: here).status == .ok)
                #expect(try await app.page(.GET, "/account", as: elsewhere).status == .seeOther)
                _ = try await app.signIn("officer@example.org", password: new)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "change_password").all()
                #expect(audit.count == 1)
                #expect(!audit[0].changes.contains(new))
            }
        }

        @Test func passwordPolicyRefusesCommonAndShortPasswords() throws {
            let policy = try PasswordPolicy.load(referenceFolder: TestEnvironment.packageRoot + "Resources/Reference/")
            #expect(policy.commonPasswords.count > 3000)
            #expect(policy.problem(with: "short", email: "a@b.org")?.englishText.contains("at least 10") == true)
            for common in ["password123", "Password2024!", "1234567890", "qwertyuiop", "aaaaaaaaaaaa"] {
                #expect(policy.problem(with: common, email: "a@b.org") != nil, "\(common) was accepted")
            }
            #expect(policy.problem(with: "maria.lopez-2026", email: "maria.lopez@city.gov") != nil)
            #expect(policy.problem(with: "tram lines along the harbour", email: "a@b.org") == nil)
        }

        // MARK: audit log

        @Test func theAuditLogShowsEachOrganisationItsOwnWritesWithFilters() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                try await app.makeUser("admin@example.org", organisation: .city(yokohama), role: .admin)
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                try await app.makeUser("c40@example.org", organisation: .network(c40), role: .admin)
                try await app.makeUser("root@example.org", platformAdmin: true)
                let editor = try await app.signIn("editor@example.org")
                _ = try await app.page(
                    .POST, "/cities/\(yokohama)/edit", form: ["internationalStaff": "7", "fiscalAutonomy": "high"],
                    as: editor)

                let entry = try #require(
                    try await AuditEntry.query(on: app.db).filter(\.$recordType == "city").first())
                #expect(entry.actorEmail == "editor@example.org")
                #expect(entry.organisation == .city(yokohama))
                #expect(entry.recordID == "\(yokohama)")
                let changes = AuditChanges.parse(entry.changes)
                #expect(changes.contains { $0.field == "internationalStaff" && $0.from == "—" && $0.to == "7" })
                #expect(changes.contains { $0.field == "fiscalAutonomy" && $0.to == "high" })

                let own = try await app.page(
                    .GET, "/admin/audit?recordType=city", as: try await app.signIn("admin@example.org"))
                #expect(own.status == .ok)
                #expect(own.text.contains("internationalStaff"))
                let other = try await app.page(.GET, "/admin/audit", as: try await app.signIn("c40@example.org"))
                #expect(!other.text.contains("internationalStaff"))
                let root = try await app.signIn("root@example.org")
                #expect(try await app.page(.GET, "/admin/audit", as: root).text.contains("internationalStaff"))
                let filtered = try await app.page(.GET, "/admin/audit?actor=c40@example.org", as: root)
                #expect(!filtered.text.contains("internationalStaff"))
                let bad = try await app.page(.GET, "/admin/audit?from=yesterday", as: root)
                #expect(bad.status == .badRequest)
                #expect(bad.text.contains("&#39;from&#39;") || bad.text.contains("'from'"))
                #expect(try await app.page(.GET, "/admin/audit", as: editor).status == .forbidden)
            }
        }
    }
}
