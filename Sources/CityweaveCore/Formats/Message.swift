import Foundation

/// A sentence for a person, as the core and the server hand it to the page:
/// a catalogue key, its English source text with named placeholders
/// (`"twin cities since {year}"`) and the values to put in them. The server
/// words it in the reader's language from that language's catalogue; the
/// English text is what a catalogue lacking the key falls back to, and what
/// `cityweave i18n extract` reads from the code (so it must be a literal).
public struct Message: Sendable, Hashable, Codable {
    /// A value for a placeholder, formatted for the reader's locale.
    public enum Value: Sendable, Hashable, Codable {
        /// Words written as they are: a city's name, a code.
        case text(String)
        /// A whole number, grouped by thousands.
        case count(Int)
        /// A number with at most one decimal: hours, ratings.
        case decimal(Double)
        /// A number with exactly `digits` decimals: a rating ("3.0"), a coefficient ("0.43").
        case fixed(Double, digits: Int)
        /// A share from 0 to 1, as a whole percentage.
        case percent(Double)
        /// An amount of money, whole and grouped ("15,000"); the currency is named beside it.
        public static func money(_ value: Double) -> Value {
            value.isFinite && abs(value) < 1e15 ? .count(Int(value.rounded())) : .text(String(value))
        }

        /// A place in an order: "2nd", "2e", "第2".
        case ordinal(Int)
        /// A year, never grouped.
        case year(Int)
        /// A day, written as the reader's locale writes dates (in UTC, so every reader sees the same day).
        case day(Date)
        /// Another message, worded in the same language: a reason inside a sentence.
        indirect case message(Message)
        /// Messages as one list: "A, B and C" in the reader's language.
        indirect case list([Message])
        /// Messages as choices: "A, B or C" in the reader's language.
        indirect case alternatives([Message])
        /// A message in the lower case a name takes inside a sentence (a theme's name), in the
        /// languages that write case.
        indirect case lowercased(Message)
        /// Messages one after the other, each a clause of its own: "A; B; C".
        indirect case series([Message])
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

    /// Words that are not translated (a city's or a network's name) as a message, to put in a list.
    public static func name(_ words: String) -> Message { value(.text(words)) }

    /// A value on its own as a message (a series of reasons, a list), worded as the value is.
    public static func value(_ value: Value) -> Message { Message("", "{value}", ["value": value]) }

    /// The message in English, numbers written as the core writes them; for logs and tests.
    public var englishText: String {
        let template = count.map { $0 == 1 ? english : englishPlural ?? english } ?? english
        return Self.fill(template) { name in
            switch values[name] {
            case .text(let text)?: text
            case .count(let number)?: NumberText.count(number)
            case .decimal(let number)?: NumberText.short(number)
            case .fixed(let number, let digits)?: String(format: "%.\(digits)f", number)
            case .percent(let share)?: NumberText.percent(share)
            case .ordinal(let place)?: Self.ordinal(place, locale: Locale(identifier: "en_GB"))
            case .year(let year)?: String(year)
            case .day(let date)?: date.formatted(.iso8601.year().month().day())
            case .message(let message)?: message.englishText
            case .list(let items)?:
                items.map(\.englishText).formatted(.list(type: .and).locale(Locale(identifier: "en_GB")))
            case .alternatives(let items)?:
                items.map(\.englishText).formatted(.list(type: .or).locale(Locale(identifier: "en_GB")))
            case .lowercased(let message)?: message.englishText.lowercased()
            case .series(let items)?: items.map(\.englishText).joined(separator: "; ")
            case nil: nil
            }
        }
    }

    /// `place` as `locale` writes a place in an order.
    public static func ordinal(_ place: Int, locale: Locale) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .ordinal
        return formatter.string(from: NSNumber(value: place)) ?? String(place)
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
