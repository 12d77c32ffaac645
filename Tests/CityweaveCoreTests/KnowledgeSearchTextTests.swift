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
