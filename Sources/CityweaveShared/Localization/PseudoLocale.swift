/// A made-up translation that shows what the catalogues do not reach and
/// where longer words break a page: every message's letters accented, the
/// text lengthened by about 40% (as German and Russian run longer than
/// English) and set between ⟦ and ⟧. On a page worded in it, text outside
/// the brackets came from the data or was never put in a catalogue.
package enum PseudoLocale {
    package static let opening: Character = "⟦"
    package static let closing: Character = "⟧"

    /// `catalogue`'s messages translated into the pseudo-locale, with `language`'s plural forms.
    package static func translated(_ catalogue: Catalogue, as language: InterfaceLanguage) -> Catalogue {
        Catalogue(
            language: language,
            entries: catalogue.entries.map { source in
                var entry = source
                entry.translations =
                    source.sourcePlural.map { plural in
                        language.pluralCategories.map { $0 == .one ? word(source.source) : word(plural) }
                    } ?? [word(source.source)]
                return entry
            })
    }

    /// One English text in the pseudo-locale; placeholders stay as they are.
    package static func word(_ english: String) -> String {
        var result = String(opening)
        var inPlaceholder = false
        var letters = 0
        for character in english {
            if character == "{" { inPlaceholder = true }
            if inPlaceholder {
                result.append(character)
            } else {
                result.append(accented[character] ?? character)
                if character.isLetter { letters += 1 }
            }
            if character == "}" { inPlaceholder = false }
        }
        // Added as short words, so that a long sentence wraps as a long translation would.
        let padding = (letters * 2 + 4) / 5
        result += stride(from: 0, to: padding, by: 4).map { String(repeating: "·", count: min(4, padding - $0)) }
            .joined(separator: " ")
        result.append(closing)
        return result
    }

    private static let accented: [Character: Character] = [
        "a": "á", "c": "ç", "e": "é", "i": "î", "n": "ñ", "o": "ö", "u": "ü", "y": "ý", "A": "Å", "C": "Ç", "E": "É",
        "I": "Î", "N": "Ñ", "O": "Ö", "U": "Ü", "Y": "Ý",
    ]
}
