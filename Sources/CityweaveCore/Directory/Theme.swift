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

    /// Its name as pages show it, worded from the catalogues; the English is ``label``'s.
    public var message: Message {
        switch self {
        case .climate: Message("theme.climate", "Climate")
        case .culture: Message("theme.culture", "Culture")
        case .digital: Message("theme.digital", "Digital and data")
        case .economy: Message("theme.economy", "Economy and jobs")
        case .education: Message("theme.education", "Education")
        case .energy: Message("theme.energy", "Energy")
        case .environment: Message("theme.environment", "Environment")
        case .equity: Message("theme.equity", "Equity and inclusion")
        case .governance: Message("theme.governance", "Governance")
        case .health: Message("theme.health", "Health")
        case .housing: Message("theme.housing", "Housing")
        case .migration: Message("theme.migration", "Migration")
        case .mobility: Message("theme.mobility", "Mobility")
        case .peace: Message("theme.peace", "Peace and diplomacy")
        case .resilience: Message("theme.resilience", "Resilience")
        case .security: Message("theme.security", "Safety and security")
        }
    }

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

        /// What was wrong, for the client who sent the name; the themes are listed by their raw values.
        public var reason: Message {
            Message(
                "theme.unknown", "unknown theme '{name}'; themes are {themes}",
                ["name": .text(name), "themes": .text(Theme.allCases.map(\.rawValue).joined(separator: ", "))])
        }
    }
}
