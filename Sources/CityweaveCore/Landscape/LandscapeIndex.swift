/// The landscape at one moment, indexed once for every computation: cities
/// and networks by position (ascending id), member lists both ways and the
/// partnership graph as compressed rows of positions.
///
/// The server fills the values from the database; everything after this
/// works on positions, so no computation hashes an id.
public struct LandscapeIndex: Sendable {
    /// Cities by ascending id; a city's position is its index here.
    public let cities: [LandscapeCity]
    /// Networks by ascending id.
    public let networks: [LandscapeNetwork]
    public let networkThemes: [ThemeSet]
    /// Row per network: the positions of its member cities.
    public let members: CompressedRows
    /// Row per city: the positions of the networks it belongs to.
    public let memberships: CompressedRows
    /// Row per city: the positions of its partner cities (each partnership both ways, no city with itself).
    public let partners: CompressedRows
    /// The year the index holds, nil for every membership and partnership whatever its years.
    public let year: Int?
    private let cityPositions: [Int: Int]
    private let networkPositions: [Int: Int]

    /// Indexes the landscape, in `year` if given (see ``LandscapeMembership/holds(in:)``
    /// and ``LandscapePartnership/holds(in:)``). A city listed twice in a network
    /// (two periods) is one member; a partnership listed twice is one.
    public init(
        cities: [LandscapeCity], networks: [LandscapeNetwork], memberships: [LandscapeMembership],
        partnerships: [LandscapePartnership], year: Int? = nil
    ) throws(LandscapeIndexError) {
        let cities = cities.sorted { $0.id < $1.id }
        let networks = networks.sorted { $0.id < $1.id }
        // Positions are Int32 in the rows.
        guard cities.count < Int(Int32.max) else { throw .tooManyCities(cities.count) }
        var cityPositions: [Int: Int] = [:]
        cityPositions.reserveCapacity(cities.count)
        for (position, city) in cities.enumerated() {
            guard cityPositions.updateValue(position, forKey: city.id) == nil else { throw .duplicateCity(city.id) }
        }
        var networkPositions: [Int: Int] = [:]
        for (position, network) in networks.enumerated() {
            guard networkPositions.updateValue(position, forKey: network.id) == nil else {
                throw .duplicateNetwork(network.id)
            }
        }
        var memberPairs: [(row: Int32, value: Int32)] = []
        memberPairs.reserveCapacity(memberships.count)
        for (line, membership) in memberships.enumerated() {
            guard let network = networkPositions[membership.networkID] else {
                throw .unknownNetwork(membership.networkID, membership: line)
            }
            guard let city = cityPositions[membership.cityID] else {
                throw .unknownMemberCity(membership.cityID, membership: line)
            }
            if let year, !membership.holds(in: year) { continue }
            memberPairs.append((Int32(network), Int32(city)))
        }
        var partnerPairs: [(row: Int32, value: Int32)] = []
        partnerPairs.reserveCapacity(partnerships.count * 2)
        for (line, partnership) in partnerships.enumerated() {
            guard let first = cityPositions[partnership.first] else {
                throw .unknownPartnerCity(partnership.first, partnership: line)
            }
            guard let second = cityPositions[partnership.second] else {
                throw .unknownPartnerCity(partnership.second, partnership: line)
            }
            if first == second { continue }
            if let year, !partnership.holds(in: year) { continue }
            partnerPairs.append((Int32(first), Int32(second)))
            partnerPairs.append((Int32(second), Int32(first)))
        }
        self.cities = cities
        self.networks = networks
        networkThemes = networks.map { ThemeSet($0.themes) }
        members = CompressedRows(rows: networks.count, columns: cities.count, pairs: memberPairs)
        self.memberships = members.transposed(columns: cities.count)
        partners = CompressedRows(rows: cities.count, columns: cities.count, pairs: partnerPairs)
        self.year = year
        self.cityPositions = cityPositions
        self.networkPositions = networkPositions
    }

    public func position(ofCity id: Int) -> Int? { cityPositions[id] }

    public func position(ofNetwork id: Int) -> Int? { networkPositions[id] }

    /// The number of partnerships (each counted once).
    public var partnershipCount: Int { partners.values.count / 2 }
}

/// Why the landscape could not be indexed, naming the offending id and, for
/// a membership or partnership, its position in the list given (from 0).
public enum LandscapeIndexError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateCity(Int)
    case duplicateNetwork(Int)
    case unknownNetwork(Int, membership: Int)
    case unknownMemberCity(Int, membership: Int)
    case unknownPartnerCity(Int, partnership: Int)
    case tooManyCities(Int)

    public var description: String {
        switch self {
        case .duplicateCity(let id): "city \(id) is listed twice"
        case .duplicateNetwork(let id): "network \(id) is listed twice"
        case .unknownNetwork(let id, let line): "membership \(line) names network \(id), which is not listed"
        case .unknownMemberCity(let id, let line): "membership \(line) names city \(id), which is not listed"
        case .unknownPartnerCity(let id, let line): "partnership \(line) names city \(id), which is not listed"
        case .tooManyCities(let count): "\(count) cities are more than the landscape indexes (2^31 - 1)"
        }
    }
}
