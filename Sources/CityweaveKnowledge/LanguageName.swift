import CityweaveShared
import Foundation

/// Language names for codes, from the locale data of the reader's language ("zh" → "Chinese", "chino", "中文").
package enum LanguageName {
    package static func of(_ code: String, in language: InterfaceLanguage) -> String {
        language.locale.localizedString(forLanguageCode: code) ?? code
    }
}
