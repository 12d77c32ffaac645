import Foundation

/// A short passage of a text around the first place where search terms
/// occur, in parts that say which are the matches. Pages put the matches in
/// `<mark>` after escaping every part, so no text is ever passed as HTML.
public struct Snippet: Sendable, Equatable, Codable {
    public struct Part: Sendable, Equatable, Codable {
        public var text: String
        public var match: Bool

        public init(text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// The passage of `text` (about `length` characters) that starts a little
    /// before the first match of any of `terms` (folded, see ``SearchTerms``);
    /// nil when none occurs.
    public static func make(from text: String, terms: [String], length: Int = 220) -> Snippet? {
        let characters = Array(text)
        let folded = FoldedText(characters)
        var matched = [Bool](repeating: false, count: characters.count)
        var first: Int?
        for term in terms where !term.isEmpty {
            for range in folded.occurrences(of: Array(term)) {
                for index in range { matched[index] = true }
                first = min(first ?? range.lowerBound, range.lowerBound)
            }
        }
        guard let first else { return nil }
        // Start at a word boundary a few words before the match.
        var start = max(0, first - length / 4)
        if start > 0 {
            while start < first, !characters[start - 1].isWhitespace { start += 1 }
        }
        var end = min(characters.count, start + length)
        if end < characters.count {
            var boundary = end
            while boundary > first + 1, !characters[boundary - 1].isWhitespace { boundary -= 1 }
            if boundary > first + 1 { end = boundary }
        }
        var parts: [Part] = []
        var index = start
        while index < end {
            let isMatch = matched[index]
            var next = index
            while next < end, matched[next] == isMatch { next += 1 }
            parts.append(Part(text: String(characters[index..<next]), match: isMatch))
            index = next
        }
        if start > 0 { parts.insert(Part(text: "…", match: false), at: 0) }
        if end < characters.count { parts.append(Part(text: "…", match: false)) }
        return Snippet(parts: parts)
    }

    /// The beginning of a text, when no term occurs in it.
    public static func opening(of text: String, length: Int = 220) -> Snippet {
        guard text.count > length else { return Snippet(parts: [Part(text: text, match: false)]) }
        var cut = text.prefix(length)
        if let space = cut.lastIndex(where: \.isWhitespace) { cut = cut[..<space] }
        return Snippet(parts: [Part(text: String(cut), match: false), Part(text: "…", match: false)])
    }
}

/// A text folded character by character, remembering for every folded
/// character the original one it came from, so that a match found in the
/// folded text can be marked in the original.
private struct FoldedText {
    var characters: [Character] = []
    var origins: [Int] = []

    init(_ original: [Character]) {
        characters.reserveCapacity(original.count)
        origins.reserveCapacity(original.count)
        // A text repeats its few distinct characters: each is folded once.
        var keys: [Character: String] = [:]
        for (index, character) in original.enumerated() {
            if let ascii = character.asciiValue {
                switch ascii {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    append(Character(Unicode.Scalar(ascii | 0x20)), from: index)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    append(character, from: index)
                default:
                    appendSpace(from: index)
                }
                continue
            }
            let key: String
            if let known = keys[character] {
                key = known
            } else if character.unicodeScalars.count == 1,
                character.unicodeScalars.first!.properties.isUnifiedIdeograph
            {
                // Chinese characters fold to their simplified form, which needs
                // no cache: a page of results holds thousands of distinct ones.
                append(Character(HanVariants.fold(character.unicodeScalars.first!)), from: index)
                continue
            } else {
                key = NameKey.fold(String(character))
                keys[character] = key
            }
            if key.isEmpty { appendSpace(from: index) }
            for folded in key { append(folded, from: index) }
        }
    }

    private mutating func append(_ folded: Character, from index: Int) {
        characters.append(folded)
        origins.append(index)
    }

    /// Whatever is neither a letter nor a digit separates words, once.
    private mutating func appendSpace(from index: Int) {
        if characters.last != " " { append(" ", from: index) }
    }

    /// Ranges of original characters where `term` occurs.
    func occurrences(of term: [Character]) -> [ClosedRange<Int>] {
        guard !term.isEmpty, term.count <= characters.count else { return [] }
        var ranges: [ClosedRange<Int>] = []
        var start = 0
        while start + term.count <= characters.count {
            if characters[start] == term[0], Array(characters[start..<(start + term.count)]) == term {
                ranges.append(origins[start]...origins[start + term.count - 1])
                start += term.count
            } else {
                start += 1
            }
        }
        return ranges
    }
}
