import Foundation

/// A matching problem as a JSON file holds it, for `cityweave aid solve`
/// and the comparison with other solvers (`scripts/compare_aid_matching.py`):
///
///     {"today": 20000,
///      "supplies": [{"id": 1, "resource": "generators", "city": 7, "country": "DE",
///                    "location": {"latitude": 52.5, "longitude": 13.4}, "quantity": 3,
///                    "availableFrom": 19995, "availableUntil": 20030, "shipsAbroad": true}],
///      "needs": [{"id": 1, "resource": "generators", "city": 9, "country": "PL",
///                 "location": {"latitude": 52.2, "longitude": 21.0}, "quantity": 2,
///                 "neededBy": 20007, "urgency": "critical", "acceptsFromAbroad": true,
///                 "maxDistanceKm": 1500}],
///      "ties": [{"cities": [7, 9], "partnership": "sister cities", "partnershipSince": 1979,
///                "sharedNetworks": ["Eurocities"]}],
///      "policy": {...}}
///
/// `maxDistanceKm`, a tie's `partnership` and `partnershipSince` may be left
/// out; so may `ties`, a tie's `sharedNetworks`, and `policy` (then the
/// default policy holds; when given, it names every field).
public struct AidMatchingInstance: Sendable, Codable {
    /// A tie as the file lists it: the two cities, then what ties them.
    public struct TieEntry: Sendable, Codable, Hashable {
        public var cities: [Int]
        public var partnership: String?
        public var partnershipSince: Int?
        public var sharedNetworks: [String]

        public init(cities: [Int], tie: AidTie) {
            self.cities = cities
            // A file is read by people and other solvers: the partnership in English words.
            partnership = tie.partnership?.englishText
            partnershipSince = tie.partnershipSince
            sharedNetworks = tie.sharedNetworks
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            cities = try container.decode([Int].self, forKey: .cities)
            guard cities.count == 2, cities[0] != cities[1] else {
                throw DecodingError.dataCorruptedError(
                    forKey: .cities, in: container, debugDescription: "a tie names two different cities")
            }
            partnership = try container.decodeIfPresent(String.self, forKey: .partnership)
            partnershipSince = try container.decodeIfPresent(Int.self, forKey: .partnershipSince)
            sharedNetworks = try container.decodeIfPresent([String].self, forKey: .sharedNetworks) ?? []
        }
    }

    public var today: Int
    public var supplies: [AidSupply]
    public var needs: [AidNeed]
    public var ties: [TieEntry]
    public var policy: AidMatchingPolicy?

    /// The problem as a file holds it, ties sorted by city.
    public init(_ problem: AidMatchingProblem) {
        today = problem.today
        supplies = problem.supplies
        needs = problem.needs
        ties = problem.ties.sorted { ($0.key.low, $0.key.high) < ($1.key.low, $1.key.high) }.map {
            TieEntry(cities: [$0.key.low, $0.key.high], tie: $0.value)
        }
        policy = problem.policy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        today = try container.decode(Int.self, forKey: .today)
        supplies = try container.decode([AidSupply].self, forKey: .supplies)
        needs = try container.decode([AidNeed].self, forKey: .needs)
        ties = try container.decodeIfPresent([TieEntry].self, forKey: .ties) ?? []
        policy = try container.decodeIfPresent(AidMatchingPolicy.self, forKey: .policy)
    }

    /// The problem the file describes; a pair of cities listed twice keeps its last tie.
    public var problem: AidMatchingProblem {
        var pairs: [AidCityPair: AidTie] = [:]
        for entry in ties {
            pairs[AidCityPair(entry.cities[0], entry.cities[1])] = AidTie(
                partnership: entry.partnership, partnershipSince: entry.partnershipSince,
                sharedNetworks: entry.sharedNetworks)
        }
        return AidMatchingProblem(
            supplies: supplies, needs: needs, ties: pairs, today: today, policy: policy ?? AidMatchingPolicy())
    }

    /// Solves the instance in `data` (JSON as above), timing the network's
    /// construction apart from its solution.
    public static func solve(json data: Data) throws -> AidSolveOutcome {
        let problem = try JSONDecoder().decode(AidMatchingInstance.self, from: data).problem
        let clock = ContinuousClock()
        let started = clock.now
        let network = try AidMatcher.network(for: problem)
        let built = clock.now
        let matching = AidMatcher.solve(network)
        let solved = clock.now
        let report = AidSolveReport(
            supplies: problem.supplies.count, needs: problem.needs.count, weightedUnitsMet: matching.weightedUnitsMet,
            totalCost: matching.totalCost, unitsMet: matching.proposals.reduce(0) { $0 + $1.quantity },
            proposals: matching.proposals.count, candidateRoutes: matching.candidateRoutes,
            buildSeconds: (built - started).seconds, solveSeconds: (solved - built).seconds)
        return AidSolveOutcome(report: report, matching: matching, network: network)
    }
}

/// What solving an instance file gives: the report `cityweave aid solve`
/// prints, the matching, and the network to write out on request.
public struct AidSolveOutcome: Sendable {
    public var report: AidSolveReport
    public var matching: AidMatching
    public var network: AidMatchingNetwork

    /// The report as pretty, key-sorted JSON.
    public func reportJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(report)
    }

    /// The exact flow network (see ``AidFlowNetwork``) as compact JSON: it has an arc per candidate route.
    public func networkJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(network.exported())
    }
}

/// The figures of one solved instance.
public struct AidSolveReport: Sendable, Codable, Equatable {
    public var supplies: Int
    public var needs: Int
    public var weightedUnitsMet: Int64
    public var totalCost: Int64
    public var unitsMet: Int
    public var proposals: Int
    public var candidateRoutes: Int
    /// Building the candidate routes and the networks.
    public var buildSeconds: Double
    /// Solving the networks and writing the proposals.
    public var solveSeconds: Double
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
