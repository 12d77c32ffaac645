/// Folds Chinese traditional characters, Hong Kong and Taiwan variants and
/// Japanese shinjitai to Simplified Chinese, one character for one, so that
/// the practice search meets 防灾 in a text written 防災 (the table comes
/// from OpenCC's dictionaries: see ``pairs``).
public enum HanVariants {
    /// Variant → simplified, read from ``pairs`` on first use.
    static let simplified: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        var variant: Unicode.Scalar?
        for scalar in pairs.unicodeScalars where scalar != "\n" && scalar != " " {
            if let pending = variant {
                table[pending] = scalar
                variant = nil
            } else {
                variant = scalar
            }
        }
        return table
    }()

    /// The simplified form of a character, or the character itself.
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar { simplified[scalar] ?? scalar }

    /// `text` with every variant folded; text without Han characters is returned as it is.
    public static func fold(_ text: String) -> String {
        // Han characters start at U+2E80: Latin, Cyrillic, Arabic and the rest pass untouched.
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        var folded = String.UnicodeScalarView()
        folded.append(contentsOf: text.unicodeScalars.map(fold))
        return String(folded)
    }
}
