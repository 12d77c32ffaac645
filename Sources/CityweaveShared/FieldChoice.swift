import CityweaveCore

/// A value of a closed set (a stage, a theme, a sort order) as a client
/// writes it: one of the raw values, or a 400 that names the field and lists them.
package enum FieldChoice {
    package static func parse<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, _ text: String, field: String
    )
        throws -> Choice where Choice.RawValue == String
    {
        guard let value = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw BadRequest(refusal(field: field, allowed: allowed, given: text))
        }
        return value
    }

    /// "'stage' must be one of idea, pilot, …; got 'x'.": the values are identifiers, written as they are.
    package static func refusal(field: String, allowed: String, given: String) -> Message {
        Message(
            "shared.error.choice", "'{field}' must be one of {allowed}; got '{given}'.",
            ["field": .text(field), "allowed": .text(allowed), "given": .text(given)])
    }
}
