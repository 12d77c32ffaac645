import Foundation

/// How urgently a request must be met. The matching first meets as much
/// need as it can, weighted by urgency, and only then looks at cost.
public enum AidUrgency: String, CaseIterable, Codable, Sendable {
    case critical
    case high
    case medium
    case low

    /// What a unit of this need counts for when the matching decides how much to meet.
    public var weight: Int64 {
        switch self {
        case .critical: 8
        case .high: 4
        case .medium: 2
        case .low: 1
        }
    }
}

/// What an offer of help puts on the table, as the matching sees it.
/// Days are counted from 1970-01-01 (UTC).
public struct AidSupply: Sendable, Codable, Hashable {
    /// The caller's key for the offer; allocations name it.
    public var id: Int
    public var resource: String
    /// The caller's key for the offering city (ties are looked up by it).
    public var city: Int
    /// ISO 3166-1 alpha-2 code of the city's country.
    public var country: String
    public var location: GeoPoint
    /// Units still free to allocate.
    public var quantity: Int
    public var availableFrom: Int
    public var availableUntil: Int
    public var shipsAbroad: Bool
    /// The farthest the offer will travel, if the offering city set a limit.
    public var maxDistanceKm: Double?

    public init(
        id: Int, resource: String, city: Int, country: String, location: GeoPoint, quantity: Int,
        availableFrom: Int, availableUntil: Int, shipsAbroad: Bool, maxDistanceKm: Double? = nil
    ) {
        self.id = id
        self.resource = resource
        self.city = city
        self.country = country
        self.location = location
        self.quantity = quantity
        self.availableFrom = availableFrom
        self.availableUntil = availableUntil
        self.shipsAbroad = shipsAbroad
        self.maxDistanceKm = maxDistanceKm
    }
}

/// What a request for help asks, as the matching sees it.
public struct AidNeed: Sendable, Codable, Hashable {
    /// The caller's key for the request; allocations name it.
    public var id: Int
    public var resource: String
    public var city: Int
    public var country: String
    public var location: GeoPoint
    /// Units still needed.
    public var quantity: Int
    public var neededBy: Int
    public var urgency: AidUrgency
    public var acceptsFromAbroad: Bool
    /// The farthest the requesting city will have help come from, if it set a limit.
    public var maxDistanceKm: Double?

    public init(
        id: Int, resource: String, city: Int, country: String, location: GeoPoint, quantity: Int,
        neededBy: Int, urgency: AidUrgency, acceptsFromAbroad: Bool = true, maxDistanceKm: Double? = nil
    ) {
        self.id = id
        self.resource = resource
        self.city = city
        self.country = country
        self.location = location
        self.quantity = quantity
        self.neededBy = neededBy
        self.urgency = urgency
        self.acceptsFromAbroad = acceptsFromAbroad
        self.maxDistanceKm = maxDistanceKm
    }
}

/// Two cities, in either order.
public struct AidCityPair: Hashable, Sendable, Codable {
    public let low: Int
    public let high: Int

    public init(_ a: Int, _ b: Int) {
        low = min(a, b)
        high = max(a, b)
    }
}

/// What already ties two cities: a partnership and the networks both belong to.
public struct AidTie: Sendable, Codable, Hashable {
    /// How the partnership is called in a proposal's reasons ("twin cities", "friendship cities"), if there is one.
    public var partnership: Message?
    /// The year the partnership began, where known.
    public var partnershipSince: Int?
    /// Names of the networks both cities belong to.
    public var sharedNetworks: [String]

    public init(partnership: Message? = nil, partnershipSince: Int? = nil, sharedNetworks: [String] = []) {
        self.partnership = partnership
        self.partnershipSince = partnershipSince
        self.sharedNetworks = sharedNetworks
    }

    /// A tie whose partnership is called in words of no catalogue, as an instance file or a generated problem
    /// calls it ("sister cities"): the reasons repeat them as they are.
    public init(partnership words: String?, partnershipSince: Int? = nil, sharedNetworks: [String] = []) {
        self.init(
            partnership: words.map(Message.name), partnershipSince: partnershipSince, sharedNetworks: sharedNetworks)
    }
}

/// The stated objective's weights and the transport model. Costs are per unit
/// and integral, so the solver's optimum is exact.
public struct AidMatchingPolicy: Sendable, Codable, Hashable {
    /// Cost of moving one unit 100 km.
    public var costPer100Km: Int64 = 1
    /// Cost of a unit arriving one day after it was needed.
    public var costPerLateDay: Int64 = 5
    /// Help that would arrive later than this after the need date is not proposed.
    public var maxLateDays: Int = 14
    /// Bonus (a negative cost) per unit between partner cities.
    public var partnershipBonus: Int64 = 20
    /// Bonus per unit between cities that share at least one network.
    public var sharedNetworkBonus: Int64 = 10
    /// Days to prepare a shipment, before it travels.
    public var handlingDays: Int = 1
    /// Kilometres a shipment covers in a day.
    public var kmPerDay: Double = 800
    /// Days added when a shipment crosses a border.
    public var borderDays: Int = 2

    public init() {}
}

/// One instance of the matching: the free quantities of open offers and requests.
public struct AidMatchingProblem: Sendable, Codable {
    public var supplies: [AidSupply]
    public var needs: [AidNeed]
    /// Ties between cities; pairs without a tie are absent.
    public var ties: [AidCityPair: AidTie]
    /// The day the matching runs: nothing ships before it.
    public var today: Int
    public var policy: AidMatchingPolicy

    public init(
        supplies: [AidSupply], needs: [AidNeed], ties: [AidCityPair: AidTie] = [:], today: Int,
        policy: AidMatchingPolicy = AidMatchingPolicy()
    ) {
        self.supplies = supplies
        self.needs = needs
        self.ties = ties
        self.today = today
        self.policy = policy
    }
}

/// A proposed movement of help from one offer to one request.
public struct AidProposal: Sendable, Codable, Hashable {
    public var supply: Int
    public var need: Int
    public var quantity: Int
    public var distanceKm: Double
    /// The day the help would arrive.
    public var arrivalDay: Int
    /// Days between arrival and the need date; negative when late.
    public var daysToSpare: Int
    public var tie: AidTie?
    /// The cost of one unit on this route under the policy (bonuses subtracted).
    public var unitCost: Int64
    /// Why this route, to be worded in the reader's language: "nearest available offer", "twin cities since 1979",
    /// "arrives 3 days before need".
    public var reasons: [Message]

    public init(
        supply: Int, need: Int, quantity: Int, distanceKm: Double, arrivalDay: Int, daysToSpare: Int, tie: AidTie?,
        unitCost: Int64, reasons: [Message]
    ) {
        self.supply = supply
        self.need = need
        self.quantity = quantity
        self.distanceKm = distanceKm
        self.arrivalDay = arrivalDay
        self.daysToSpare = daysToSpare
        self.tie = tie
        self.unitCost = unitCost
        self.reasons = reasons
    }
}

/// The matching's answer: the proposals and what they achieve.
public struct AidMatching: Sendable, Codable {
    public var proposals: [AidProposal]
    /// Units of need met, weighted by urgency: the first objective, maximised.
    public var weightedUnitsMet: Int64
    /// Total cost of the proposals: the second objective, minimised.
    public var totalCost: Int64
    /// Offer–request routes the matching could choose from (the candidate graph's arcs).
    public var candidateRoutes: Int

    public init(proposals: [AidProposal], weightedUnitsMet: Int64, totalCost: Int64, candidateRoutes: Int) {
        self.proposals = proposals
        self.weightedUnitsMet = weightedUnitsMet
        self.totalCost = totalCost
        self.candidateRoutes = candidateRoutes
    }
}
