extension LandscapeIndex {
    /// Each city's number of partners, by position.
    public var partnershipDegrees: [Int] {
        (0..<cities.count).map { partners.count(ofRow: $0) }
    }

    /// Each city's weighted degree in the graph of partnerships (weight 1)
    /// and shared networks (weight: the networks two cities share), by
    /// position. The projection onto cities can have millions of edges, so
    /// it is never built: a city shares each of its networks with that
    /// network's other members, and the sum over its neighbours of the
    /// networks shared equals the sum over its networks of (members - 1).
    public var weightedDegrees: [Int] {
        let memberCounts = (0..<networks.count).map { members.count(ofRow: $0) }
        return (0..<cities.count).map { city in
            memberships[city].reduce(partners.count(ofRow: city)) { $0 + memberCounts[Int($1)] - 1 }
        }
    }
}
