import Testing

@testable import CityweaveCore

@Suite struct KnowledgeSearchTextTests {
    @Test func termsFoldAccentsAndCaseAndKeepOtherScripts() {
        #expect(SearchTerms("Santé PUBLIQUE").terms == ["sante", "publique"])
        #expect(SearchTerms("São Paulo  são").terms == ["sao", "paulo"])
        #expect(SearchTerms("口罩 交换").terms == ["口罩", "交换"])
    }

    @Test(arguments: [
        #""mask" OR test*"#, "NEAR(a b, 3)", "((unbalanced", #"title:"x" -y ^z"#, "a AND NOT b", "'; DROP TABLE",
    ])
    func queryLanguageCharactersCannotShapeTheQuery(typed: String) throws {
        let terms = SearchTerms(typed)
        for term in terms.terms {
            #expect(term.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        }
        if let query = terms.fts5Query {
            // Every indexed term is one quoted string joined by AND, nothing else.
            let pieces = query.components(separatedBy: " AND ")
            #expect(pieces.count == terms.indexedTerms.count)
            for piece in pieces { #expect(piece.hasPrefix("\"") && piece.hasSuffix("\"") && piece.count > 2) }
        }
    }

    @Test func shortTermsAreScannedAndLongOnesIndexed() {
        let terms = SearchTerms("EU 口罩 masks")
        #expect(terms.indexedTerms == ["masks"])
        #expect(terms.scannedTerms == ["eu", "口罩"])
        #expect(terms.fts5Query == "\"masks\"")
        #expect(SearchTerms("eu").fts5Query == nil)
    }

    @Test func termsAreCappedAndDeduplicated() {
        let typed = (1...20).map { "word\($0)" }.joined(separator: " ") + " word1"
        #expect(SearchTerms(typed).terms.count == SearchTerms.maximumTerms)
        #expect(SearchTerms("mask Mask MASK").terms == ["mask"])
        #expect(SearchTerms("  ,;  ").isEmpty)
    }

    @Test func snippetMarksTheOriginalTextOfAFoldedMatch() throws {
        let snippet = try #require(Snippet.make(from: "Un plan de santé publique pour tous.", terms: ["sante"]))
        #expect(snippet.parts.filter(\.match).map(\.text) == ["santé"])
        #expect(snippet.parts.map(\.text).joined() == "Un plan de santé publique pour tous.")
        let capitals = try #require(Snippet.make(from: "SANTÉ-Publique, São Paulo", terms: ["sante", "sao"]))
        #expect(capitals.parts.filter(\.match).map(\.text) == ["SANTÉ", "São"])
    }

    @Test func snippetFindsTextWithoutSpaces() throws {
        let snippet = try #require(Snippet.make(from: "上海与横滨互相捐赠口罩。", terms: ["口罩"]))
        #expect(snippet.parts.filter(\.match).map(\.text) == ["口罩"])
    }

    @Test func snippetOfALongTextStartsNearTheMatchAndSaysItWasCut() throws {
        let text =
            String(repeating: "filler words here ", count: 40) + "the clearing house of cities "
            + String(repeating: "more words after ", count: 40)
        let snippet = try #require(Snippet.make(from: text, terms: ["clearing", "house"], length: 120))
        #expect(snippet.parts.first?.text == "…")
        #expect(snippet.parts.last?.text == "…")
        #expect(snippet.parts.filter(\.match).map(\.text) == ["clearing", "house"])
        #expect(snippet.parts.map(\.text).joined().count < 140)
    }

    @Test func snippetIsNilWithoutAMatchAndTheOpeningStandsIn() {
        #expect(Snippet.make(from: "Nothing relevant", terms: ["mask"]) == nil)
        let opening = Snippet.opening(of: String(repeating: "word ", count: 100), length: 50)
        #expect(opening.parts.last?.text == "…")
        #expect(opening.parts[0].text.count <= 50)
    }
}

@Suite struct SearchTermEdgeTests {
    @Test func loneLatinCharactersAreDroppedButLoneIdeographsKept() {
        #expect(SearchTerms("NEAR(a b, 3)").terms == ["near"])
        #expect(SearchTerms("水 a").terms == ["水"])
    }
}

@Suite struct CrossLanguageSearchTests {
    @Test func traditionalHongKongAndJapaneseFormsFoldToSimplified() {
        for (variant, simplified) in [
            ("防災", "防灾"), ("廣", "广"), ("広", "广"), ("気", "气"), ("氣", "气"), ("対", "对"), ("鉄", "铁"), ("横浜", "横滨"),
        ] {
            #expect(SearchTerms.fold(variant) == simplified, "\(variant)")
        }
        // Simplified characters, and words of their own in Chinese such as 沪 (Shanghai), stay as they are.
        for kept in ["防灾", "学校", "沪", "Santé publique"] {
            #expect(SearchTerms.fold(kept) == NameKey.fold(kept))
        }
        #expect(SearchTerms("防災訓練").terms == ["防灾训练"])
    }

    @Test func theFoldingTableIsIdempotentAndOneCharacterForOne() {
        #expect(HanVariants.simplified.count > 4_000)
        for (variant, simplified) in HanVariants.simplified {
            #expect(variant != simplified)
            #expect(HanVariants.simplified[simplified] == nil, "\(simplified) folds again")
        }
    }

    @Test func aSnippetMarksTheVariantThatWasWritten() throws {
        let snippet = try #require(Snippet.make(from: "多言語防災訓練を行う", terms: SearchTerms("防灾").terms))
        #expect(snippet.parts.filter(\.match).map(\.text) == ["防災"])
    }

    @Test func everyThemeHasANameAndKeywordsInSixLanguagesAndNoWordNamesTwoThemes() {
        var themeOfWord: [String: Theme] = [:]
        for theme in Theme.allCases {
            let words = Theme.vocabulary[theme] ?? [:]
            #expect(Set(words.keys) == ["zh", "en", "es", "fr", "ar", "ru"], "\(theme)")
            for (language, entry) in words {
                #expect(!entry.name.isEmpty && entry.keywords.count >= 3, "\(theme) in \(language)")
                for word in entry.all {
                    let folded = SearchTerms.fold(word)
                    #expect(themeOfWord[folded, default: theme] == theme, "'\(word)' names two themes")
                    themeOfWord[folded] = theme
                }
            }
        }
    }

    @Test func aThemeReadsOnPagesInEnglishAsTheVocabularyNamesIt() {
        for theme in Theme.allCases {
            #expect(theme.message.englishText == theme.label, "\(theme)")
            #expect(theme.message.key == "theme.\(theme.rawValue)")
        }
    }

    @Test func aQueryNamesThemesInAnyLanguageAndKeepsItsOtherWords() throws {
        for (query, theme) in [
            ("住房", Theme.housing), ("Vivienda", .housing), ("logement social", .housing), ("Жильё", .housing),
            ("الإسكان", .housing), ("climate change", .climate), ("防灾", .resilience), ("公共卫生", .health),
        ] {
            let named = try #require(ThemeQuery(query), "\(query)")
            #expect(named.themes == [theme], "\(query)")
            #expect(named.rest.isEmpty, "\(query)")
        }
        let mixed = try #require(ThemeQuery("vivienda social Lyon"))
        #expect(mixed.themes == [.housing] && mixed.rest.terms == ["lyon"])
        // Whole words only: "rental" is not "rent", and "current" holds no theme.
        #expect(ThemeQuery("current") == nil)
        #expect(ThemeQuery("masks") == nil)
    }
}
