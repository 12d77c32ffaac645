import CityweaveCore
import Foundation

/// The languages texts are written in (a practice, a statement), as ISO 639-1 codes.
package enum LanguageName {
    /// The code's name from the locale data of the reader's language ("zh" → "Chinese", "chino", "中文").
    package static func of(_ code: String, in language: InterfaceLanguage) -> String {
        language.locale.localizedString(forLanguageCode: code) ?? code
    }

    /// An ISO 639-1 code as a client writes it: two letters, lower-cased; a 400 naming `field` otherwise.
    package static func code(_ text: String, field: String = "language") throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw BadRequest(
                Message(
                    "shared.error.language",
                    "'{field}' must be an ISO 639-1 code such as en, fr or zh; got '{given}'.",
                    ["field": .text(field), "given": .text(text)]))
        }
        return code
    }
}
