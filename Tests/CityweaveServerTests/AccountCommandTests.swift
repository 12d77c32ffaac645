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
    @Suite struct AccountCommandTests {
        /// Runs `cityweave <arguments>` and returns what it printed.
        private func run(_ command: any AnyAsyncCommand, _ arguments: [String], app: Application) async throws -> String
        {
            let console = CapturingConsole()
            var context = CommandContext(console: console, input: CommandInput(arguments: ["cityweave"] + arguments))
            context.application = app
            try await command.run(using: &context)
            return console.printed
        }

        @Test func createAdminPrintsALinkThatMakesAPlatformAdministrator() async throws {
            try await withCityweave(loadReference: false) { app in
                let printed = try await run(
                    UsersCommandGroup(), ["create-admin", "--email", "Root@Example.org"], app: app)
                let path = try #require(AccountsTests.invitationPath(in: printed))
                #expect(printed.contains("http://"))
                let browser = try await app.anonymousBrowser()
                let passphrase = "the first key to the city"
                let accepted = try await app.page(
                    .POST, path, form: ["name": "Root", "password": passphrase, "confirmation": passphrase], as: browser
                )
                #expect(accepted.status == .seeOther)
                let user = try #require(try await User.find(email: "root@example.org", on: app.db))
                #expect(user.isPlatformAdmin)
                #expect(user.organisation == nil)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "invite").count() == 1)
            }
        }

        @Test func tokensCreatePrintsATokenOnceWithItsScope() async throws {
            try await withCityweave(loadReference: false) { app in
                try await app.makeUser("robot@example.org")
                let printed = try await run(
                    TokensCommandGroup(),
                    ["create", "--email", "robot@example.org", "--name", "nightly sync", "--scope", "read"], app: app)
                let token = printed.trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(token.hasPrefix("cwt_"))
                let me = try await app.api(.GET, "/api/v1/me", token: token)
                #expect(try me.content.decode(MeDTO.self).tokenScope == .read)
                #expect(try await APIToken.query(on: app.db).filter(\.$tokenHash == token).count() == 0)
            }
        }

        @Test func tokensCreateRefusesUnknownUsersAndScopes() async throws {
            try await withCityweave(loadReference: false) { app in
                await #expect(throws: BadRequest.self) {
                    _ = try await run(
                        TokensCommandGroup(),
                        ["create", "--email", "nobody@example.org", "--name", "x", "--scope", "read"],
                        app: app)
                }
                try await app.makeUser("robot@example.org")
                await #expect(throws: BadRequest.self) {
                    _ = try await run(
                        TokensCommandGroup(),
                        ["create", "--email", "robot@example.org", "--name", "x", "--scope", "admin"],
                        app: app)
                }
                #expect(try await app.count("api_tokens") == 0)
            }
        }

        @Test func demoAccountsAreCreatedOnceForTheExampleOrganisations() async throws {
            try await withCityweave(cities: .minimumPopulation(300_000)) { app in
                let lines = try await DemoAccounts.createIfNoUsers(
                    on: app.db, in: app.organisations, hasher: app.password.async)
                #expect(lines.contains { $0.contains("yokohama.editor@example.org") })
                #expect(lines.contains { $0.contains("admin@example.org") })
                let editor = try #require(try await User.find(email: "yokohama.editor@example.org", on: app.db))
                #expect(editor.organisation == .city(try await app.cityID("Yokohama", "JP")))
                let account = try #require(DemoAccounts.accounts.first { $0.email == "c40.admin@example.org" })
                _ = try await app.signIn(account.email, password: account.password)
                #expect(
                    try await DemoAccounts.createIfNoUsers(
                        on: app.db, in: app.organisations, hasher: app.password.async
                    ).isEmpty)
                for demo in DemoAccounts.accounts {
                    let problem = app.passwordPolicy.problem(with: demo.password, email: demo.email)
                    #expect(problem == nil, "\(demo.email): \(problem?.englishText ?? "")")
                }
            }
        }
    }
}
