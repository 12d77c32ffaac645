/// A city network as the landscape compares it with the others.
public struct LandscapeNetwork: Sendable, Codable, Equatable {
    public var id: Int
    public var name: String
    public var themes: [Theme]

    public init(id: Int, name: String, themes: [Theme]) {
        self.id = id
        self.name = name
        self.themes = themes
    }
}
