import CityweaveCore
import CityweaveSyntheticData
import Testing

@Suite struct LandscapeIndexTests {
    /// A small random landscape: up to 14 cities in three regions, up to
    /// six networks of random members and themes, random partnerships,
    /// and years on about half of everything.
    static func instance(seed: UInt64) -> LandscapeInstance {
        var random = SeededGenerator(seed: seed)
        let year = { (random: inout SeededGenerator) in
            Bool.random(using: &random) ? Int.random(in: 2000...2010, using: &random) : nil
        }
        let cities = (0..<Int.random(in: 3...14, using: &random)).map { number in
            LandscapeCity(
                id: 10 * number + 3, name: "City \(Int.random(in: 0..<5, using: &random))",
                population: [20_000, 300_000, 700_000, 2_000_000, 9_000_000].randomElement(using: &random)!,
                countryCode: "C\(number % 4)", region: ["Africa", "Asia", "Europe"].randomElement(using: &random)!,
                incomeGroup: ["Low income", "High income", nil].randomElement(using: &random)!)
        }
        let networks = (0..<Int.random(in: 2...6, using: &random)).map { number in
            LandscapeNetwork(
                id: 100 - number, name: "Network \(number)",
                themes: Array(Theme.allCases.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))))
        }
        var memberships: [LandscapeMembership] = []
        for network in networks {
            for city in cities where Int.random(in: 0..<3, using: &random) == 0 {
                let since = year(&random)
                memberships.append(
                    LandscapeMembership(
                        networkID: network.id, cityID: city.id, since: since,
                        until: Int.random(in: 0..<4, using: &random) == 0 ? (since ?? 2000) + 3 : nil))
            }
        }
        let partnerships = (0..<Int.random(in: 0...(cities.count * 2), using: &random)).map { _ in
            LandscapePartnership(
                cities.randomElement(using: &random)!.id, cities.randomElement(using: &random)!.id,
                since: year(&random))
        }
        return LandscapeInstance(
            cities: cities, networks: networks, memberships: memberships, partnerships: partnerships)
    }

    static func index(_ instance: LandscapeInstance, year: Int? = nil) throws -> LandscapeIndex {
        try LandscapeIndex(
            cities: instance.cities, networks: instance.networks, memberships: instance.memberships,
            partnerships: instance.partnerships, year: year)
    }

    /// Member sets by network id, from the list, as sets.
    static func memberSets(_ instance: LandscapeInstance, year: Int? = nil) -> [Int: Set<Int>] {
        var sets = Dictionary(uniqueKeysWithValues: instance.networks.map { ($0.id, Set<Int>()) })
        for membership in instance.memberships where year.map(membership.holds(in:)) ?? true {
            sets[membership.networkID]!.insert(membership.cityID)
        }
        return sets
    }

    @Test func rowsHoldTheMembersAndPartnersOfTheListsInTheYear() throws {
        for seed: UInt64 in 1...200 {
            let instance = Self.instance(seed: seed)
            for year in [nil, 1999, 2004, 2012] {
                // setup
                let sets = Self.memberSets(instance, year: year)
                var partners: Set<[Int]> = []
                for partnership in instance.partnerships
                where partnership.first != partnership.second && (year.map(partnership.holds(in:)) ?? true) {
                    partners.insert([partnership.first, partnership.second].sorted())
                }
                // MUT
                let index = try Self.index(instance, year: year)
                // validate
                for (position, network) in index.networks.enumerated() {
                    let members = index.members[position].map { index.cities[Int($0)].id }
                    #expect(members == sets[network.id]!.sorted(), "seed \(seed), year \(String(describing: year))")
                }
                for (position, city) in index.cities.enumerated() {
                    let networks = index.memberships[position].map { index.networks[Int($0)].id }
                    #expect(networks == sets.filter { $0.value.contains(city.id) }.keys.sorted())
                    let mine = index.partners[position].map { index.cities[Int($0)].id }
                    #expect(
                        Set(mine)
                            == Set(partners.filter { $0.contains(city.id) }.map { $0[0] == city.id ? $0[1] : $0[0] }))
                    #expect(mine == mine.sorted())
                }
                #expect(index.partnershipCount == partners.count)
            }
        }
    }

    @Test func aMembershipHoldsFromItsStartToItsEndAndUnknownYearsAlwaysHold() {
        let membership = LandscapeMembership(networkID: 1, cityID: 1, since: 2000, until: 2005)
        #expect(!membership.holds(in: 1999) && membership.holds(in: 2000) && membership.holds(in: 2005))
        #expect(!membership.holds(in: 2006))
        #expect(LandscapeMembership(networkID: 1, cityID: 1).holds(in: 1900))
        #expect(LandscapeMembership(networkID: 1, cityID: 1, until: 1990).holds(in: 1900))
        #expect(!LandscapePartnership(1, 2, since: 2001).holds(in: 2000))
        #expect(LandscapePartnership(1, 2).holds(in: 1900))
    }

    @Test func namesWhatItCannotIndex() {
        let city = LandscapeCity(id: 1, name: "A", population: 1, countryCode: "DE", region: "Europe", incomeGroup: nil)
        let network = LandscapeNetwork(id: 5, name: "N", themes: [])
        #expect(throws: LandscapeIndexError.unknownMemberCity(2, membership: 0)) {
            try LandscapeIndex(
                cities: [city], networks: [network], memberships: [.init(networkID: 5, cityID: 2)], partnerships: [])
        }
        #expect(throws: LandscapeIndexError.unknownPartnerCity(9, partnership: 1)) {
            try LandscapeIndex(
                cities: [city], networks: [network], memberships: [], partnerships: [.init(1, 1), .init(1, 9)])
        }
        #expect(throws: LandscapeIndexError.duplicateCity(1)) {
            try LandscapeIndex(cities: [city, city], networks: [], memberships: [], partnerships: [])
        }
    }
}
