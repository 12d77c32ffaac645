/// Text written into XML (the Atom feeds, GraphML).
public enum XMLText {
    /// Text safe in an attribute or an element. The five markup characters
    /// become entities. Tab, line feed and carriage return become character
    /// references, which a parser keeps where it would fold the characters
    /// themselves into spaces in an attribute. Other control characters
    /// (and U+FFFE, U+FFFF) are dropped: XML 1.0 cannot carry them at all.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
