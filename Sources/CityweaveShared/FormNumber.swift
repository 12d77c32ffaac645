import CityweaveCore
import Vapor

/// Numbers typed into forms, read one way everywhere: an empty field is
/// none; anything else must parse, or the answer is a 400 naming the field.
package enum FormNumber {
    /// The number typed in `field`, or nil when it was left empty.
    package static func parse<Number: LosslessStringConvertible>(_ text: String?, field: String, as type: Number.Type)
        throws -> Number?
    {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let number = Number(trimmed) else {
            let values: [String: Message.Value] = ["field": .text(field), "given": .text(trimmed)]
            throw BadRequest(
                type is any BinaryInteger.Type
                    ? Message("shared.error.whole-number", "'{field}' must be a whole number; got '{given}'.", values)
                    : Message("shared.error.number", "'{field}' must be a number; got '{given}'.", values))
        }
        return number
    }

    /// The number typed in `field`, which may not be left empty.
    package static func required<Number: LosslessStringConvertible>(
        _ text: String?, field: String, as type: Number.Type
    ) throws -> Number {
        guard let number = try parse(text, field: field, as: type) else {
            throw BadRequest(
                type is any BinaryInteger.Type
                    ? Message(
                        "shared.error.whole-number-required", "'{field}' is required: a whole number.",
                        ["field": .text(field)])
                    : Message(
                        "shared.error.number-required", "'{field}' is required: a number.", ["field": .text(field)]))
        }
        return number
    }
}

extension Optional where Wrapped == String {
    /// nil for a missing or blank form field.
    package var nonEmpty: String? {
        guard let self else { return nil }
        let trimmed = self.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
