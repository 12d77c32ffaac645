/// What a city's page shows of the graph around it: its partners, and the
/// cities it meets in networks.
public struct CityNeighbourhood: Sendable, Codable, Equatable {
    /// A city next to this one, with what ties them.
    public struct Neighbour: Sendable, Codable, Equatable {
        public var city: LandscapeCity
        public var isPartner: Bool
        public var sharedNetworks: Int
    }

    public var city: LandscapeCity
    /// Every partner, by networks shared (most first), then name, then id.
    public var partners: [Neighbour]
    /// Cities sharing at least one network, in the same order, partners
    /// among them (marked), at most the limit asked for.
    public var peers: [Neighbour]

    /// The neighbourhood of the city `id`, nil when the index does not know it.
    /// Costs the members of the city's networks, not the whole landscape.
    public init?(_ index: LandscapeIndex, cityID id: Int, peerLimit: Int) {
        guard let position = index.position(ofCity: id) else { return nil }
        var shared: [Int32: Int] = [:]
        for network in index.memberships[position] {
            for member in index.members[Int(network)] where Int(member) != position { shared[member, default: 0] += 1 }
        }
        let partnerSet = Set(index.partners[position])
        let neighbour = { (member: Int32) in
            Neighbour(
                city: index.cities[Int(member)], isPartner: partnerSet.contains(member),
                sharedNetworks: shared[member] ?? 0)
        }
        let ranking = { (a: Neighbour, b: Neighbour) in
            (-a.sharedNetworks, a.city.name, a.city.id) < (-b.sharedNetworks, b.city.name, b.city.id)
        }
        city = index.cities[position]
        partners = index.partners[position].map(neighbour).sorted(by: ranking)
        peers = Array(shared.keys.map(neighbour).sorted(by: ranking).prefix(peerLimit))
    }
}
