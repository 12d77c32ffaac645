import CityweaveCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Words messages in the interface languages from the catalogues in
/// `Resources/Localization`: `<module>.pot` holds each module's English
/// source messages, `<language>/<module>.po` their translations. A message
/// a catalogue lacks (or whose translation is empty or awaits review) is
/// worded in English, so a page is never blank, and `cityweave i18n check`
/// lists it.
package struct Localizer: Sendable {
    /// By language, the translated entries by key.
    private let translations: [InterfaceLanguage: [String: CatalogueEntry]]

    package static let folder = "Resources/Localization"

    package init(translations: [InterfaceLanguage: [String: CatalogueEntry]]) {
        self.translations = translations
    }

    /// Catalogues already read, by root: they do not change while the process runs, and tests start
    /// hundreds of applications.
    private static let loaded = NIOLockedValueBox<[String: Localizer]>([:])

    /// Reads every catalogue under `root`'s localization folder (once per process); a file that does not
    /// parse stops the start, naming the file and the line.
    package static func load(root: String) throws -> Localizer {
        if let known = loaded.withLockedValue({ $0[root] }) { return known }
        let localizer = try read(root: root)
        loaded.withLockedValue { $0[root] = localizer }
        return localizer
    }

    private static func read(root: String) throws -> Localizer {
        let folder = URL(fileURLWithPath: root).appendingPathComponent(Self.folder)
        var translations: [InterfaceLanguage: [String: CatalogueEntry]] = [:]
        for language in InterfaceLanguage.allCases where language != .source {
            let languageFolder = folder.appendingPathComponent(language.rawValue)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: languageFolder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".po") {
                let path = languageFolder.appendingPathComponent(file).path
                let catalogue = try Catalogue(parsing: try String(contentsOfFile: path, encoding: .utf8), file: path)
                for entry in catalogue.entries { translations[language, default: [:]][entry.key] = entry }
            }
        }
        return Localizer(translations: translations)
    }

    /// `message` in `language`.
    package func text(_ message: Message, in language: InterfaceLanguage) -> String {
        let template = self.template(of: message, in: language)
        let filled = Message.fill(template) { name in
            message.values[name].map { format($0, in: language) }
        }
        return filled
    }

    /// The template of `message` in `language`: its translation when the catalogue has a usable one, else English.
    private func template(of message: Message, in language: InterfaceLanguage) -> String {
        if language != .source, let entry = translations[language]?[message.key], !entry.isFuzzy,
            entry.source == message.english, entry.sourcePlural == message.englishPlural
        {
            let index: Int
            if let count = message.count {
                index = language.pluralCategories.firstIndex(of: language.pluralCategory(of: count)) ?? 0
            } else {
                index = 0
            }
            if index < entry.translations.count, !entry.translations[index].isEmpty { return entry.translations[index] }
        }
        guard let count = message.count else { return message.english }
        return count == 1 ? message.english : message.englishPlural ?? message.english
    }

    /// A value as the reader's locale writes it; in a right-to-left language each value is
    /// isolated (FSI … PDI), so that numbers and Latin names keep their own direction.
    package func format(_ value: Message.Value, in language: InterfaceLanguage) -> String {
        let locale = language.locale
        let text: String
        switch value {
        case .text(let words): text = words
        case .count(let number): text = number.formatted(.number.grouping(.automatic).locale(locale))
        case .decimal(let number):
            text = number.formatted(.number.precision(.fractionLength(0...1)).grouping(.automatic).locale(locale))
        case .fixed(let number, let digits):
            text = number.formatted(.number.precision(.fractionLength(digits)).grouping(.automatic).locale(locale))
        case .percent(let share): text = share.formatted(.percent.precision(.fractionLength(0)).locale(locale))
        case .year(let year): text = String(year)
        case .ordinal(let place): text = Message.ordinal(place, locale: locale)
        case .day(let date): text = date.formatted(language.dayStyle)
        case .message(let message): return self.text(message, in: language)
        case .list(let items):
            return items.map { self.text($0, in: language) }.formatted(.list(type: .and).locale(locale))
        case .alternatives(let items):
            return items.map { self.text($0, in: language) }.formatted(.list(type: .or).locale(locale))
        case .lowercased(let message): return self.text(message, in: language).lowercased(with: locale)
        case .series(let items):
            return items.map { self.text($0, in: language) }.joined(separator: language.seriesSeparator)
        }
        return language.isRightToLeft ? "\u{2068}\(text)\u{2069}" : text
    }
}

extension Application {
    private struct LocalizerKey: StorageKey {
        typealias Value = Localizer
    }

    /// The catalogues, read at configuration.
    package var localizer: Localizer {
        get { storage[LocalizerKey.self] ?? Localizer(translations: [:]) }
        set { storage[LocalizerKey.self] = newValue }
    }
}

extension Request {
    /// `message` in the language of this request's page.
    package func text(_ message: Message) -> String { application.localizer.text(message, in: language) }

    /// A value standing alone (a count or a share in a table's cell) as the reader's locale writes it:
    /// "12,400", "12 400", "12.400".
    package func text(value: Message.Value) -> String { application.localizer.format(value, in: language) }

    /// A day as the reader's locale writes it: "7 December 2026", "2026年12月7日".
    package func text(day: Date) -> String { day.formatted(language.dayStyle) }

    /// A moment to the minute as the reader's locale writes it, in UTC so that every reader sees the same
    /// time: "7 December 2026 at 18:45 UTC".
    package func text(minute: Date) -> String { minute.formatted(language.minuteStyle) + " UTC" }

    /// A whole number standing alone, grouped as the reader's locale groups it.
    package func text(count: Int) -> String { text(value: .count(count)) }

    /// A country's name in the reader's language, from the locale data; `fallback` (the directory's
    /// English name) for a code the locale data does not know.
    package func countryName(code: String, fallback: String) -> String {
        language == .source ? fallback : language.locale.localizedString(forRegionCode: code) ?? fallback
    }
}
