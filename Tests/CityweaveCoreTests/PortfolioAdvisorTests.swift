import CityweaveSyntheticData
import Testing

@testable import CityweaveCore

@Suite struct PortfolioAdvisorTests {
    /// A city in three networks: A and B work on the same themes with the
    /// same members, C on another; D and E are open to join; F is a national
    /// network of another country.
    static func input(
        weights: [Theme: Double] = [.climate: 3, .health: 2], budget: Double = 30_000, hours: Double = 40,
        valueOnB: (entries: Int, rating: Double) = (0, 0)
    ) -> AdvisorInput {
        let members = Array(100..<120)
        return AdvisorInput(
            cityName: "Testville", weights: weights, budget: budget, hoursPerMonth: hours,
            networks: [
                NetworkFacts(id: 1, name: "A", themes: [.climate, .energy], members: members),
                NetworkFacts(id: 2, name: "B", themes: [.climate], members: Array(members.prefix(16))),
                NetworkFacts(id: 3, name: "C", themes: [.health], members: [200, 201]),
                NetworkFacts(
                    id: 4, name: "D", themes: [.health, .climate], members: [300], practicesBySimilarMembers: 4),
                NetworkFacts(id: 5, name: "E", themes: [.culture], members: [400]),
                NetworkFacts(id: 6, name: "F", themes: [.health, .climate], members: [500], isOpenToCity: false),
            ],
            commitments: [
                NetworkCommitment(
                    networkID: 1, hoursPerMonth: 10, yearlyFee: 8_000, recentValueEntries: 3, recentMeanRating: 4),
                NetworkCommitment(
                    networkID: 2, hoursPerMonth: 10, yearlyFee: 8_000, recentValueEntries: valueOnB.entries,
                    recentMeanRating: valueOnB.rating),
                NetworkCommitment(networkID: 3, hoursPerMonth: 8, yearlyFee: 4_000),
            ],
            likeness: Dictionary(uniqueKeysWithValues: (100..<120).map { ($0, 0.8) } + [(300, 0.9)]),
            newEngagementHours: 8, newEngagementFee: 6_000)
    }

    @Test func aRedundantNetworkWithoutValueIsLeftAndTheReasonNamesWhatCoversIt() {
        let advice = PortfolioAdvisor.advise(Self.input(hours: 30))
        let leave = try! #require(advice.actions.first { $0.networkID == 2 })
        #expect(leave.kind == .leave)
        #expect(
            leave.summary.englishText.hasPrefix("Leave B: 100% of its members and all of its themes are covered by A"))
        #expect(leave.summary.englishText.contains("no value logged in 12 months"))
        #expect(
            advice.actions.first { $0.networkID == 1 }?.kind == .keep
                || advice.actions.first { $0.networkID == 1 }?.kind == .deepen)
    }

    @Test func aNetworkTheCityRatesIsReducedRatherThanLeft() {
        let advice = PortfolioAdvisor.advise(Self.input(hours: 27, valueOnB: (1, 3)))
        let b = try! #require(advice.actions.first { $0.networkID == 2 })
        #expect(b.kind == .reduce)
        #expect(b.hoursPerMonth <= 1)
    }

    /// A city whose best-rated network X (4.5 of 5) costs most of its budget and is alone on
    /// culture; three cheap networks cover climate and health; V, when the city is in it, covers culture cheaply.
    static func bestRatedInput(inV: Bool) -> AdvisorInput {
        var networks = [
            NetworkFacts(id: 1, name: "X", themes: [.culture], members: [100]),
            NetworkFacts(id: 2, name: "Y", themes: [.climate, .health], members: [200]),
            NetworkFacts(id: 3, name: "Z", themes: [.climate], members: [300]),
            NetworkFacts(id: 4, name: "W", themes: [.health], members: [400]),
        ]
        var commitments = [
            NetworkCommitment(
                networkID: 1, hoursPerMonth: 10, yearlyFee: 20_000, recentValueEntries: 3, recentMeanRating: 4.5),
            NetworkCommitment(
                networkID: 2, hoursPerMonth: 5, yearlyFee: 5_000, recentValueEntries: 1, recentMeanRating: 3),
        ]
        if inV {
            networks.append(NetworkFacts(id: 5, name: "V", themes: [.culture], members: [500]))
            commitments.append(NetworkCommitment(networkID: 5, hoursPerMonth: 2, yearlyFee: 500))
        }
        return AdvisorInput(
            cityName: "Testville", weights: [.climate: 3, .health: 2, .culture: 1], budget: 22_000, hoursPerMonth: 20,
            networks: networks, commitments: commitments,
            likeness: [:], newEngagementHours: 5, newEngagementFee: 1_000, newEngagementHoursSource: .strategy,
            newEngagementFeeSource: .cityweaveDefault)
    }

    @Test func theBestRatedNetworkIsNotLeftForItsCostAloneAndWhatOutweighsARatingIsSaid() {
        let kept = PortfolioAdvisor.advise(Self.bestRatedInput(inV: false))
        let x = try! #require(kept.actions.first { $0.networkID == 1 })
        #expect(x.kind == .keep)
        #expect(
            x.summary.englishText.hasPrefix(
                "Keep X: your best-rated engagement: kept, because only its cost spoke for leaving it"))
        #expect(kept.yearlyFees <= 22_000 && kept.isOptimal)
        // Y, rated 3 of 5, gives way to cheaper networks on its themes, and the reason says so.
        let y = try! #require(kept.actions.first { $0.networkID == 2 })
        #expect(y.kind == .leave || y.kind == .reduce)
        #expect(
            y.summary.englishText.contains(
                "rated 3.0 of 5 (once in 12 months), outweighed by: all of its themes are covered by"))

        // A network rated below the best may be left for its cost, and the summary says that is what outweighed it.
        let tight = PortfolioAdvisor.advise(
            AdvisorInput(
                cityName: "Testville", weights: [.climate: 3, .health: 2], budget: 10_000, hoursPerMonth: 20,
                networks: [
                    NetworkFacts(id: 1, name: "A", themes: [.climate], members: [100]),
                    NetworkFacts(id: 2, name: "B", themes: [.health], members: [200]),
                ],
                commitments: [
                    NetworkCommitment(
                        networkID: 1, hoursPerMonth: 5, yearlyFee: 4_000, recentValueEntries: 2, recentMeanRating: 5),
                    NetworkCommitment(
                        networkID: 2, hoursPerMonth: 5, yearlyFee: 8_000, recentValueEntries: 1, recentMeanRating: 3),
                ],
                likeness: [:], newEngagementHours: 5, newEngagementFee: 0))
        let b = try! #require(tight.actions.first { $0.networkID == 2 })
        #expect(b.kind == .leave)
        #expect(
            b.summary.englishText
                == "Leave B: rated 3.0 of 5 (once in 12 months), outweighed by: its cost of 8,000 a year and 5 h a month, worth more to the strategy's priorities in the networks proposed"
        )

        // When V, a network the city stays in, covers culture, leaving X has a reason beside its cost,
        // which the summary names.
        let covered = PortfolioAdvisor.advise(Self.bestRatedInput(inV: true))
        let left = try! #require(covered.actions.first { $0.networkID == 1 })
        #expect(left.kind == .leave || left.kind == .reduce)
        #expect(
            left.summary.englishText.contains(
                "rated 4.5 of 5 (3 times in 12 months), your best-rated engagement, outweighed by: all of its themes are covered by V"
            ))
        // The figures of a network to join say where they come from.
        let join = try! #require(covered.actions.first { $0.kind == .join })
        #expect(
            join.reasons.map(\.englishText).contains(
                "assumed 5 h a month (your strategy's figure for a new network) and a fee of 1,000 a year (Cityweave's default, as your strategy sets none) until you know better"
            ))
    }

    @Test func theProposalFitsTheCapacityIsOptimalAndNeverJoinsAClosedNetwork() {
        for hours in stride(from: 10.0, through: 60, by: 5) {
            let input = Self.input(hours: hours)
            let advice = PortfolioAdvisor.advise(input)
            #expect(advice.isOptimal)
            #expect(advice.hoursPerMonth <= hours + 1e-9)
            #expect(advice.yearlyFees <= input.budget + 1e-9)
            #expect(!advice.actions.contains { $0.networkID == 6 })
            #expect(!advice.assessments.contains { $0.networkID == 6 })
            for action in advice.actions where action.kind == .join {
                #expect(action.isEstimate && action.hoursPerMonth == 8 && action.yearlyFee == 6_000)
            }
        }
    }

    @Test func aNetworkWithoutAMemberListIsNamedApartNotScoredAsEmpty() {
        var input = Self.input(hours: 60)
        // G works on the strategy's themes but publishes no member list; C, which the city is in, neither.
        input.networks.append(
            NetworkFacts(id: 7, name: "G", themes: [.climate, .health], members: [], membersAreKnown: false))
        input.networks[2].membersAreKnown = false
        let advice = PortfolioAdvisor.advise(input)
        #expect(advice.withoutMemberData == [7])
        #expect(!advice.actions.contains { $0.networkID == 7 } && !advice.assessments.contains { $0.networkID == 7 })
        let kept = try! #require(advice.actions.first { $0.networkID == 3 })
        #expect(kept.reasons.contains { $0.englishText.hasPrefix("no member data") })
        #expect(!kept.reasons.contains { $0.englishText.contains("members are cities like") })
    }

    @Test func anotherWeightingChangesTheProposal() {
        let climate = PortfolioAdvisor.advise(Self.input(weights: [.climate: 1], hours: 30))
        let culture = PortfolioAdvisor.advise(Self.input(weights: [.culture: 5, .health: 1], hours: 30))
        #expect(!climate.actions.contains { $0.networkID == 5 && $0.kind == .join })
        #expect(culture.actions.contains { $0.networkID == 5 && $0.kind == .join })
    }

    @Test func scoresFollowTheirDefinitions() {
        let network = NetworkFacts(id: 9, name: "N", themes: [.climate, .culture], members: [1, 2, 3, 4])
        let other = NetworkFacts(id: 8, name: "O", themes: [.climate], members: [2, 3, 9])
        let score = NetworkAssessment.assess(
            network, weights: [.climate: 3, .health: 1], likeness: [1: 0.7, 2: 0.5, 4: 0.61], commitment: nil,
            fee: 1_000, budget: 4_000, portfolio: PortfolioCoverage([network, other]))
        #expect(score.fit == 0.75)
        #expect(score.similarMembers == 2)
        #expect(score.membersCovered == 0.5)
        #expect(score.themesCovered == 0.5)
        #expect(NetworkAssessment.coverers(of: network, among: [network, other]) == [8])
        #expect(score.cost == 0.25)
    }

    @Test func sharedMembersAreCountedAsASetIntersectionWould() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let a = Set(
                (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...50, using: &random) })
            let b = Set(
                (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...50, using: &random) })
            #expect(NetworkAssessment.sharedCount(a.sorted(), b.sorted()) == a.intersection(b).count)
        }
    }

    @Test func threeHundredNetworksAreAdvisedWithinOnePercentOfTheOptimum() {
        // A large capacity, hours for a handful of networks, and a small budget.
        for (seed, budget, hours) in [(UInt64(1), 250_000.0, 240.0), (2, 240_000, 61), (3, 40_000, 400)] {
            let advice = PortfolioAdvisor.advise(
                SyntheticPortfolios.advisorInput(seed: seed, budget: budget, hours: hours))
            #expect(advice.gap <= PortfolioOptimizer.tolerance, "seed \(seed)")
            #expect(advice.upperBound >= advice.objective)
            #expect(advice.yearlyFees <= budget + 1e-9)
            #expect(advice.hoursPerMonth <= hours + 1e-9)
        }
    }
}
