/// The themes a practice search names, in any of the interface languages
/// (``Theme/vocabulary``), and the words typed besides: "住房" names
/// housing; "vivienda social Lyon" names housing and leaves "lyon". The
/// search then also finds that theme's practices in every language whose
/// text holds the other words, after the direct matches.
public struct ThemeQuery: Sendable, Equatable {
    public let themes: [Theme]
    /// The words that are not a theme's.
    public let rest: SearchTerms

    /// Nil when the query names no theme.
    public init?(_ query: String) {
        var text = " " + SearchTerms.fold(String(query.prefix(SearchTerms.maximumLength))) + " "
        var themes: [Theme] = []
        for (key, theme) in Self.keys {
            // Words written without spaces (Chinese) are found anywhere; others as whole words.
            let needle = key.isHan ? key.text : " " + key.text + " "
            guard let range = text.range(of: needle) else { continue }
            text.replaceSubrange(range, with: "  ")
            if !themes.contains(theme) { themes.append(theme) }
        }
        guard !themes.isEmpty else { return nil }
        self.themes = themes.sorted()
        rest = SearchTerms(text)
    }

    struct Key: Equatable {
        var text: String
        var isHan: Bool
    }

    /// Every theme word folded as the index folds text, longest first, so that "climate
    /// change" is taken whole before "climate".
    static let keys: [(key: Key, theme: Theme)] = {
        var keys: [(key: Key, theme: Theme)] = []
        var seen: Set<String> = []
        for theme in Theme.allCases {
            for words in (Theme.vocabulary[theme] ?? [:]).values {
                for word in words.all {
                    let folded = SearchTerms.fold(word)
                    guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
                    let isHan = folded.unicodeScalars.allSatisfy { $0.properties.isUnifiedIdeograph }
                    keys.append((Key(text: folded, isHan: isHan), theme))
                }
            }
        }
        return keys.sorted { ($0.key.text.count, $0.key.text) > ($1.key.text.count, $1.key.text) }
    }()
}
