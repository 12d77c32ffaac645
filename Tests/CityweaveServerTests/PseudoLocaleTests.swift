import CityweaveCore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveServer
@testable import CityweaveShared

#if canImport(Glibc)
    import Glibc
#endif

/// Every page type worded in the pseudo-locale (each message accented, longer and between ⟦ ⟧) in
/// place of French: any visible text outside the brackets that is not data (a name or a text from
/// the database) was written in code or a template without going through the catalogues.
extension CityweaveServerTests {
    @Suite struct PseudoLocaleTests {
        @Test func everyPageTypeShowsOnlyCatalogueTextAndData() async throws {
            try await withCityweave(cities: .minimumPopulation(500_000)) { app in
                let extraction = CatalogueExtraction(root: TestEnvironment.packageRoot)
                var pseudo: [String: CatalogueEntry] = [:]
                for template in try extraction.templates().values {
                    for entry in PseudoLocale.translated(template, as: .fr).entries { pseudo[entry.key] = entry }
                }
                app.localizer = Localizer(translations: [.fr: pseudo])
                _ = try await DemoAccounts.createIfNoUsers(
                    on: app.db, in: app.organisations, hasher: app.password.async)
                for loader in app.demoContentLoaders { try await loader(app) }

                let helsinki = try await app.cityID("Helsinki", "FI")
                let practice = try #require(try await app.firstID("practices"))
                let offer = try #require(try await app.firstID("aid_posts", kind: "offer"))
                let request = try #require(try await app.firstID("aid_posts", kind: "request"))
                let run = try await app.firstID("aid_matching_runs")
                let statement = try #require(try await app.firstID("statements"))
                let survey = try #require(try await app.firstID("surveys"))
                let event = try #require(try await app.firstID("events"))
                let signatory = try await app.signIn("helsinki.signatory@example.org", password: "esplanadi-demo")
                let editor = try await app.signIn("helsinki.editor@example.org", password: "senate-square-demo")
                let admin = try await app.signIn("admin@example.org", password: "weave-the-demo-2026")
                var pages: [(String, Browser?)] = [
                    "/", "/search?q=Helsinki", "/networks", "/networks/eurocities", "/cities/\(helsinki)",
                    "/countries", "/countries/FI", "/practices", "/practices?q=housing", "/practices/\(practice)",
                    "/measures", "/landscape", "/aid", "/aid/resources/ffp2-masks", "/aid/offers/\(offer)",
                    "/aid/requests/\(request)", "/aid/ledger", "/login", "/no-such-page", "/statements",
                    "/statements/\(statement)", "/statements/\(statement)/signatories", "/surveys",
                    "/surveys/\(survey)",
                    "/surveys/\(survey)/results?by=income", "/events", "/events?view=month", "/events?view=list",
                    "/events/\(event)", "/events/overlaps",
                ].map { ($0, nil) }
                if let run { pages.append(("/aid/matching-runs/\(run)", admin)) }
                pages += [
                    "/account", "/cities/\(helsinki)/portfolio", "/cities/\(helsinki)/strategy/edit",
                    "/cities/\(helsinki)/recommended-practices", "/cities/\(helsinki)/practices/new",
                    "/cities/\(helsinki)/engagements/new", "/aid/offers/new", "/cities/\(helsinki)/edit",
                ].map { ($0, editor) }
                pages += ["/statements/new", "/surveys/new", "/events/new"].map { ($0, editor) }
                pages += ["/events/\(event)", "/events/\(event)/edit", "/events/\(event)/registrations"].map {
                    ($0, admin)
                }
                pages += [("/statements/\(statement)", signatory), ("/account", signatory)]
                pages += ["/admin/people", "/admin/audit"].map { ($0, admin) }
                let data = try await DataTexts(app.db as! any SQLDatabase)

                var misses: [String] = []
                for (path, browser) in pages {
                    let response = try await app.page(.GET, "/fr" + path, as: browser)
                    #expect([.ok, .notFound].contains(response.status), "\(path): \(response.status)")
                    let loose = Self.visibleTexts(in: response.body.string).flatMap(Self.outsideBrackets)
                        .filter { !data.holds($0) }
                    if !loose.isEmpty { misses.append("\(path): \(Array(Set(loose)).sorted().prefix(15))") }
                }
                #expect(misses.isEmpty, "text outside the catalogues:\n\(misses.joined(separator: "\n"))")
            }
        }

        /// The texts a page may show as they are, in any language: everything the database holds (names,
        /// titles, descriptions), the names the locale data gives countries, languages and time zones in French, the
        /// names of the world map's outlines, and names of things, formats and licences.
        struct DataTexts {
            var whole: Set<String> = [
                "Cityweave", "GeoNames", "OxCGRT", "CC BY 4.0", "CSV", "API", "OpenAPI", "Atom", "UTC", "Markdown",
                "English", "Español", "Français", "Русский", "中文", "العربية", "GraphML",
            ]
            /// Every text, one after the other, to find a part of one.
            var joined: [UInt8] = []

            init(_ database: any SQLDatabase) async throws {
                let locale = InterfaceLanguage.fr.locale
                // Dates as the locale writes them: "7 décembre 2026 à 18:45".
                var calendar = Calendar(identifier: .gregorian)
                calendar.locale = locale
                whole.formUnion(
                    calendar.monthSymbols + calendar.weekdaySymbols + calendar.standaloneWeekdaySymbols + ["à"])
                whole.formUnion(
                    Locale.Region.isoRegions.compactMap { locale.localizedString(forRegionCode: $0.identifier) })
                whole.formUnion(
                    Locale.LanguageCode.isoLanguageCodes.compactMap {
                        locale.localizedString(forLanguageCode: $0.identifier)
                    })
                // Time zones by their place in the time-zone database, and their names in the locale data.
                for identifier in TimeZone.knownTimeZoneIdentifiers {
                    let spaced = identifier.replacingOccurrences(of: "_", with: " ")
                    whole.insert(spaced)
                    whole.formUnion(spaced.split(separator: "/").map(String.init))
                    if let name = TimeZone(identifier: identifier)?.localizedName(for: .generic, locale: locale) {
                        whole.insert(name)
                    }
                }
                let outlines = try JSONDecoder().decode(
                    WorldOutlines.self,
                    from: Data(
                        contentsOf: URL(
                            fileURLWithPath: TestEnvironment.packageRoot + "Resources/Reference/world-outlines.json")))
                whole.formUnion(outlines.countries.map(\.name))
                let tables =
                    database.dialect.name == "sqlite"
                    ? try await database.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                    : try await database.raw(
                        "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
                    ).all().map { try $0.decode(column: "name", as: String.self) }
                var texts: [String] = []
                for table in tables where !table.hasPrefix("sqlite_") {
                    for row in try await database.raw("SELECT * FROM \(ident: table)").all() {
                        for column in row.allColumns {
                            if let text = try? row.decode(column: column, as: String?.self) { texts.append(text) }
                        }
                    }
                }
                whole.formUnion(texts)
                joined = Array((texts + Array(whole)).joined(separator: "\n").utf8)
            }

            /// Whether `piece` is data: a whole value, or part of one (a name cut short, a sentence of a
            /// description rendered from Markdown).
            func holds(_ piece: String) -> Bool {
                if whole.contains(piece) { return true }
                let needle = Array(piece.utf8)
                return joined.withUnsafeBufferPointer { haystack in
                    needle.withUnsafeBufferPointer { needle in
                        // memchr finds each place the first byte occurs; memcmp compares the rest there.
                        var start = haystack.baseAddress!
                        let end = haystack.baseAddress! + haystack.count
                        while end - start >= needle.count,
                            let found = memchr(start, Int32(needle[0]), end - start - needle.count + 1)
                        {
                            let place = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                            if memcmp(place, needle.baseAddress!, needle.count) == 0 { return true }
                            start = place + 1
                        }
                        return false
                    }
                }
            }
        }

        /// The pieces of a text outside every ⟦ ⟧, split where a page joins values
        /// ("Helsinki, Finlande", "Eurocities · 2019") and trimmed; only pieces with letters.
        static func outsideBrackets(_ text: String) -> [String] {
            var outside = ""
            var depth = 0
            for character in text {
                switch character {
                case PseudoLocale.opening:
                    depth += 1
                    outside.append("\n")
                case PseudoLocale.closing: depth = max(0, depth - 1)
                default: if depth == 0 { outside.append(character) }
                }
            }
            let separators = Set(",;:·|()[]/–—…«»\"\n•→←↑↓▲▼×+*%#")
            // Numbers are the page's own (a count, a day, "1." before a name): they part pieces.
            return outside.split { separators.contains($0) || $0.isNumber }
                .map { $0.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) }
                .filter { $0.contains(where: \.isLetter) }
        }

        /// The text a person sees: text between tags (not in scripts, styles or the head) and the
        /// placeholders, labels and titles of elements, entities decoded.
        static func visibleTexts(in html: String) -> [String] {
            var body = html
            if let start = body.range(of: "<body") { body = String(body[start.lowerBound...]) }
            // Code (a parameter, an action's identifier) is written as a client types it.
            for element in ["script", "style", "code"] {
                body = body.replacingOccurrences(
                    of: "<\(element)\\b[^>]*>.*?</\(element)>", with: " ",
                    options: [.regularExpression, .caseInsensitive])
            }
            var texts: [String] = []
            let attributes = try! NSRegularExpression(pattern: #"\b(?:placeholder|aria-label|title|alt)="([^"]*)""#)
            for match in attributes.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                texts.append(decoded(String(body[Range(match.range(at: 1), in: body)!])))
            }
            let textNodes = body.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
            texts += textNodes.split(separator: "\n").map { decoded(String($0)) }
            return texts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }

        static func decoded(_ text: String) -> String {
            var result = text
            for (entity, character) in [
                ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "),
            ] {
                result = result.replacingOccurrences(of: entity, with: character)
            }
            let numeric = try! NSRegularExpression(pattern: "&#([0-9]+);")
            for match in numeric.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed() {
                let range = Range(match.range, in: result)!
                let code = Int(result[Range(match.range(at: 1), in: result)!]).flatMap(Unicode.Scalar.init)
                result.replaceSubrange(range, with: code.map { String(Character($0)) } ?? "")
            }
            return result.replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}

extension Application {
    /// The lowest id of a table (of the rows of one kind), if it has rows.
    fileprivate func firstID(_ table: String, kind: String? = nil) async throws -> Int? {
        let database = db as! any SQLDatabase
        let query =
            kind.map { database.raw("SELECT MIN(id) AS id FROM \(ident: table) WHERE kind = \(bind: $0)") }
            ?? database.raw("SELECT MIN(id) AS id FROM \(ident: table)")
        return try await query.first()?.decode(column: "id", as: Int?.self)
    }
}
