import CityweaveCore
import CityweaveSyntheticData
import Foundation
import Testing

@Suite struct AidMatcherTests {
    static let today = 20_000
    static let berlin = GeoPoint(latitude: 52.52, longitude: 13.405)
    static let leipzig = GeoPoint(latitude: 51.34, longitude: 12.375)
    static let hamburg = GeoPoint(latitude: 53.551, longitude: 9.994)
    static let munich = GeoPoint(latitude: 48.137, longitude: 11.575)
    static let warsaw = GeoPoint(latitude: 52.23, longitude: 21.012)

    static func supply(
        _ id: Int, city: Int, at location: GeoPoint, quantity: Int = 1, country: String = "DE",
        from: Int = today, until: Int = today + 30, shipsAbroad: Bool = true, maxDistanceKm: Double? = nil
    ) -> AidSupply {
        AidSupply(
            id: id, resource: "generators", city: city, country: country, location: location, quantity: quantity,
            availableFrom: from, availableUntil: until, shipsAbroad: shipsAbroad, maxDistanceKm: maxDistanceKm)
    }

    static func need(
        _ id: Int, city: Int, at location: GeoPoint, quantity: Int = 1, country: String = "DE",
        neededBy: Int = today + 10, urgency: AidUrgency = .medium, acceptsFromAbroad: Bool = true,
        maxDistanceKm: Double? = nil
    ) -> AidNeed {
        AidNeed(
            id: id, resource: "generators", city: city, country: country, location: location, quantity: quantity,
            neededBy: neededBy, urgency: urgency, acceptsFromAbroad: acceptsFromAbroad, maxDistanceKm: maxDistanceKm)
    }

    // MARK: against every allocation

    /// A small random instance: one or two resources, up to four offers and
    /// four requests (two at least) of up to three units between eight cities
    /// in two countries up to 450 km apart, with windows, limits, ties and a
    /// policy that makes lateness matter.
    static func instance(seed: UInt64) -> AidMatchingProblem {
        var random = SeededGenerator(seed: seed)
        let resources = ["water", "beds"].prefix(seed % 4 == 0 ? 2 : 1)
        let cities = (0..<8).map { _ in
            GeoPoint(
                latitude: Double.random(in: 49...52, using: &random),
                longitude: Double.random(in: 6...12, using: &random))
        }
        let country = { (city: Int) in city < 4 ? "FR" : "DE" }
        // One in ten offers or requests has no units left.
        let units = { (random: inout SeededGenerator) in
            Int.random(in: 0..<10, using: &random) == 0 ? 0 : Int.random(in: 1...3, using: &random)
        }
        let limit = { (random: inout SeededGenerator) in
            Bool.random(using: &random) ? nil : Double.random(in: 200...600, using: &random)
        }
        let supplies = (0..<Int.random(in: 2...4, using: &random)).map { id in
            let city = Int.random(in: 0..<8, using: &random)
            let from = today + Int.random(in: -3...2, using: &random)
            return AidSupply(
                id: 100 + id, resource: resources.randomElement(using: &random)!, city: city, country: country(city),
                location: cities[city], quantity: units(&random), availableFrom: from,
                availableUntil: from + Int.random(in: -1...8, using: &random),
                shipsAbroad: Int.random(in: 0..<4, using: &random) > 0,
                maxDistanceKm: limit(&random))
        }
        let needs = (0..<Int.random(in: 2...4, using: &random)).map { id in
            let city = Int.random(in: 0..<8, using: &random)
            return AidNeed(
                id: 200 + id, resource: resources.randomElement(using: &random)!, city: city, country: country(city),
                location: cities[city], quantity: units(&random),
                neededBy: today + Int.random(in: 1...7, using: &random),
                urgency: AidUrgency.allCases.randomElement(using: &random)!,
                acceptsFromAbroad: Int.random(in: 0..<4, using: &random) > 0, maxDistanceKm: limit(&random))
        }
        var ties: [AidCityPair: AidTie] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let (a, b) = (Int.random(in: 0..<8, using: &random), Int.random(in: 0..<8, using: &random))
            guard a != b else { continue }
            ties[AidCityPair(a, b)] = AidTie(
                partnership: Bool.random(using: &random) ? "twin cities" : nil, partnershipSince: 1979,
                sharedNetworks: Bool.random(using: &random) ? ["Eurocities"] : [])
        }
        var policy = AidMatchingPolicy()
        policy.kmPerDay = 400
        policy.maxLateDays = Int.random(in: 0...5, using: &random)
        policy.costPerLateDay = Int64.random(in: 0...9, using: &random)
        policy.partnershipBonus = Int64.random(in: 0...30, using: &random)
        return AidMatchingProblem(supplies: supplies, needs: needs, ties: ties, today: today, policy: policy)
    }

    /// A unit's cost from an offer to a request, written out from the rules
    /// apart from the matcher's routes; nil when help cannot go that way.
    static func unitCost(from supply: AidSupply, to need: AidNeed, in problem: AidMatchingProblem) -> Int64? {
        let policy = problem.policy
        let distance = supply.location.distance(to: need.location)
        let start = max(problem.today, supply.availableFrom)
        var arrival = start + policy.handlingDays + Int((distance / policy.kmPerDay).rounded(.up))
        if supply.country != need.country {
            guard supply.shipsAbroad && need.acceptsFromAbroad else { return nil }
            arrival += policy.borderDays
        }
        guard supply.resource == need.resource, supply.city != need.city, supply.quantity > 0, need.quantity > 0,
            start <= supply.availableUntil, distance <= (supply.maxDistanceKm ?? 1e9),
            distance <= (need.maxDistanceKm ?? 1e9), arrival <= need.neededBy + policy.maxLateDays
        else { return nil }
        let tie = problem.ties[AidCityPair(supply.city, need.city)]
        return policy.costPer100Km * Int64((distance / 100).rounded()) + policy.costPerLateDay
            * Int64(max(0, arrival - need.neededBy)) - (tie?.partnership == nil ? 0 : policy.partnershipBonus)
            - (tie?.sharedNetworks.isEmpty ?? true ? 0 : policy.sharedNetworkBonus)
    }

    /// The best (weighted units met, cost) by trying every whole allocation:
    /// the most weighted units, then the least cost.
    static func exhaustive(_ problem: AidMatchingProblem) -> (weightedUnitsMet: Int64, totalCost: Int64) {
        var routes: [(supply: Int, need: Int, cost: Int64)] = []
        for (s, supply) in problem.supplies.enumerated() {
            for (n, need) in problem.needs.enumerated() {
                if let cost = unitCost(from: supply, to: need, in: problem) { routes.append((s, n, cost)) }
            }
        }
        var supplyLeft = problem.supplies.map(\.quantity)
        var needLeft = problem.needs.map(\.quantity)
        var best: (weightedUnitsMet: Int64, totalCost: Int64) = (0, 0)
        func visit(_ index: Int, weighted: Int64, cost: Int64) {
            guard index < routes.count else {
                if weighted > best.weightedUnitsMet || (weighted == best.weightedUnitsMet && cost < best.totalCost) {
                    best = (weighted, cost)
                }
                return
            }
            let route = routes[index]
            let weight = problem.needs[route.need].urgency.weight
            for units in 0...max(0, min(supplyLeft[route.supply], needLeft[route.need])) {
                supplyLeft[route.supply] -= units
                needLeft[route.need] -= units
                visit(index + 1, weighted: weighted + Int64(units) * weight, cost: cost + Int64(units) * route.cost)
                supplyLeft[route.supply] += units
                needLeft[route.need] += units
            }
        }
        visit(0, weighted: 0, cost: 0)
        return best
    }

    /// Whether the matching allocates no offer or request beyond its units,
    /// proposes only routes the rules allow at their cost, and adds up.
    static func isConsistent(_ matching: AidMatching, with problem: AidMatchingProblem) -> Bool {
        let supplies = Dictionary(uniqueKeysWithValues: problem.supplies.map { ($0.id, $0) })
        let needs = Dictionary(uniqueKeysWithValues: problem.needs.map { ($0.id, $0) })
        var supplied: [Int: Int] = [:]
        var met: [Int: Int] = [:]
        var (weighted, cost): (Int64, Int64) = (0, 0)
        for proposal in matching.proposals {
            guard let supply = supplies[proposal.supply], let need = needs[proposal.need], proposal.quantity > 0,
                unitCost(from: supply, to: need, in: problem) == proposal.unitCost
            else { return false }
            supplied[supply.id, default: 0] += proposal.quantity
            met[need.id, default: 0] += proposal.quantity
            weighted += Int64(proposal.quantity) * need.urgency.weight
            cost += Int64(proposal.quantity) * proposal.unitCost
        }
        return supplied.allSatisfy { $0.value <= supplies[$0.key]!.quantity }
            && met.allSatisfy { $0.value <= needs[$0.key]!.quantity } && weighted == matching.weightedUnitsMet
            && cost == matching.totalCost
    }

    @Test func theMatchingIsTheBestOfEveryAllocationTried() throws {
        for seed: UInt64 in 1...1_000 {
            let problem = Self.instance(seed: seed)
            let matching = try AidMatcher.match(problem)
            let best = Self.exhaustive(problem)
            #expect(matching.weightedUnitsMet == best.weightedUnitsMet, "seed \(seed)")
            #expect(matching.totalCost == best.totalCost, "seed \(seed)")
            #expect(Self.isConsistent(matching, with: problem), "seed \(seed)")
            #expect(matching.candidateRoutes == problem.routes().count)
        }
    }

    // MARK: behaviour

    @Test func theMoreUrgentRequestIsMetFirstEvenFromFarther() throws {
        let problem = AidMatchingProblem(
            supplies: [Self.supply(1, city: 1, at: Self.berlin)],
            needs: [
                Self.need(10, city: 2, at: Self.leipzig, urgency: .low),
                Self.need(11, city: 3, at: Self.munich, urgency: .critical),
            ], today: Self.today)
        let matching = try AidMatcher.match(problem)
        #expect(matching.proposals.map(\.need) == [11])
        #expect(matching.weightedUnitsMet == 8)
    }

    @Test func amongEquallyUrgentRequestsTheCheaperRouteIsChosen() throws {
        let problem = AidMatchingProblem(
            supplies: [Self.supply(1, city: 1, at: Self.berlin)],
            needs: [Self.need(10, city: 3, at: Self.munich), Self.need(11, city: 2, at: Self.leipzig)],
            today: Self.today)
        #expect(try AidMatcher.match(problem).proposals.map(\.need) == [11])
    }

    @Test func anOfferServesSeveralRequestsAndARequestDrawsOnSeveralOffers() throws {
        let problem = AidMatchingProblem(
            supplies: [
                Self.supply(1, city: 1, at: Self.berlin, quantity: 5),
                Self.supply(2, city: 4, at: Self.hamburg, quantity: 2),
            ],
            needs: [
                Self.need(10, city: 2, at: Self.leipzig, quantity: 3),
                Self.need(11, city: 5, at: Self.warsaw, quantity: 4, country: "PL"),
            ], today: Self.today)
        let matching = try AidMatcher.match(problem)
        // Hamburg saves more by sending to Leipzig (3 rather than 8 a unit) than Berlin does (1 rather than 5).
        #expect(
            matching.proposals.map { [$0.need, $0.supply, $0.quantity] } == [[10, 1, 1], [10, 2, 2], [11, 1, 4]])
        #expect(Self.isConsistent(matching, with: problem))
    }

    @Test func timeWindowsAreRespected() throws {
        let need = Self.need(10, city: 2, at: Self.leipzig, neededBy: Self.today + 10)
        let closed = Self.supply(1, city: 1, at: Self.berlin, from: Self.today - 9, until: Self.today - 1)
        let later = Self.supply(2, city: 1, at: Self.berlin, from: Self.today + 5, until: Self.today + 9)
        let tooLate = Self.supply(3, city: 1, at: Self.berlin, from: Self.today + 30, until: Self.today + 40)
        let problem = AidMatchingProblem(supplies: [closed, later, tooLate], needs: [need], today: Self.today)
        let routes = problem.routes()
        #expect(routes.map(\.supplyPosition) == [1])
        // Shipping starts when the offer opens: one day's handling and a day on the road (149 km).
        #expect(routes.first?.arrivalDay == Self.today + 7)
        #expect(routes.first?.daysToSpare == 3)
    }

    @Test func distanceLimitsOnEitherSideAreRespected() throws {
        let problem = AidMatchingProblem(
            supplies: [
                Self.supply(1, city: 1, at: Self.berlin, maxDistanceKm: 100),
                Self.supply(2, city: 1, at: Self.berlin, maxDistanceKm: 200),
                Self.supply(3, city: 4, at: Self.hamburg),
            ], needs: [Self.need(10, city: 2, at: Self.leipzig, maxDistanceKm: 250)], today: Self.today)
        #expect(problem.routes().map(\.supplyPosition) == [1])
    }

    @Test func helpCrossesABorderOnlyWhenBothSidesAgree() throws {
        let warsaw = { (accepts: Bool) in
            Self.need(
                10, city: 5, at: Self.warsaw, country: "PL", neededBy: Self.today + 20, acceptsFromAbroad: accepts)
        }
        let stays = Self.supply(1, city: 1, at: Self.berlin, shipsAbroad: false)
        let ships = Self.supply(2, city: 1, at: Self.berlin)
        let abroad = AidMatchingProblem(supplies: [stays, ships], needs: [warsaw(true)], today: Self.today)
        #expect(abroad.routes().map(\.supplyPosition) == [1])
        // One day's handling, one on the road (520 km) and two at the border.
        #expect(abroad.routes().first?.arrivalDay == Self.today + 4)
        let refused = AidMatchingProblem(supplies: [stays, ships], needs: [warsaw(false)], today: Self.today)
        #expect(refused.routes().isEmpty)
        let home = AidMatchingProblem(
            supplies: [stays], needs: [Self.need(10, city: 2, at: Self.leipzig, acceptsFromAbroad: false)],
            today: Self.today)
        #expect(home.routes().count == 1)
    }

    @Test func helpArrivingLaterThanThePolicyAllowsIsNotProposed() throws {
        var policy = AidMatchingPolicy()
        policy.maxLateDays = 3
        // From Berlin to Leipzig help arrives two days after it ships.
        let problem = { (neededBy: Int) in
            AidMatchingProblem(
                supplies: [Self.supply(1, city: 1, at: Self.berlin)],
                needs: [Self.need(10, city: 2, at: Self.leipzig, neededBy: neededBy)], today: Self.today,
                policy: policy)
        }
        let atTheCap = try AidMatcher.match(problem(Self.today - 1))
        #expect(atTheCap.proposals.map(\.daysToSpare) == [-3])
        // 1 for 149 km and 5 for each of the 3 days late.
        #expect(atTheCap.totalCost == 16)
        #expect(try AidMatcher.match(problem(Self.today - 2)).proposals.isEmpty)
    }

    @Test func aUnitCostsItsDistanceAndLatenessLessTheTiesBonuses() throws {
        let ties = [AidCityPair(4, 1): AidTie(partnership: "twin cities", sharedNetworks: ["Eurocities"])]
        let problem = AidMatchingProblem(
            supplies: [Self.supply(1, city: 1, at: Self.berlin)],
            needs: [Self.need(10, city: 4, at: Self.hamburg, neededBy: Self.today)], ties: ties, today: Self.today)
        let route = problem.route(fromSupplyAt: 0, toNeedAt: 0)
        // 255 km is 3 hundreds; 2 days late at 5; less 20 and 10.
        #expect(route?.unitCost == 3 + 10 - 30)
        #expect(route?.tie == ties.first?.value)
    }

    @Test func theReasonsSayWhereTheOfferStandsWhatTiesTheCitiesAndWhenHelpArrives() throws {
        let ties = [
            AidCityPair(1, 2): AidTie(
                partnership: "sister cities", partnershipSince: 1979, sharedNetworks: ["Eurocities", "ICLEI", "UCLG"]),
            AidCityPair(4, 2): AidTie(sharedNetworks: ["Eurocities"]),
            AidCityPair(3, 6): AidTie(partnership: "friendship cities"),
        ]
        let problem = AidMatchingProblem(
            supplies: [
                Self.supply(1, city: 1, at: Self.berlin),
                Self.supply(2, city: 4, at: Self.hamburg, from: Self.today + 3),
                Self.supply(3, city: 3, at: Self.munich, quantity: 2, from: Self.today + 1),
            ],
            needs: [
                Self.need(10, city: 2, at: Self.leipzig, quantity: 2, neededBy: Self.today + 5, urgency: .high),
                Self.need(11, city: 6, at: Self.leipzig, quantity: 2, neededBy: Self.today + 2, urgency: .low),
            ], ties: ties, today: Self.today)
        // Every unit is met either way; the bonuses make this the cheapest.
        let reasons = Dictionary(
            uniqueKeysWithValues: try AidMatcher.match(problem).proposals.map {
                ([$0.supply, $0.need], $0.reasons.map(\.englishText))
            })
        #expect(reasons.count == 3)
        #expect(
            reasons[[1, 10]] == [
                "nearest available offer", "sister cities since 1979", "both in Eurocities and 2 more networks",
                "arrives 3 days before need",
            ])
        #expect(
            reasons[[2, 10]] == [
                "2nd nearest of 3 compatible offers", "both in Eurocities", "arrives on the day needed",
            ])
        #expect(
            reasons[[3, 11]] == [
                "3rd nearest of 3 compatible offers", "friendship cities", "arrives 1 day late",
            ])
    }

    @Test func aLoneCandidateIsTheOnlyCompatibleOffer() throws {
        let problem = AidMatchingProblem(
            supplies: [Self.supply(1, city: 1, at: Self.berlin)],
            needs: [Self.need(10, city: 2, at: Self.leipzig, neededBy: Self.today + 4)], today: Self.today)
        #expect(
            try AidMatcher.match(problem).proposals.first?.reasons.map(\.englishText) == [
                "only compatible offer", "arrives 2 days before need",
            ])
    }

    @Test func aLargeMatchingKeepsEveryLimitAndIsTheSameFromRunToRun() throws {
        let problem = SyntheticAid.problem(offers: 1_000, requests: 1_000, resources: 5, seed: 7)
        let first = try AidMatcher.match(problem)
        let second = try AidMatcher.match(problem)
        #expect(Self.isConsistent(first, with: problem))
        #expect(first.proposals == second.proposals)
        #expect(first.proposals.map { [$0.need, $0.supply] }.isSorted { $0.lexicographicallyPrecedes($1) })
        #expect(first.candidateRoutes == problem.routes().count)
        let candidates = Dictionary(grouping: problem.routes(), by: \.needPosition).values.map(\.count)
        #expect(candidates.allSatisfy { $0 <= SyntheticAid.candidateLimit })
    }
}

extension Sequence {
    /// Whether no element comes before the one ahead of it.
    fileprivate func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var previous: Element?
        for element in self {
            if let previous, areInIncreasingOrder(element, previous) { return false }
            previous = element
        }
        return true
    }
}
