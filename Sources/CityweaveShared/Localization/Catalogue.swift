import CityweaveCore
import Foundation

/// One message of a catalogue, as a gettext PO file holds it: the key
/// (`msgctxt`), the English source (`msgid`, and `msgid_plural` for a
/// message with a count), the translation (`msgstr`, or one `msgstr[n]` per
/// plural form of the language), what translators are told (`#.`), where it
/// is used (`#:`) and whether it needs a translator's review (`#, fuzzy`).
package struct CatalogueEntry: Sendable, Equatable {
    package var key: String
    package var source: String
    package var sourcePlural: String?
    package var translations: [String]
    package var comments: [String] = []
    package var references: [String] = []
    package var isFuzzy = false

    package init(
        key: String, source: String, sourcePlural: String? = nil, translations: [String] = [],
        comments: [String] = [], references: [String] = [], isFuzzy: Bool = false
    ) {
        self.key = key
        self.source = source
        self.sourcePlural = sourcePlural
        self.translations = translations
        self.comments = comments
        self.references = references
        self.isFuzzy = isFuzzy
    }
}

/// A gettext PO catalogue: a module's messages in one language (or, as a
/// `.pot` template, in English only), in the format translation platforms and
/// tools (Poedit, Weblate, Pootle, `msgfmt`) open. Placeholders are named,
/// `{city}`, and flagged `python-brace-format` so that tools check them.
package struct Catalogue: Sendable, Equatable {
    package var language: InterfaceLanguage?
    package var entries: [CatalogueEntry]

    package init(language: InterfaceLanguage?, entries: [CatalogueEntry]) {
        self.language = language
        self.entries = entries
    }

    package struct ParseError: Error, CustomStringConvertible {
        package var file: String
        package var line: Int
        package var reason: String
        package var description: String { "\(file), line \(line): \(reason)" }
    }

    /// Reads a PO file's text; `file` names it in errors.
    package init(parsing text: String, file: String) throws {
        var entries: [CatalogueEntry] = []
        var language: InterfaceLanguage?
        var entry = Partial()
        var field: Partial.Field?
        func finish(at line: Int) throws {
            guard entry.hasContent else { return }
            guard let source = entry.source else {
                throw ParseError(file: file, line: line, reason: "a message without msgid")
            }
            if source.isEmpty {
                // The header: only its language matters here.
                if let header = entry.translations[0],
                    let line = header.split(separator: "\n").first(where: { $0.hasPrefix("Language:") })
                {
                    language = InterfaceLanguage(
                        rawValue: line.dropFirst("Language:".count).trimmingCharacters(in: .whitespaces))
                }
            } else {
                guard let key = entry.key else {
                    throw ParseError(
                        file: file, line: line, reason: "the message \"\(source)\" has no msgctxt (its key)")
                }
                let count = (entry.translations.keys.max() ?? -1) + 1
                entries.append(
                    CatalogueEntry(
                        key: key, source: source, sourcePlural: entry.sourcePlural,
                        translations: (0..<count).map { entry.translations[$0] ?? "" }, comments: entry.comments,
                        references: entry.references, isFuzzy: entry.isFuzzy))
            }
            entry = Partial()
            field = nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                try finish(at: number)
                continue
            }
            if line.hasPrefix("#") {
                if field != nil, entry.source != nil { try finish(at: number) }
                if line.hasPrefix("#.") {
                    entry.comments.append(line.dropFirst(2).trimmingCharacters(in: .whitespaces))
                } else if line.hasPrefix("#:") {
                    entry.references += line.dropFirst(2).split(separator: " ").map(String.init)
                } else if line.hasPrefix("#,") {
                    entry.isFuzzy = entry.isFuzzy || line.contains("fuzzy")
                }
                entry.hasContent = true
                continue
            }
            if line.hasPrefix("\"") {
                guard let current = field else {
                    throw ParseError(file: file, line: number, reason: "a string that continues nothing")
                }
                entry.append(try Self.unquoted(line, file: file, line: number), to: current)
                continue
            }
            guard let space = line.firstIndex(of: " ") else {
                throw ParseError(file: file, line: number, reason: "expected a keyword and a quoted string")
            }
            let keyword = String(line[..<space])
            let value = try Self.unquoted(
                line[line.index(after: space)...].trimmingCharacters(in: .whitespaces), file: file, line: number)
            let next: Partial.Field
            switch keyword {
            case "msgctxt":
                if entry.source != nil { try finish(at: number) }
                next = .key
            case "msgid":
                if entry.source != nil { try finish(at: number) }
                next = .source
            case "msgid_plural": next = .sourcePlural
            case "msgstr": next = .translation(0)
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                    let index = Int(keyword.dropFirst("msgstr[".count).dropLast()), index >= 0, index < 6
                else {
                    throw ParseError(file: file, line: number, reason: "unknown keyword \(keyword)")
                }
                next = .translation(index)
            }
            entry.start(next, with: value)
            field = next
        }
        try finish(at: lines.count)
        self.language = language
        self.entries = entries
    }

    /// This template's messages in `language`, translated as `translations` translate them.
    package func merged(translations: [CatalogueEntry], language: InterfaceLanguage) -> Catalogue {
        let known = Dictionary(translations.map { ($0.key, $0) }) { first, _ in first }
        return Catalogue(
            language: language,
            entries: entries.map { source in
                var entry = source
                entry.translations = []
                if let translated = known[source.key] {
                    entry.translations = translated.translations
                    let changed = translated.source != source.source || translated.sourcePlural != source.sourcePlural
                    entry.isFuzzy = translated.isFuzzy || changed
                }
                return entry
            })
    }

    /// The catalogue as a PO file's text: the header, then every entry in order.
    package var text: String {
        var header = ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"]
        if let language {
            header.insert("Language: \(language.rawValue)", at: 0)
            header.append("Plural-Forms: \(language.pluralFormsHeader)")
        }
        var lines = ["msgid \"\"", "msgstr \"\""] + header.map { Self.quoted($0 + "\n") }
        for entry in entries {
            lines.append("")
            lines += entry.comments.map { "#. \($0)" }
            lines += entry.references.map { "#: \($0)" }
            var flags: [String] = []
            if entry.isFuzzy { flags.append("fuzzy") }
            if !Message.placeholders(in: entry.source + (entry.sourcePlural ?? "")).isEmpty {
                flags.append("python-brace-format")
            }
            if !flags.isEmpty { lines.append("#, " + flags.joined(separator: ", ")) }
            lines.append("msgctxt \(Self.quoted(entry.key))")
            lines.append("msgid \(Self.quoted(entry.source))")
            if let plural = entry.sourcePlural {
                lines.append("msgid_plural \(Self.quoted(plural))")
                let forms = max(entry.translations.count, language?.pluralCategories.count ?? 2)
                for index in 0..<forms {
                    let translation = index < entry.translations.count ? entry.translations[index] : ""
                    lines.append("msgstr[\(index)] \(Self.quoted(translation))")
                }
            } else {
                lines.append("msgstr \(Self.quoted(entry.translations.first ?? ""))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A PO string literal: quotes, backslashes, newlines and tabs escaped.
    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }

    static func unquoted(_ literal: some StringProtocol, file: String, line: Int) throws -> String {
        guard literal.count >= 2, literal.hasPrefix("\""), literal.hasSuffix("\"") else {
            throw ParseError(file: file, line: line, reason: "expected a string in double quotes")
        }
        var text = ""
        var escaping = false
        for character in literal.dropFirst().dropLast() {
            if escaping {
                switch character {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\"", "\\": text.append(character)
                default:
                    throw ParseError(file: file, line: line, reason: "unknown escape \\\(character)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                throw ParseError(file: file, line: line, reason: "a quote inside a string must be written \\\"")
            } else {
                text.append(character)
            }
        }
        guard !escaping else { throw ParseError(file: file, line: line, reason: "the string ends in a backslash") }
        return text
    }
}

/// An entry as it is read, field by field.
private struct Partial {
    enum Field: Equatable {
        case key, source, sourcePlural
        case translation(Int)
    }

    var key: String?
    var source: String?
    var sourcePlural: String?
    var translations: [Int: String] = [:]
    var comments: [String] = []
    var references: [String] = []
    var isFuzzy = false
    var hasContent = false

    mutating func start(_ field: Field, with value: String) {
        hasContent = true
        switch field {
        case .key: key = value
        case .source: source = value
        case .sourcePlural: sourcePlural = value
        case .translation(let index): translations[index] = value
        }
    }

    mutating func append(_ value: String, to field: Field) {
        switch field {
        case .key: key = (key ?? "") + value
        case .source: source = (source ?? "") + value
        case .sourcePlural: sourcePlural = (sourcePlural ?? "") + value
        case .translation(let index): translations[index] = (translations[index] ?? "") + value
        }
    }
}
