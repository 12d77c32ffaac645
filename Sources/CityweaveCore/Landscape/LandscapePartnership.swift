/// A bilateral partnership between two cities (sister cities, friendship,
/// memorandum), with the year it was signed where known. Partnerships have
/// no end year: one that is dissolved is deleted from the directory.
public struct LandscapePartnership: Sendable, Codable, Equatable {
    public var first: Int
    public var second: Int
    public var since: Int?

    public init(_ first: Int, _ second: Int, since: Int? = nil) {
        self.first = first
        self.second = second
        self.since = since
    }

    /// Whether the partnership existed in `year` (it did if we do not know when it was signed).
    public func holds(in year: Int) -> Bool {
        (since ?? year) <= year
    }
}
