import Foundation

/// Language names for codes, in English ("zh" → "Chinese").
enum LanguageName {
    static func of(_ code: String) -> String {
        Locale(identifier: "en").localizedString(forLanguageCode: code) ?? code
    }
}
