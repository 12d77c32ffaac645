import Ink

/// Renders user-written Markdown to HTML that is safe to insert into a page unescaped
/// (Leaf's `#unsafeHTML`), whatever the input.
///
/// Ink is not a sanitizer: it passes raw HTML blocks and inline tags through as written and
/// puts link and image URLs into attributes unchecked. So its output is treated as untrusted
/// and walked with a small tokenizer. Only allowlisted elements survive, and they are rebuilt
/// from their names, never copied, so no attribute of the input can ride along; the one
/// attribute written back is a link's `href`, and only a URL that is checked to be safe.
/// All text is escaped. The output is balanced (every element it opens it closes, and it
/// closes none it did not open), so the rendered text stays inside the element the page puts
/// it in; put it in a `<div>`, not a `<p>`.
public enum SafeMarkdown {
    /// The HTML for `markdown`, safe to insert into a page unescaped.
    public static func html(from markdown: String) -> String {
        // Ink takes a leading `---` block for front-matter metadata and leaves it out of the
        // HTML. User text has no front matter: a leading comment, which the sanitizer removes,
        // keeps Ink from swallowing an opening horizontal rule and the text after it.
        let guarded = "<!-- -->\n" + InkGuard.safeInput(from: markdown)
        let rendered = InkGuard.restoringHidden(in: MarkdownParser().html(from: guarded))
        var tokenizer = HTMLTokenizer(rendered)
        var writer = SafeHTMLWriter()
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                writer.appendText(text)
            case .startTag(let name, _) where name == "script" || name == "style":
                // Their content is code, not text for a reader: drop it, never show it.
                tokenizer.skipRawText(of: name)
            case .startTag(let name, let attributes):
                writer.open(name, attributes: attributes)
            case .endTag(let name):
                writer.close(name)
            case .comment:
                break
            }
        }
        return writer.finish()
    }
}

/// Keeps Ink 0.6.0 from backtracking without end, looping forever, or crashing.
///
/// Ink tries every `[` as the start of a link and, when a try fails, reads the text after it
/// again, trying each `[` in it anew: `[a` written 25 times keeps it busy for most of a
/// minute, and every further `[` doubles that. A `<` with no `>` after it, or an `&` that
/// starts no character reference, sends it reading on to the end of the text or the line
/// before it gives up, once for every such character. Where it cannot read `<p` as HTML (no
/// `>` after it, or a `\` before it), it adds empty paragraphs until memory runs out. So every
/// `[`, `<` and `&` that Ink would try and give up on is hidden from it as a noncharacter, and
/// put back into its HTML as the text Ink would have made of it. (Noncharacters are for a
/// program's own use; one a user typed comes out as the character it stands for here, which
/// is harmless.) Ink reads Characters, not Unicode scalars, and so does this.
private enum InkGuard {
    private static let hiddenBracket = Unicode.Scalar(0xFDD0)!
    private static let hiddenLessThan = Unicode.Scalar(0xFDD1)!
    private static let hiddenAmpersand = Unicode.Scalar(0xFDD2)!

    static func safeInput(from markdown: String) -> String {
        var characters = Array(markdown)
        // Ink crashes on a list followed by nothing but spaces; white space at the end of the
        // text means nothing in Markdown anyway.
        while characters.last?.isWhitespace == true {
            characters.removeLast()
        }
        let linkBrackets = bracketsReadInOnePass(in: characters)
        let lastGreaterThan = characters.lastIndex(of: ">") ?? -1
        var hidden = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "[" where !linkBrackets.contains(index):
                hidden.unicodeScalars.append(hiddenBracket)
            case "<" where index > lastGreaterThan || (index > 0 && characters[index - 1] == "\\"):
                hidden.unicodeScalars.append(hiddenLessThan)
            case "&" where CharacterReference(startOf: characters[index...].lazy.map(\.asciiScalar)) == nil:
                hidden.unicodeScalars.append(hiddenAmpersand)
            default:
                hidden.append(character)
            }
        }
        return hidden
    }

    static func restoringHidden(in html: String) -> String {
        var restored = ""
        for scalar in html.unicodeScalars {
            switch scalar {
            case hiddenBracket: restored += "["
            case hiddenLessThan: restored += "&lt;"
            case hiddenAmpersand: restored += "&amp;"
            default: restored.unicodeScalars.append(scalar)
            }
        }
        return restored
    }

    /// The positions of the `[`s that Ink reads once and is done with: each opens a link text
    /// of plain text and inline code, without a line break, that ends at a `]`; and if a URL in
    /// parentheses or a reference in brackets follows, that closes on the same line. Every
    /// other `[` is one Ink would retry. Each scan also stops at the next `[`, so that no part
    /// of the text is scanned for more than one bracket.
    private static func bracketsReadInOnePass(in characters: [Character]) -> Set<Int> {
        var brackets = Set<Int>()
        var index = 0
        while let open = characters[index...].firstIndex(of: "[") {
            index = open + 1
            guard let close = endOfLinkText(from: index, in: characters) else { continue }
            index = close + 1
            switch characters[index...].first {
            case "(":
                guard let end = endOfURL(from: index + 1, in: characters) else { continue }
                brackets.insert(open)
                index = end + 1
            case "[":
                guard let end = firstOnLine(of: "]", from: index + 1, in: characters) else { continue }
                brackets.formUnion([open, index])
                index = end + 1
            default:
                // Not a link, but Ink's try ends right here, after a text it read once.
                brackets.insert(open)
            }
        }
        return brackets
    }

    private static func endOfLinkText(from start: Int, in characters: [Character]) -> Int? {
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "]":
                return index
            case "`":
                // Inline code, which Ink reads to the next backtick, `]`s and all.
                guard let end = firstOnLine(of: "`", from: index + 1, in: characters) else { return nil }
                index = end
            case "[", "<", "\\":
                return nil
            case let character where character.isNewline:
                return nil
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The `)` that ends a URL, balancing parentheses as Ink does.
    private static func endOfURL(from start: Int, in characters: [Character]) -> Int? {
        var depth = 0
        for index in start..<characters.count {
            switch characters[index] {
            case ")" where depth == 0:
                return index
            case ")":
                depth -= 1
            case "(":
                depth += 1
            case "[":
                return nil
            case let character where character.isNewline:
                return nil
            default:
                break
            }
        }
        return nil
    }

    private static func firstOnLine(of target: Character, from start: Int, in characters: [Character]) -> Int? {
        let end = characters[start...].firstIndex { $0 == target || $0 == "[" || $0.isNewline }
        return end.flatMap { characters[$0] == target ? $0 : nil }
    }
}

/// Splits HTML into text, tags and comments, roughly as a browser does. It need not match a
/// browser exactly: the browser never sees the input, only what `SafeHTMLWriter` rebuilds
/// from these tokens, so a difference changes what a reader sees, never what runs.
private struct HTMLTokenizer {
    enum Token {
        case text(String)
        case startTag(String, attributes: [Attribute])
        case endTag(String)
        /// Comments, doctypes and processing instructions.
        case comment
    }

    struct Attribute {
        var name: String
        var value: String
    }

    // Unicode scalars, not Characters: a browser reads `<` followed by a combining mark as a
    // `<`, while Swift sees one Character that is not "<".
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ html: String) {
        scalars = Array(html.unicodeScalars)
    }

    mutating func next() -> Token? {
        guard index < scalars.count else { return nil }
        let start = index
        if startsMarkup() {
            if let token = readMarkup() { return token }
            // A tag or comment left open runs to the end of the input, so the rest is text.
            // Deciding this once, rather than retrying at every later `<`, keeps the work
            // linear in the input's length.
            index = scalars.count
            return .text(string(start..<index))
        }
        index += 1  // plain text, or a `<` that starts no markup
        while index < scalars.count, scalars[index] != "<" { index += 1 }
        return .text(string(start..<index))
    }

    /// Moves past the end tag of a `script` or `style` element whose start tag was just read,
    /// or to the end of the input if there is none.
    mutating func skipRawText(of name: String) {
        let endTag = Array("</\(name)".unicodeScalars)
        while index < scalars.count {
            let candidate = scalars[index...].prefix(endTag.count + 1)
            if candidate.count > endTag.count,
                zip(candidate, endTag).allSatisfy({ $0.asciiLowercased == $1 }),
                let last = candidate.last, Self.isSpace(last) || last == "/" || last == ">"
            {
                index += endTag.count
                _ = readAttributes()
                return
            }
            index += 1
        }
    }

    private func startsMarkup() -> Bool {
        guard scalars[index] == "<", index + 1 < scalars.count else { return false }
        let next = scalars[index + 1]
        if next == "/" {
            return index + 2 < scalars.count && scalars[index + 2].isASCIILetter
        }
        return next.isASCIILetter || next == "!" || next == "?"
    }

    /// Reads the markup that `startsMarkup()` found; nil if the input ends inside it.
    private mutating func readMarkup() -> Token? {
        if scalars[index...].starts(with: "<!--".unicodeScalars) {
            guard let end = firstIndex(of: "-->", from: index + 4) else { return nil }
            index = end + 3
            return .comment
        }
        index += 1
        switch scalars[index] {
        case "!", "?":
            guard let end = firstIndex(of: ">", from: index) else { return nil }
            index = end + 1
            return .comment
        case "/":
            index += 1
            let name = readTagName()
            return readAttributes().map { _ in .endTag(name) }
        default:
            let name = readTagName()
            return readAttributes().map { .startTag(name, attributes: $0) }
        }
    }

    private mutating func readTagName() -> String {
        let start = index
        while index < scalars.count, !Self.isSpace(scalars[index]), scalars[index] != "/", scalars[index] != ">" {
            index += 1
        }
        return string(start..<index, lowercased: true)
    }

    /// Reads attributes up to and past the tag's closing `>`; nil if the input ends first.
    private mutating func readAttributes() -> [Attribute]? {
        var attributes: [Attribute] = []
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" {
                index += 1
                return attributes
            }
            if Self.isSpace(scalar) || scalar == "/" {
                index += 1
                continue
            }
            let nameStart = index
            index += 1  // a name may begin with `=`
            while index < scalars.count, !Self.isSpace(scalars[index]), !"/>=".unicodeScalars.contains(scalars[index]) {
                index += 1
            }
            var attribute = Attribute(name: string(nameStart..<index, lowercased: true), value: "")
            skipSpaces()
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                skipSpaces()
                guard let value = readAttributeValue() else { return nil }
                attribute.value = value
            }
            attributes.append(attribute)
        }
        return nil
    }

    private mutating func readAttributeValue() -> String? {
        guard index < scalars.count else { return nil }
        let quote = scalars[index]
        guard quote == "\"" || quote == "'" else {
            let start = index
            while index < scalars.count, !Self.isSpace(scalars[index]), scalars[index] != ">" { index += 1 }
            return string(start..<index)
        }
        guard let end = firstIndex(of: String(quote), from: index + 1) else { return nil }
        defer { index = end + 1 }
        return string(index + 1..<end)
    }

    private mutating func skipSpaces() {
        while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
    }

    private func firstIndex(of needle: String, from start: Int) -> Int? {
        let needle = Array(needle.unicodeScalars)
        guard start <= scalars.count - needle.count else { return nil }
        return (start...scalars.count - needle.count).first { scalars[$0...].starts(with: needle) }
    }

    private func string(_ range: Range<Int>, lowercased: Bool = false) -> String {
        let slice = scalars[range]
        return String(String.UnicodeScalarView(lowercased ? slice.map(\.asciiLowercased) : Array(slice)))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        " \t\n\r\u{0C}".unicodeScalars.contains(scalar)
    }
}

/// Writes the safe HTML: allowlisted elements rebuilt from their names, escaped text, and
/// end tags only for elements it opened.
private struct SafeHTMLWriter {
    /// The elements kept, each with the elements one of which must already be open for it to
    /// be kept: a stray `<li>` or `<td>` would otherwise close the page's own list item or
    /// table cell around the rendered text, and the rest would spill out of it.
    private static let allowedElements: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
        "em": [], "strong": [], "code": [], "pre": [], "blockquote": [], "ul": [], "ol": [],
        "li": ["ul", "ol"], "a": [], "del": [], "table": [], "thead": ["table"], "tbody": ["table"],
        "tr": ["table"], "th": ["table"], "td": ["table"],
    ]
    private static let voidElements: Set = ["br", "hr"]

    private var html = ""
    private var openElements: [String] = []

    mutating func open(_ name: String, attributes: [HTMLTokenizer.Attribute]) {
        let name = Self.allowlistedName(name)
        if name == "img" {
            // Images stay out: they would load from wherever the author points them. Their
            // description stands in for them.
            appendText(attributes.first { $0.name == "alt" }?.value ?? "")
            return
        }
        guard let context = Self.allowedElements[name],
            context.isEmpty || openElements.contains(where: context.contains)
        else { return }

        if name == "a" {
            // A link we cannot vouch for is left as its text.
            guard let href = attributes.first(where: { $0.name == "href" }).flatMap({ Self.safeURL($0.value) })
            else { return }
            // Browsers close an open link when another one starts; so does this, so that the
            // elements it believes open are the ones a browser has open.
            close("a")
            html += "<a href=\"\(Self.escaped(href))\" rel=\"nofollow noopener\">"
        } else {
            html += "<\(name)>"
        }
        if !Self.voidElements.contains(name) {
            openElements.append(name)
        }
    }

    /// Closes `name` and every element opened inside it; ignores an end tag for an element
    /// that is not open, since that element belongs to the page.
    mutating func close(_ name: String) {
        guard let position = openElements.lastIndex(of: Self.allowlistedName(name)) else { return }
        for element in openElements[position...].reversed() {
            html += "</\(element)>"
        }
        openElements.removeSubrange(position...)
    }

    /// Escapes text, keeping its well-formed character references (`&lt;`, `&#60;`,
    /// `&eacute;`) as they are: Ink writes the `<` in code as `&lt;` and leaves the author's
    /// own references alone, and a reference can only ever stand for a character of text, so
    /// escaping it again would show the reference instead of the character.
    mutating func appendText(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for offset in scalars.indices {
            let scalar = scalars[offset]
            if scalar == "&", CharacterReference(startOf: scalars[offset...]) != nil {
                html += "&"
            } else {
                html += Self.escaped(scalar)
            }
        }
    }

    mutating func finish() -> String {
        while let element = openElements.popLast() {
            html += "</\(element)>"
        }
        return html
    }

    // Ink writes strikethrough as `<s>`; it is kept under the allowlisted name.
    private static func allowlistedName(_ name: String) -> String {
        name == "s" ? "del" : name
    }

    /// The URL if it is a web or mail address or a path or fragment on this site; nil for
    /// every other scheme (`javascript:`, `data:`, `vbscript:`...) and for anything that is
    /// not clearly one of those.
    ///
    /// The value checked is exactly the value written out (escaped, so the browser decodes it
    /// back to the same string): an entity, control character or space that would hide a
    /// scheme from the check is still in the URL the browser reads, where it keeps the
    /// scheme from being `http`, `https` or `mailto` and so fails the check too.
    private static func safeURL(_ attributeValue: String) -> String? {
        // Ink does not know link titles and leaves `url "title"` whole in the href; as in
        // CommonMark, the URL ends at the first space.
        let url = decodingCharacterReferences(attributeValue).unicodeScalars
            .drop(while: \.isSpaceOrControl)
            .prefix { !$0.isSpaceOrControl }
        if let first = url.first, first == "/" || first == "#" {
            return String(url)
        }
        let scheme = url.prefix { $0 != ":" }
        guard scheme.count < url.count else { return nil }
        let lowercasedScheme = String(String.UnicodeScalarView(scheme.map(\.asciiLowercased)))
        return ["http", "https", "mailto"].contains(lowercasedScheme) ? String(url) : nil
    }

    /// Decodes numeric references and the five named ones a hand-written `href` uses (`&amp;`
    /// in a query string). Others stay as written; `safeURL` says why that is safe.
    private static func decodingCharacterReferences(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        var decoded = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let reference = CharacterReference(startOf: scalars[index...]),
                let character = reference.character
            {
                decoded.append(character)
                index += reference.length
            } else {
                decoded.append(scalars[index])
                index += 1
            }
        }
        return String(decoded)
    }

    private static func escaped(_ text: String) -> String {
        text.unicodeScalars.map(escaped).joined()
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: String(scalar)
        }
    }
}

/// A character reference (`&amp;`, `&#97;`, `&#x61;`) at the start of some text.
private struct CharacterReference {
    /// How many scalars it spans, from the `&` to the `;`.
    var length: Int
    /// The character it stands for, for numeric references and the five named ones that
    /// hand-written URLs use; nil for other names.
    var character: Unicode.Scalar?

    // Room for HTML's longest named reference; a longer one is taken for text.
    private static let maximumLength = 40
    private static let namedCharacters: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
    ]

    init?(startOf text: some Collection<Unicode.Scalar>) {
        let candidate = Array(text.prefix(Self.maximumLength))
        guard candidate.first == "&", let semicolon = candidate.firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(candidate[1..<semicolon]))
        if body.hasPrefix("#") {
            let isHex = body.dropFirst().hasPrefix("x") || body.dropFirst().hasPrefix("X")
            let digits = body.dropFirst(isHex ? 2 : 1)
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ isHex ? $0.isASCIIHexDigit : $0.isASCIIDigit })
            else { return nil }
            // A number that is no character stands for the replacement character, as in browsers.
            character = UInt32(digits, radix: isHex ? 16 : 10).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
        } else {
            guard body.unicodeScalars.first?.isASCIILetter == true,
                body.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit })
            else { return nil }
            character = Self.namedCharacters[body]
        }
        length = semicolon + 1
    }
}

extension Unicode.Scalar {
    // HTML folds only ASCII letters, in tag names as in URL schemes; Unicode case folding
    // would also turn some other letters into ASCII ones (the Kelvin sign into "k").
    fileprivate var asciiLowercased: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(UInt8(value + 32)) : self
    }

    fileprivate var isASCIILetter: Bool {
        ("a"..."z").contains(asciiLowercased)
    }

    fileprivate var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }

    fileprivate var isASCIIHexDigit: Bool {
        isASCIIDigit || ("a"..."f").contains(asciiLowercased)
    }

    fileprivate var isSpaceOrControl: Bool {
        properties.isWhitespace || properties.generalCategory == .control
    }
}

extension Character {
    /// The scalar of an ASCII character; for any other, one that matches no ASCII test.
    fileprivate var asciiScalar: Unicode.Scalar {
        asciiValue.map { Unicode.Scalar($0) } ?? "\u{FFFD}"
    }
}
