import Foundation

/// The form in which names are compared and searched: case, accents and
/// punctuation removed, so that "São Paulo", "SAO PAULO" and "Sao-Paulo" meet,
/// and names in other scripts ("上海", "Кёльн") keep their letters.
public enum NameKey {
    /// Letters that Unicode does not decompose into a base letter plus a mark.
    private static let substitutions: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l",
        "ı": "i", "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k",
    ]

    /// Apostrophes vanish rather than separate words: "Kel'n" is "Keln".
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "’", "ʻ", "`"]

    /// Folds a name into its search key.
    public static func fold(_ name: String) -> String {
        // Most names are plain ASCII; they need no Unicode tables (and importing
        // a million names spends most of its time here).
        name.utf8.allSatisfy { $0 < 0x80 } ? foldASCII(name) : foldUnicode(name)
    }

    static func foldASCII(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte | (byte <= UInt8(ascii: "Z") && byte >= UInt8(ascii: "A") ? 0x20 : 0))
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            default:
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func foldUnicode(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        func append<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(contentsOf: scalars)
        }
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if let replacement = substitutions[scalar] {
                append(replacement.unicodeScalars)
                continue
            }
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
                || apostrophes.contains(scalar)
            {
                continue
            }
            if properties.isAlphabetic || properties.numericType != nil {
                append(CollectionOfOne(scalar))
            } else {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// The key with every space removed, so that "Sanpaulo" meets "San Paulo".
    public static func compact(_ key: String) -> String {
        key.replacingOccurrences(of: " ", with: "")
    }
}
