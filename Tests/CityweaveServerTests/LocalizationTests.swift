import CityweaveCore
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct LocalizationTests {
        @Test func pluralCategoriesFollowCLDR() {
            let expected: [InterfaceLanguage: [Int: PluralCategory]] = [
                .en: [0: .other, 1: .one, 2: .other, 21: .other],
                .fr: [0: .one, 1: .one, 2: .other, 1_000: .other],
                .es: [0: .other, 1: .one, 2: .other],
                .zh: [0: .other, 1: .other, 5: .other],
                .ru: [
                    1: .one, 2: .few, 4: .few, 5: .many, 11: .many, 12: .many, 21: .one, 22: .few, 25: .many,
                    111: .many,
                ],
                .ar: [
                    0: .zero, 1: .one, 2: .two, 3: .few, 10: .few, 11: .many, 99: .many, 100: .other, 102: .other,
                    103: .few,
                ],
            ]
            for (language, cases) in expected {
                for (count, category) in cases {
                    #expect(language.pluralCategory(of: count) == category, "\(language) \(count)")
                }
                #expect(Set(cases.values).isSubset(of: language.pluralCategories), "\(language)")
            }
        }

        @Test func aCatalogueReadsBackAsItWasWrittenAndABrokenOneNamesItsLine() throws {
            let catalogue = Catalogue(
                language: .ru,
                entries: [
                    CatalogueEntry(
                        key: "network.members", source: "{count} member", sourcePlural: "{count} members",
                        translations: ["{count} участник", "{count} участника", "{count} участников"],
                        comments: ["On a network's page"], references: ["Resources/Views/Directory/network.leaf:3"]),
                    CatalogueEntry(
                        key: "quote", source: "Say \"hello\"\nand go", translations: ["Скажите «привет»\nи идите"],
                        isFuzzy: true),
                ])
            #expect(try Catalogue(parsing: catalogue.text, file: "ru.po") == catalogue)
            #expect(catalogue.text.contains("Plural-Forms: nplurals=3;"))
            let broken = "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"unterminated\n"
            #expect {
                try Catalogue(parsing: broken, file: "zh/shared.po")
            } throws: { error in
                "\(error)" == "zh/shared.po, line 6: expected a string in double quotes"
            }
        }

        @Test func theCataloguesHoldEveryMessageOfTheCodeAndEveryLanguageTranslatesThemAll() throws {
            let extraction = CatalogueExtraction(root: TestEnvironment.packageRoot)
            for (module, template) in try extraction.templates() {
                let path = TestEnvironment.packageRoot + Localizer.folder + "/\(module).pot"
                let written = try Catalogue(parsing: try String(contentsOfFile: path, encoding: .utf8), file: path)
                // `cityweave i18n extract` writes the templates: a message added to the code and not extracted fails here.
                let sources = { (entries: [CatalogueEntry]) in
                    Set(entries.map { "\($0.key)\t\($0.source)\t\($0.sourcePlural ?? "")\t\($0.references)" })
                }
                let stale = sources(written.entries).symmetricDifference(sources(template.entries))
                #expect(
                    stale.isEmpty,
                    "\(module).pot differs from the code (run cityweave i18n extract): \(stale.sorted().prefix(5))")
            }
            for language in InterfaceLanguage.allCases where language != .source {
                let problems = try extraction.problems(in: language)
                #expect(problems.isEmpty, "\(language): \(problems.prefix(20).joined(separator: "\n"))")
            }
        }

        @Test func aPrefixChoosesThePagesLanguageAndItsLinksKeepIt() async throws {
            try await withCityweave(loadReference: false) { app in
                let chinese = try await app.page(.GET, "/zh/networks").body.string
                #expect(chinese.contains(#"<html lang="zh-Hans" dir="ltr">"#))
                #expect(chinese.contains(#"href="/zh/networks" aria-current="page">网络</a>"#))
                #expect(chinese.contains(#"<a class="brand" href="/zh">"#))
                for language in InterfaceLanguage.allCases {
                    #expect(
                        chinese.contains(
                            #"<link rel="alternate" hreflang="\#(language.tag)" href="/\#(language.rawValue)/networks">"#
                        ))
                }
                let arabic = try await app.page(.GET, "/ar/networks").body.string
                #expect(arabic.contains(#"<html lang="ar" dir="rtl">"#))
                // Without a prefix, English as before: links without a prefix.
                let english = try await app.page(.GET, "/networks")
                #expect(english.body.string.contains(#"<html lang="en" dir="ltr">"#))
                #expect(english.body.string.contains(#"href="/networks" aria-current="page">Networks</a>"#))
                #expect(english.headers[.vary].contains { $0.contains("Accept-Language") })
                // The pages answer under every prefix, and the JSON API keeps its paths.
                #expect(try await app.page(.GET, "/ru/countries").status == .ok)
                #expect(try await app.page(.GET, "/fr/").status == .ok)
                #expect(try await app.page(.GET, "/zh/no-such-page").status == .notFound)
            }
        }

        @Test func aBrowsersLanguageChoosesThePageWithoutAPrefix() async throws {
            try await withCityweave(loadReference: false) { app in
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .acceptLanguage, value: "de-DE, fr;q=0.8, en;q=0.5")
                let french = try await app.testing().sendRequest(.GET, "/networks", headers: headers).body.string
                #expect(french.contains(#"<html lang="fr" dir="ltr">"#))
                #expect(french.contains(#"href="/fr/networks" aria-current="page">Réseaux</a>"#))
            }
        }

        @Test func theAPIsProblemsAreWordedInTheLanguageOfAcceptLanguage() async throws {
            try await withCityweave(loadReference: false) { app in
                let french = try await app.api(.GET, "/api/v1/practices?per=0", languages: "fr-CH, fr;q=0.9")
                #expect(
                    french.isProblem(
                        status: .badRequest,
                        mentioning: "per\u{A0}» doit être un nombre entier de 1 à 100"))
                // Names of fields and codes stay as a client writes them; numbers as the reader's locale does.
                let arabic = try await app.api(.GET, "/api/v1/practices?per=0", languages: "ar")
                #expect(arabic.isProblem(status: .badRequest, mentioning: "«\u{2068}per\u{2069}»"))
                let english = try await app.api(.GET, "/api/v1/practices?per=0")
                #expect(
                    english.isProblem(status: .badRequest, mentioning: "'per' must be a whole number from 1 to 100"))
                #expect(french.headers[.vary].contains { $0.contains("Accept-Language") })
            }
        }

        @Test func aSignedInPersonsLastChosenLanguageOpensAddressesWithoutOne() async throws {
            try await withCityweave(loadReference: false) { app in
                let user = try await app.makeUser("reader@example.org", platformAdmin: true)
                let browser = try await app.signIn("reader@example.org")
                // Before any choice, an address without a language follows the browser: English here.
                #expect(try await app.page(.GET, "/networks", as: browser).text.contains(#"<html lang="en""#))
                // Opening a page in Spanish (the switcher's link) is remembered on the account...
                #expect(try await app.page(.GET, "/es/countries", as: browser).status == .ok)
                #expect(try await User.find(user.id, on: app.db)?.language == "es")
                // ...and addresses without a language open in it, with links that keep it.
                let page = try await app.page(.GET, "/networks", as: browser)
                #expect(page.text.contains(#"<html lang="es" dir="ltr">"#))
                #expect(page.text.contains(#"href="/es/networks" aria-current="page">"#))
                #expect(page.headers[.vary].contains { $0.contains("Cookie") })
                // Someone else's browser is not affected.
                #expect(try await app.page(.GET, "/networks").text.contains(#"<html lang="en""#))
            }
        }

        @Test func signingInOnAPageInALanguageRemembersItAndGoesOnInIt() async throws {
            try await withCityweave(loadReference: false) { app in
                let user = try await app.makeUser("lectrice@example.org", platformAdmin: true)
                let browser = try await app.anonymousBrowser()
                let signedIn = try await app.page(
                    .POST, "/fr/login",
                    form: ["email": "lectrice@example.org", "password": TestAccounts.password, "next": "/account"],
                    as: browser)
                #expect(signedIn.status == .seeOther)
                #expect(signedIn.headers.first(name: .location) == "/fr/account")
                #expect(try await User.find(user.id, on: app.db)?.language == "fr")
            }
        }
    }
}
