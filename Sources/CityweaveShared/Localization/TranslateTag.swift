import CityweaveCore
import Leaf
import Vapor

/// `#t("nav.directory", "Directory")`, `#t("city.partners", "Partners of {city}", "city", city.name)`:
/// a message of the page in the reader's language, from its key, its English source and its values
/// by name (a whole number is grouped by thousands unless its name ends in "year").
/// `#tp("network.members", "{count} member", "{count} members", count)` varies with a count.
/// The output is escaped like any value; `cityweave i18n extract` reads the key and the English.
package struct TranslateTag: LeafTag {
    /// Whether the message varies with a count (`#tp`).
    let isPlural: Bool

    package init(isPlural: Bool) { self.isPlural = isPlural }

    package func render(_ context: LeafContext) throws -> LeafData {
        let parameters = context.parameters
        let name = isPlural ? "#tp" : "#t"
        let fixed = isPlural ? 4 : 2
        guard parameters.count >= fixed, (parameters.count - fixed) % 2 == 0,
            let key = parameters[0].string, let english = parameters[1].string
        else {
            throw Abort(
                .internalServerError,
                reason:
                    "\(name) takes a key, the English text\(isPlural ? ", its plural and a count" : ""), then names and values"
            )
        }
        var values: [String: Message.Value] = [:]
        var index = fixed
        while index < parameters.count {
            guard let valueName = parameters[index].string else {
                throw Abort(.internalServerError, reason: "\(name)(\"\(key)\"): a value's name must be a string")
            }
            values[valueName] = Self.value(parameters[index + 1], named: valueName)
            index += 2
        }
        let message: Message
        if isPlural {
            guard let plural = parameters[2].string, let count = parameters[3].int else {
                throw Abort(.internalServerError, reason: "#tp(\"\(key)\") needs the plural text and a whole count")
            }
            message = Message(key, one: english, other: plural, count: count, values)
        } else {
            message = Message(key, english, values)
        }
        guard let request = context.request else { return .string(message.englishText) }
        return .string(request.text(message))
    }

    /// A whole number is a count, grouped by thousands, unless its name says it is a year ("year", "sinceYear").
    private static func value(_ data: LeafData, named name: String) -> Message.Value {
        if data.celf == .int, let number = data.int {
            return name.lowercased().hasSuffix("year") ? .year(number) : .count(number)
        }
        if data.celf == .double, let number = data.double { return .decimal(number) }
        return .text(data.string ?? "")
    }
}
