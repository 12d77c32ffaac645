import Foundation

/// A way one offer can serve one request: what the policy lets through,
/// when the help would arrive and what a unit costs on the way.
public struct AidRoute: Sendable, Hashable {
    /// Positions in the problem's `supplies` and `needs`.
    public var supplyPosition: Int
    public var needPosition: Int
    public var distanceKm: Double
    /// The day the help would arrive.
    public var arrivalDay: Int
    /// Days between arrival and the need date; negative when late.
    public var daysToSpare: Int
    public var tie: AidTie?
    /// The cost of one unit under the policy, bonuses subtracted (it may be negative).
    public var unitCost: Int64
}

extension AidMatchingProblem {
    /// The route from the offer at `supplyPosition` to the request at
    /// `needPosition`, if help can take it: the same resource between two
    /// cities; an offer still open once shipping can start (today or when it
    /// becomes available); within both distance limits; across a border only
    /// when the offer ships abroad and the request accepts help from abroad;
    /// arriving no later than the policy's late days after the need date.
    public func route(fromSupplyAt supplyPosition: Int, toNeedAt needPosition: Int) -> AidRoute? {
        let supply = supplies[supplyPosition]
        let need = needs[needPosition]
        let abroad = supply.country != need.country
        let start = max(today, supply.availableFrom)
        guard supply.resource == need.resource, supply.city != need.city, start <= supply.availableUntil,
            !abroad || (supply.shipsAbroad && need.acceptsFromAbroad)
        else { return nil }
        let distance = supply.location.distance(to: need.location)
        guard distance <= supply.maxDistanceKm ?? .infinity, distance <= need.maxDistanceKm ?? .infinity else {
            return nil
        }
        let travelDays = Int((distance / policy.kmPerDay).rounded(.up))
        let arrival = start + policy.handlingDays + travelDays + (abroad ? policy.borderDays : 0)
        let lateDays = arrival - need.neededBy
        guard lateDays <= policy.maxLateDays else { return nil }
        let tie = ties[AidCityPair(supply.city, need.city)]
        var unitCost =
            policy.costPer100Km * Int64((distance / 100).rounded()) + policy.costPerLateDay * Int64(max(0, lateDays))
        if tie?.partnership != nil { unitCost -= policy.partnershipBonus }
        if tie?.sharedNetworks.isEmpty == false { unitCost -= policy.sharedNetworkBonus }
        return AidRoute(
            supplyPosition: supplyPosition, needPosition: needPosition, distanceKm: distance, arrivalDay: arrival,
            daysToSpare: -lateDays, tie: tie, unitCost: unitCost)
    }

    /// Every route help can take between offers and requests with units
    /// left, by request then offer (positions ascending).
    public func routes() -> [AidRoute] {
        AidResourceGroup.groups(of: self).flatMap { $0.routes(in: self) }
    }
}

/// The offers and requests of one resource: the matching's independent
/// parts, since help of one kind never meets a request of another.
struct AidResourceGroup: Sendable {
    var resource: String
    /// Positions in the problem's `supplies` and `needs`, ascending.
    var supplyPositions: [Int]
    var needPositions: [Int]

    /// The groups with both offers and requests with units left, by resource name.
    static func groups(of problem: AidMatchingProblem) -> [AidResourceGroup] {
        var supplies: [String: [Int]] = [:]
        for (position, supply) in problem.supplies.enumerated() where supply.quantity > 0 {
            supplies[supply.resource, default: []].append(position)
        }
        var needs: [String: [Int]] = [:]
        for (position, need) in problem.needs.enumerated() where need.quantity > 0 {
            needs[need.resource, default: []].append(position)
        }
        return needs.keys.sorted().compactMap { resource in
            guard let offered = supplies[resource] else { return nil }
            return AidResourceGroup(resource: resource, supplyPositions: offered, needPositions: needs[resource]!)
        }
    }

    /// The group's routes, by request then offer.
    func routes(in problem: AidMatchingProblem) -> [AidRoute] {
        needPositions.flatMap { need in
            supplyPositions.compactMap { problem.route(fromSupplyAt: $0, toNeedAt: need) }
        }
    }
}
