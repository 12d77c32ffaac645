import Foundation

/// Language names for codes, in English ("zh" → "Chinese").
package enum LanguageName {
    package static func of(_ code: String) -> String {
        Locale(identifier: "en").localizedString(forLanguageCode: code) ?? code
    }
}
