import Foundation

/// The form in which names are compared and searched: case, accents and
/// punctuation removed, so that "São Paulo", "SAO PAULO" and "Sao-Paulo" meet,
/// and names in other scripts ("上海", "Кёльн") keep their letters.
public enum NameKey {
    /// Letters that Unicode does not decompose into a base letter plus a mark.
    private static let substitutions: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l",
        "ı": "i", "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k",
    ]

    /// Folds a name into its search key.
    public static func fold(_ name: String) -> String {
        let lowered = name.lowercased()
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for character in lowered {
            if let replacement = substitutions[character] {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark
                    || properties.generalCategory == .enclosingMark
                {
                    continue
                }
                if properties.isAlphabetic || properties.numericType != nil {
                    if pendingSpace, !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.append(scalar)
                } else if scalar == "'" || scalar == "’" || scalar == "ʻ" || scalar == "`" {
                    // Apostrophes vanish: "Kel'n" and "Keln" are the same name.
                    continue
                } else {
                    pendingSpace = true
                }
            }
        }
        return String(result)
    }

    /// The key with every space removed, so that "Sanpaulo" meets "San Paulo".
    public static func compact(_ key: String) -> String {
        key.replacingOccurrences(of: " ", with: "")
    }
}
