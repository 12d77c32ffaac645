import Foundation

/// What someone typed into the practice search, reduced to the terms the
/// index can look up. Text and queries are folded the same way (case,
/// accents and punctuation removed, see ``NameKey``; Han variants made
/// simplified, see ``HanVariants``), so "Santé" meets "sante" and 防災
/// meets 防灾; characters with a meaning in a query language (quotes, `*`,
/// parentheses, `NEAR`) become plain words or vanish: nothing typed can
/// change the shape of the query.
public struct SearchTerms: Sendable, Equatable {
    /// Longer queries are cut: nobody types more, and every term costs a lookup.
    public static let maximumTerms = 8
    public static let maximumLength = 200
    /// Trigram indexes answer terms of three characters or more; shorter
    /// ones (two-character Chinese words, "EU") are matched by scanning.
    public static let minimumIndexedLength = 3

    /// Folded terms, in the order typed, without repeats.
    public let terms: [String]

    public init(_ query: String) {
        var terms: [String] = []
        for word in Self.fold(String(query.prefix(Self.maximumLength))).split(separator: " ") {
            let term = String(word)
            // A lone Latin letter or digit ("a", the "3" of "NEAR(a, 3)") matches
            // nearly everything; a lone ideograph is a word and is kept.
            if term.count == 1, term.unicodeScalars.allSatisfy(\.isASCII) { continue }
            if !terms.contains(term) { terms.append(term) }
            if terms.count == Self.maximumTerms { break }
        }
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }
    public var indexedTerms: [String] { terms.filter { $0.count >= Self.minimumIndexedLength } }
    public var scannedTerms: [String] { terms.filter { $0.count < Self.minimumIndexedLength } }

    /// An FTS5 query that requires every indexed term: each is a quoted
    /// string, which FTS5 reads as a phrase and never as an operator.
    public var fts5Query: String? {
        let indexed = indexedTerms
        guard !indexed.isEmpty else { return nil }
        return indexed.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " AND ")
    }

    /// The document text as the index stores it.
    public static func indexText(_ parts: [String]) -> String {
        parts.map(fold).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Text as the index and the query hold it.
    public static func fold(_ text: String) -> String { HanVariants.fold(NameKey.fold(text)) }
}
