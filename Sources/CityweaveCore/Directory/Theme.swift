import Foundation

/// The shared taxonomy of what cities and networks work on. Networks,
/// practices and (later) strategies name their themes from this list, so
/// that "health" in one module is "health" in every other. New themes go
/// at the end: a theme's position is its bit in stored ``ThemeSet``s.
public enum Theme: String, CaseIterable, Codable, Sendable, Comparable {
    case climate, culture, digital, economy, education, energy, environment, equity, governance, health,
        housing, migration, mobility, peace, resilience, security

    /// Its name in English, from ``vocabulary``.
    public var label: String { Self.vocabulary[self]?["en"]?.name ?? rawValue }

    public static func < (lhs: Theme, rhs: Theme) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses a list of theme names, naming the first unknown one.
    public static func parse(_ names: [String]) -> Result<[Theme], UnknownTheme> {
        var themes: [Theme] = []
        for name in names {
            guard let theme = Theme(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                return .failure(UnknownTheme(name: name))
            }
            if !themes.contains(theme) { themes.append(theme) }
        }
        return .success(themes.sorted())
    }

    public struct UnknownTheme: Error, Sendable {
        public var name: String
        public var message: String {
            "unknown theme '\(name)'; themes are \(Theme.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
