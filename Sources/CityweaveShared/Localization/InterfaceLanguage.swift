import Foundation

/// The languages Cityweave's pages are written in: the six official
/// languages of the United Nations, in which city networks and their
/// members most often work. English is the source every catalogue
/// translates.
package enum InterfaceLanguage: String, CaseIterable, Sendable, Codable {
    case en, zh, es, fr, ar, ru

    package static let source = InterfaceLanguage.en

    /// The language's name in itself, for the switcher.
    package var nativeName: String {
        switch self {
        case .en: "English"
        case .zh: "中文"
        case .es: "Español"
        case .fr: "Français"
        case .ar: "العربية"
        case .ru: "Русский"
        }
    }

    /// Whether a page's path begins with a language (`/zh/networks`, `/ar`).
    package static func isNamed(in path: String) -> Bool {
        let first = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first ?? ""
        return first.count == 2 && InterfaceLanguage(rawValue: String(first.prefix { $0 != "?" })) != nil
    }

    /// The BCP 47 tag for `lang` and `hreflang`: Chinese is written in simplified characters.
    package var tag: String { self == .zh ? "zh-Hans" : rawValue }

    package var isRightToLeft: Bool { self == .ar }

    /// The locale numbers, dates and country names are written in.
    package var locale: Locale {
        switch self {
        case .en: Locale(identifier: "en_GB")
        case .zh: Locale(identifier: "zh_Hans_CN")
        default: Locale(identifier: rawValue)
        }
    }

    /// How a day is written: "7 December 2026", "2026年12月7日"; in UTC, so that every reader sees the same day.
    package var dayStyle: Date.FormatStyle {
        Date.FormatStyle(date: .long, time: .omitted, locale: locale, timeZone: TimeZone(identifier: "UTC")!)
    }

    /// How a moment is written, to the minute and in UTC: "7 December 2026 at 18:45".
    package var minuteStyle: Date.FormatStyle {
        Date.FormatStyle(date: .long, time: .shortened, locale: locale, timeZone: TimeZone(identifier: "UTC")!)
    }

    /// What separates clauses in a series of reasons: a semicolon, as each script writes it.
    package var seriesSeparator: String {
        switch self {
        case .zh: "；"
        case .ar: "؛ "
        default: "; "
        }
    }

    /// The CLDR plural categories the language tells apart, in the order of its catalogue's `msgstr[n]`.
    package var pluralCategories: [PluralCategory] {
        switch self {
        case .en, .es, .fr: [.one, .other]
        case .zh: [.other]
        case .ru: [.one, .few, .many]
        case .ar: [.zero, .one, .two, .few, .many, .other]
        }
    }

    /// The gettext `Plural-Forms` header that picks the same `msgstr[n]` as ``pluralCategory(of:)``.
    package var pluralFormsHeader: String {
        switch self {
        case .en, .es: "nplurals=2; plural=(n != 1);"
        case .fr: "nplurals=2; plural=(n > 1);"
        case .zh: "nplurals=1; plural=0;"
        case .ru:
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);"
        case .ar:
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
        }
    }

    /// The CLDR cardinal plural category of a whole number in this language.
    package func pluralCategory(of count: Int) -> PluralCategory {
        let n = abs(count)
        switch self {
        case .zh:
            return .other
        case .en, .es:
            return n == 1 ? .one : .other
        case .fr:
            return n <= 1 ? .one : .other
        case .ru:
            if n % 10 == 1, n % 100 != 11 { return .one }
            if (2...4).contains(n % 10), !(12...14).contains(n % 100) { return .few }
            return .many
        case .ar:
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(n % 100) { return .few }
                if (11...99).contains(n % 100) { return .many }
                return .other
            }
        }
    }

    /// The first of `Accept-Language`'s ranges (by weight) that is an interface language.
    package static func negotiated(from acceptLanguage: String) -> InterfaceLanguage? {
        var best: (language: InterfaceLanguage, weight: Double)?
        for range in acceptLanguage.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let primary = tag.split(separator: "-").first,
                let language = InterfaceLanguage(rawValue: primary.lowercased())
            else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }
}

/// The CLDR plural categories.
package enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}
