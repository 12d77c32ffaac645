/// A sentence for a person, as the core and the server hand it to the page:
/// a catalogue key, its English source text with named placeholders
/// (`"twin cities since {year}"`) and the values to put in them. The server
/// words it in the reader's language from that language's catalogue; the
/// English text is what a catalogue lacking the key falls back to, and what
/// `cityweave i18n extract` reads from the code (so it must be a literal).
public struct Message: Sendable, Hashable {
    /// A value for a placeholder, formatted for the reader's locale.
    public enum Value: Sendable, Hashable {
        /// Words written as they are: a city's name, a code.
        case text(String)
        /// A whole number, grouped by thousands.
        case count(Int)
        /// A number with at most one decimal: hours, ratings.
        case decimal(Double)
        /// A share from 0 to 1, as a whole percentage.
        case percent(Double)
        /// A year, never grouped.
        case year(Int)
        /// Another message, worded in the same language: a list item, a reason inside a sentence.
        indirect case message(Message)
    }

    public let key: String
    public let english: String
    /// English for counts other than one, for a message that varies with `count`.
    public let englishPlural: String?
    /// The number a plural message varies with; also the value of its `{count}` placeholder.
    public let count: Int?
    public let values: [String: Value]

    public init(_ key: String, _ english: String, _ values: [String: Value] = [:]) {
        self.key = key
        self.english = english
        englishPlural = nil
        count = nil
        self.values = values
    }

    /// A message whose words depend on a count: `{count}` in either form is the count.
    public init(_ key: String, one: String, other: String, count: Int, _ values: [String: Value] = [:]) {
        self.key = key
        english = one
        englishPlural = other
        self.count = count
        self.values = values.merging(["count": .count(count)]) { given, _ in given }
    }

    /// The message in English, numbers written as the core writes them; for logs and tests.
    public var englishText: String {
        let template = count.map { $0 == 1 ? english : englishPlural ?? english } ?? english
        return Self.fill(template) { name in
            switch values[name] {
            case .text(let text)?: text
            case .count(let number)?: NumberText.count(number)
            case .decimal(let number)?: NumberText.short(number)
            case .percent(let share)?: NumberText.percent(share)
            case .year(let year)?: String(year)
            case .message(let message)?: message.englishText
            case nil: nil
            }
        }
    }

    /// `template` with each `{name}` replaced by `value(name)`; a placeholder without a value stays as written.
    public static func fill(_ template: String, value: (String) -> String?) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return result + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            result += value(name) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The names of the placeholders of a template, in order of first use.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        _ = fill(template) { name in
            if !names.contains(name) { names.append(name) }
            return nil
        }
        return names
    }
}
