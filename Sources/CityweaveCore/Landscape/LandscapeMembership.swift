/// A city's membership of a network, with the years it began and ended
/// where they are known.
public struct LandscapeMembership: Sendable, Codable, Equatable {
    public var networkID: Int
    public var cityID: Int
    public var since: Int?
    public var until: Int?

    public init(networkID: Int, cityID: Int, since: Int? = nil, until: Int? = nil) {
        self.networkID = networkID
        self.cityID = cityID
        self.since = since
        self.until = until
    }

    /// Whether the membership counts in `year`: it began by then (or we do not
    /// know when) and had not ended before it (or we do not know that it did).
    public func holds(in year: Int) -> Bool {
        (since ?? year) <= year && (until ?? year) >= year
    }
}
