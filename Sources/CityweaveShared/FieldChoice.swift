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
            throw BadRequest("'\(field)' must be one of \(allowed); got '\(text)'.")
        }
        return value
    }
}
