import Testing

@testable import CityweaveCore

@Suite struct NameKeyTests {
    @Test(arguments: [
        ("São Paulo", "sao paulo"), ("SAO-PAULO", "sao paulo"), ("Köln", "koln"), ("Kel'n", "keln"),
        ("Łódź", "lodz"), ("Gießen", "giessen"), ("  St.  Gallen ", "st gallen"), ("上海市", "上海市"),
        ("Кёльн", "кельн"), ("İstanbul", "istanbul"), ("Ærø", "aero"),
    ])
    func foldsCaseAccentsAndPunctuation(written: String, key: String) {
        #expect(NameKey.fold(written) == key)
    }

    @Test func theASCIIShortcutAgreesWithTheUnicodeRules() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 -'`.,()/&_~\t")
        for _ in 0..<2000 {
            let name = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement()! })
            #expect(NameKey.foldASCII(name) == NameKey.foldUnicode(name), "\(name)")
        }
    }

    @Test func compactDropsSpaces() {
        #expect(NameKey.compact("san paulo") == "sanpaulo")
    }
}

@Suite struct EditDistanceTests {
    /// The textbook recursion, exponential but plainly right.
    private func reference(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.last == b.last { return reference(Array(a.dropLast()), Array(b.dropLast())) }
        return 1
            + min(
                reference(Array(a.dropLast()), b), reference(a, Array(b.dropLast())),
                reference(Array(a.dropLast()), Array(b.dropLast())))
    }

    @Test func agreesWithTheTextbookRecursionOnRandomWords() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abc")
        for _ in 0..<300 {
            let a = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in letters.randomElement()! })
            let b = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in letters.randomElement()! })
            let expected = reference(Array(a), Array(b))
            #expect(EditDistance.levenshtein(a, b) == expected, "\(a) / \(b)")
            // With a limit, any answer above the limit means "more than the limit".
            let limited = EditDistance.levenshtein(a, b, limit: 2)
            #expect(expected <= 2 ? limited == expected : limited > 2, "\(a) / \(b)")
        }
    }
}

@Suite struct CountryResolverTests {
    let resolver = CountryResolver(countries: [
        .init(iso2: "GB", iso3: "GBR", name: "United Kingdom"), .init(iso2: "GR", iso3: "GRC", name: "Greece"),
        .init(iso2: "RE", iso3: "REU", name: "Réunion"), .init(iso2: "FR", iso3: "FRA", name: "France"),
        .init(iso2: "GE", iso3: "GEO", name: "Georgia"), .init(iso2: "NL", iso3: "NLD", name: "The Netherlands"),
        .init(iso2: "CI", iso3: "CIV", name: "Ivory Coast"), .init(iso2: "DE", iso3: "DEU", name: "Germany"),
        .init(iso2: "AT", iso3: "AUT", name: "Austria"), .init(iso2: "AU", iso3: "AUS", name: "Australia"),
    ])

    @Test(arguments: [
        ("Greece", "GR"), ("Grece", "GR"), ("England", "GB"), ("Wales, United Kingdom", "GB"),
        ("Réunion, France", "RE"), ("Georgia (country)", "GE"), ("Netherlands", "NL"), ("de", "DE"), ("DEU", "DE"),
        ("Côte d'Ivoire", "CI"), ("Germnay", "DE"),
    ])
    func resolvesWhatPeopleWrite(written: String, iso2: String) {
        #expect(resolver.resolve(written) == iso2)
    }

    @Test(arguments: ["Atlantis", "", "Austral"])
    func saysNothingWhenItCannotTell(written: String) {
        // "Austral" is as close to Austria as to Australia.
        #expect(resolver.resolve(written) == nil)
    }
}
