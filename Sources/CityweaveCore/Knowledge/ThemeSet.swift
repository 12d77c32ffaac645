/// A set of themes as one machine word, so that ranking 100,000 practices
/// compares themes with a few instructions instead of hashing strings.
public struct ThemeSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init<S: Sequence>(_ themes: S) where S.Element == Theme {
        self.init(rawValue: themes.reduce(0) { $0 | Self.bit($1) })
    }

    private static func bit(_ theme: Theme) -> UInt32 {
        1 << UInt32(Theme.allCases.firstIndex(of: theme)!)
    }

    public var count: Int { rawValue.nonzeroBitCount }

    public var themes: [Theme] {
        Theme.allCases.filter { rawValue & Self.bit($0) != 0 }
    }
}
