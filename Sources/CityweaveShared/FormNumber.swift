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
            throw BadRequest("'\(field)' must be \(kind(of: type)); got '\(trimmed)'.")
        }
        return number
    }

    /// The number typed in `field`, which may not be left empty.
    package static func required<Number: LosslessStringConvertible>(
        _ text: String?, field: String, as type: Number.Type
    ) throws -> Number {
        guard let number = try parse(text, field: field, as: type) else {
            throw BadRequest("'\(field)' is required: \(kind(of: type)).")
        }
        return number
    }

    private static func kind<Number>(of type: Number.Type) -> String {
        type is any BinaryInteger.Type ? "a whole number" : "a number"
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
