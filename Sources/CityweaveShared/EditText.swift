import CityweaveCore
import Foundation

/// The texts people write into records, checked alike in every module.
package enum EditText {
    /// A one-line text: trimmed, required unless `optional`, at most `limit` characters.
    package static func line(_ text: String?, field: String, limit: Int = 300, optional: Bool = false) throws -> String
    {
        let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty, !optional { throw BadRequest.required(field) }
        guard value.count <= limit else { throw BadRequest.tooLong(field, limit: limit) }
        return value
    }

    /// Markdown shown through the sanitizing renderer. Raw HTML that could run
    /// in a reader's browser is refused rather than silently dropped, so that
    /// the writer learns what readers will not see.
    package static func markdown(_ text: String?, field: String, limit: Int = 50_000, optional: Bool = false) throws
        -> String
    {
        let value = try line(text, field: field, limit: limit, optional: optional)
        let folded = value.lowercased()
        let active = [
            "<script", "<iframe", "<object", "<embed", "<style", "javascript:", "vbscript:", "data:text/html",
        ]
        if let found = active.first(where: folded.contains)
            ?? folded.range(of: #"<[a-z][^>]*\son[a-z]+\s*="#, options: .regularExpression).map({ String(folded[$0]) })
        {
            throw BadRequest(
                Message(
                    "shared.error.active-markup",
                    "'{field}' holds markup that would run in a reader's browser ('{found}'); write plain Markdown.",
                    ["field": .text(field), "found": .text(found)]))
        }
        return value
    }

    /// A `YYYY-MM-DD` day that has not passed (today or later), or nil.
    package static func comingDay(_ text: String?, field: String) throws -> String? {
        guard let day = try DateText.typedDay(text, field: field) else { return nil }
        guard day >= DateText.day(Date()) else {
            throw BadRequest(
                Message(
                    "shared.error.day-passed", "'{field}' {day} has passed; give today or a later day.",
                    ["field": .text(field), "day": .text(day)]))
        }
        return day
    }

    /// An http or https address, or nil when left empty.
    package static func webAddress(_ text: String?, field: String) throws -> String? {
        let value = try line(text, field: field, limit: 2_000, optional: true)
        guard !value.isEmpty else { return nil }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else {
            throw BadRequest(
                Message(
                    "shared.error.web-address", "'{field}': '{given}' is not an http or https address.",
                    ["field": .text(field), "given": .text(value)]))
        }
        return value
    }
}
