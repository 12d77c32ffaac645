import CityweaveCore
import CityweaveShared
import Vapor

/// What the strategy form and the what-if form send as text: a weight per
/// theme (`weight_<theme>`) and amounts, each a number or a 400 naming it.
package enum TypedFields {
    package static func weightField(_ theme: Theme) -> String { "weight_\(theme.rawValue)" }

    /// The weights typed, theme by theme; a field left empty is no weight.
    package static func priorities(_ field: (String) -> String?) throws -> [PriorityInput] {
        var priorities: [PriorityInput] = []
        for theme in Theme.allCases {
            guard let text = field(weightField(theme))?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                continue
            }
            guard let weight = Double(text) else {
                throw BadRequest(
                    Message(
                        "engagement.error.weight-typed", "The weight of {theme} must be a number; got '{given}'.",
                        ["theme": .lowercased(theme.message), "given": .text(text)]))
            }
            priorities.append(PriorityInput(theme: theme.rawValue, weight: weight))
        }
        return priorities
    }
}
