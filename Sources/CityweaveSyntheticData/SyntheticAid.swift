import CityweaveCore
import Foundation

/// Seeded instances of the aid matching at the scale the matching must
/// serve, the same for the tests and the benchmarks (see
/// `Benchmarks/AidBenchmarks`).
public enum SyntheticAid {
    /// The day the synthetic matchings run (2024-10-04).
    public static let today = 20_000

    /// Requests never have more compatible offers than this: a request's
    /// distance limit is drawn in where more would qualify.
    public static let candidateLimit = 50

    /// Offers and requests of `resources` kinds (of 1 to 40 and 1 to 50
    /// units) in 600 cities clustered in 24 countries over a continent the
    /// size of Europe. Offers open from 10 days ago to 10 days ahead for 3 to
    /// 40 days (so some have closed); requests are needed within three weeks,
    /// a tenth of them critical. Most ship and accept across borders; some
    /// set a distance limit. 400 partnerships and 12 networks of 15 to 60
    /// cities tie the cities.
    public static func problem(offers: Int, requests: Int, resources: Int, seed: UInt64) -> AidMatchingProblem {
        var random = SeededGenerator(seed: seed)
        let countries = (0..<24).map { index in
            (
                code: "C\(Character(UnicodeScalar(UInt8(65 + index))))",
                centre: GeoPoint(
                    latitude: Double.random(in: 38...60, using: &random),
                    longitude: Double.random(in: -8...28, using: &random))
            )
        }
        let cities = (0..<600).map { _ in
            let country = countries.randomElement(using: &random)!
            let location = GeoPoint(
                latitude: country.centre.latitude + Double.random(in: -1.5...1.5, using: &random),
                longitude: country.centre.longitude + Double.random(in: -2...2, using: &random))
            return (country: country.code, location: location)
        }
        let names = resourceNames(resources)
        let supplies = (0..<offers).map { id in
            let city = Int.random(in: 0..<cities.count, using: &random)
            let from = today + Int.random(in: -10...10, using: &random)
            return AidSupply(
                id: id, resource: names.randomElement(using: &random)!, city: city, country: cities[city].country,
                location: cities[city].location, quantity: Int.random(in: 1...40, using: &random),
                availableFrom: from, availableUntil: from + Int.random(in: 3...40, using: &random),
                shipsAbroad: Double.random(in: 0..<1, using: &random) < 0.75,
                maxDistanceKm: Bool.random(using: &random) ? nil : Double.random(in: 600...2_500, using: &random))
        }
        let needs = (0..<requests).map { id in
            let city = Int.random(in: 0..<cities.count, using: &random)
            let draw = Double.random(in: 0..<1, using: &random)
            let urgency: AidUrgency = draw < 0.1 ? .critical : draw < 0.35 ? .high : draw < 0.75 ? .medium : .low
            return AidNeed(
                id: id, resource: names.randomElement(using: &random)!, city: city, country: cities[city].country,
                location: cities[city].location, quantity: Int.random(in: 1...50, using: &random),
                neededBy: today + Int.random(in: 1...21, using: &random), urgency: urgency,
                acceptsFromAbroad: Double.random(in: 0..<1, using: &random) < 0.85,
                maxDistanceKm: Bool.random(using: &random) ? nil : Double.random(in: 800...3_000, using: &random))
        }
        var problem = AidMatchingProblem(
            supplies: supplies, needs: needs, ties: ties(cities: cities.count, using: &random), today: today)
        limitCandidates(of: &problem)
        return problem
    }

    /// Names for `count` resources: things cities send each other after a disaster.
    static func resourceNames(_ count: Int) -> [String] {
        let known = [
            "bottled water", "water purification units", "generators", "tents", "blankets", "hospital beds",
            "ambulances", "first-aid kits", "vaccine cold boxes", "fire engines", "water pumps", "sandbags",
            "school kits", "food parcels", "hygiene kits", "mobile kitchens", "power banks", "heaters",
            "search and rescue teams", "interpreters",
        ]
        return (0..<count).map { $0 < known.count ? known[$0] : "resource \($0 + 1)" }
    }

    /// Partnerships between random pairs (some with a year), and the pairs
    /// that share one of 12 networks.
    static func ties(cities: Int, using random: inout SeededGenerator) -> [AidCityPair: AidTie] {
        let kinds = ["sister cities", "twin cities", "friendship cities", "partner cities"]
        let networks = [
            "Eurocities", "ICLEI", "Energy Cities", "C40", "UCLG", "Mayors for Peace", "Climate Alliance",
            "Covenant of Mayors", "Healthy Cities", "Strong Cities", "Resilient Cities", "Union of the Baltic Cities",
        ]
        var ties: [AidCityPair: AidTie] = [:]
        for _ in 0..<400 {
            let (a, b) = (Int.random(in: 0..<cities, using: &random), Int.random(in: 0..<cities, using: &random))
            guard a != b else { continue }
            ties[AidCityPair(a, b)] = AidTie(
                partnership: kinds.randomElement(using: &random)!,
                partnershipSince: Bool.random(using: &random) ? Int.random(in: 1950...2020, using: &random) : nil)
        }
        for network in networks {
            let members = Array(
                Set(
                    (0..<Int.random(in: 15...60, using: &random)).map { _ in
                        Int.random(in: 0..<cities, using: &random)
                    })
            ).sorted()
            for (index, a) in members.enumerated() {
                for b in members[(index + 1)...] {
                    ties[AidCityPair(a, b), default: AidTie()].sharedNetworks.append(network)
                }
            }
        }
        return ties
    }

    /// Draws in the distance limit of each request with more than
    /// `candidateLimit` compatible offers to keep the most it can up to that
    /// (offers at the same distance stay in or out together): half-way to
    /// the first one left out, which the same limit keeps out when the
    /// instance is written out and read back (`scripts/compare_aid_matching.py`
    /// draws the limit in the same way).
    static func limitCandidates(of problem: inout AidMatchingProblem) {
        let suppliesByResource = Dictionary(grouping: problem.supplies.indices, by: { problem.supplies[$0].resource })
        for needPosition in problem.needs.indices {
            let distances = (suppliesByResource[problem.needs[needPosition].resource] ?? [])
                .compactMap { problem.route(fromSupplyAt: $0, toNeedAt: needPosition)?.distanceKm }.sorted()
            guard distances.count > candidateLimit else { continue }
            let kept = (1...candidateLimit).last { distances[$0] > distances[$0 - 1] }
            problem.needs[needPosition].maxDistanceKm = kept.map { (distances[$0 - 1] + distances[$0]) / 2 } ?? 0
        }
    }
}
