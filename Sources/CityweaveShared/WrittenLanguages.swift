import Vapor

/// The languages forms offer for an original text or a translation: the six of the interface first.
package enum WrittenLanguages {
    package static let codes = [
        "en", "fr", "es", "ar", "zh", "ru", "pt", "de", "it", "ja", "ko", "tr", "id", "sw", "hi",
    ]

    package static func choices(selected: String?, request: Request) -> [FormChoice] {
        codes.map { FormChoice(value: $0, label: LanguageName.of($0, in: request.language), selected: $0 == selected) }
    }
}
