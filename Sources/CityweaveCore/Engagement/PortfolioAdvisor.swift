import Foundation

/// What the advisor is asked: the strategy, the capacity, the networks and
/// what the city puts into each now.
public struct AdvisorInput: Sendable {
    public var cityName: String
    /// Priority themes and their weights (any scale; only their ratios count).
    public var weights: [Theme: Double]
    /// Money a year for fees and travel, and staff hours a month.
    public var budget: Double
    public var hoursPerMonth: Double
    /// What engagements outside any network (partnerships, programmes) already take.
    public var fixedCost: Double
    public var fixedHours: Double
    /// Every network in the directory; those the city is not in and could not join are left out.
    public var networks: [NetworkFacts]
    public var commitments: [NetworkCommitment]
    /// How alike each other city is to this one (``CityLikeness`` score).
    public var likeness: [Int: Double]
    /// What joining a network is assumed to take when nothing better is known, and where each figure comes from.
    public var newEngagementHours: Double
    public var newEngagementFee: Double
    public var newEngagementHoursSource: AssumptionSource
    public var newEngagementFeeSource: AssumptionSource

    public init(
        cityName: String, weights: [Theme: Double], budget: Double, hoursPerMonth: Double, fixedCost: Double = 0,
        fixedHours: Double = 0, networks: [NetworkFacts], commitments: [NetworkCommitment], likeness: [Int: Double],
        newEngagementHours: Double, newEngagementFee: Double,
        newEngagementHoursSource: AssumptionSource = .cityweaveDefault,
        newEngagementFeeSource: AssumptionSource = .cityweaveDefault
    ) {
        self.cityName = cityName
        self.weights = weights
        self.budget = budget
        self.hoursPerMonth = hoursPerMonth
        self.fixedCost = fixedCost
        self.fixedHours = fixedHours
        self.networks = networks
        self.commitments = commitments
        self.likeness = likeness
        self.newEngagementHours = newEngagementHours
        self.newEngagementFee = newEngagementFee
        self.newEngagementHoursSource = newEngagementHoursSource
        self.newEngagementFeeSource = newEngagementFeeSource
    }
}

/// One step of the proposal.
public struct AdvisedAction: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case join, keep, deepen, reduce, leave
    }

    public var kind: Kind
    public var networkID: Int
    public var networkName: String
    /// Hours a month and fee a year the network takes under the proposal.
    public var hoursPerMonth: Double
    public var yearlyFee: Double
    /// Whether the hours and fee are the advisor's assumption for a network the city is not in.
    public var isEstimate: Bool
    /// The sentence a user reads: "Leave X: 82% of its members … are covered by Y and Z; …".
    public var summary: Message
    public var reasons: [Message]
    public var assessment: NetworkAssessment
}

/// The advisor's answer: the actions, what the proposed portfolio is worth
/// and whether that is proven to be the best that fits.
public struct PortfolioAdvice: Sendable, Equatable {
    public var actions: [AdvisedAction]
    /// Every network considered, scored, in the order of the input.
    public var assessments: [NetworkAssessment]
    public var objective: Double
    public var upperBound: Double
    public var isOptimal: Bool
    public var gap: Double
    /// Networks the city could join but that publish no member list, by id in
    /// the order of the input: without members they cannot be weighed against
    /// the others, so they are named apart instead of scored as if empty.
    public var withoutMemberData: [Int]
    /// What the proposal takes, fixed engagements included: fees a year (staff time aside) and hours a month.
    public var yearlyFees: Double
    public var hoursPerMonth: Double
    /// Theme → how many networks of the proposal work on it.
    public var coverage: [Theme: Int]
}

/// Proposes the city's portfolio of networks: scores every network
/// (``NetworkAssessment``), chooses with ``PortfolioOptimizer`` the set
/// worth most within the capacity left after the fixed engagements, and
/// words the difference from today as join, keep, deepen, reduce and leave.
public enum PortfolioAdvisor {
    /// The theme weights are scaled to add up to this: covering every theme once is worth ten.
    static let themeScale = 10.0
    /// A network's worth beside its themes (peers, evidence, value logged) is
    /// at most this: a fifth of covering every theme, so that a network the
    /// city rates highly is not dropped for an untried one on the same themes.
    static let standaloneScale = 2.0
    /// A kept network deepens when the city rates it this well, this often, and hours are left.
    static let deepenRating = 4.0
    static let deepenEntries = 2
    /// A network left out is reduced to a light presence, not left, when it was rated at least this.
    /// The city's best-rated network is never left for its cost alone when it was rated at least this.
    static let reduceRating = 3.0

    public static func advise(_ input: AdvisorInput) -> PortfolioAdvice {
        let commitments = Dictionary(input.commitments.map { ($0.networkID, $0) }) { first, _ in first }
        var input = input
        let withoutMemberData = input.networks.filter {
            $0.isOpenToCity && !$0.membersAreKnown && commitments[$0.id] == nil
        }.map(\.id)
        input.networks = input.networks.filter {
            ($0.isOpenToCity && $0.membersAreKnown) || commitments[$0.id] != nil
        }
        let current = input.networks.filter { commitments[$0.id] != nil }
        let themes = Theme.allCases.filter { (input.weights[$0] ?? 0) > 0 }
        let totalWeight = themes.reduce(0) { $0 + input.weights[$1]! }

        let currentCoverage = PortfolioCoverage(current)
        let assessments = input.networks.map { network in
            NetworkAssessment.assess(
                network, weights: input.weights, likeness: input.likeness, commitment: commitments[network.id],
                fee: commitments[network.id]?.yearlyFee ?? input.newEngagementFee, budget: input.budget,
                portfolio: currentCoverage)
        }
        let candidates = zip(input.networks, assessments).map { network, assessment in
            let themeSet = Set(network.themes)
            return PortfolioCandidate(
                id: network.id, cost: commitments[network.id]?.yearlyFee ?? input.newEngagementFee,
                hours: commitments[network.id]?.hoursPerMonth ?? input.newEngagementHours,
                themeFit: themes.map { themeSet.contains($0) ? 1 : 0 },
                standaloneValue: assessment.standaloneValue * standaloneScale)
        }
        let problem = PortfolioProblem(
            candidates: candidates,
            themeWeights: themes.map { totalWeight > 0 ? input.weights[$0]! / totalWeight * themeScale : 0 },
            budget: max(0, input.budget - input.fixedCost), hours: max(0, input.hoursPerMonth - input.fixedHours))
        var solution = PortfolioOptimizer.solve(problem)
        // Leaving the network the city rates best must take more than its cost: unless the networks it
        // stays in cover its priority themes (or it has none), it is kept and the rest is chosen around
        // it. Networks to join do not count: what they are worth to the city is still an assumption.
        let bestRated = bestRatedNetworks(input.commitments)
        let staying = solution.positions.map { input.networks[$0] }.filter { commitments[$0.id] != nil }
        let keptForRating = Set(
            input.networks.indices.filter { position in
                bestRated.contains(input.networks[position].id) && !solution.positions.contains(position)
                    && problem.fits([position])
                    && !leavingHasAReasonBeyondCost(input.networks[position], staying: staying, themes: themes)
            })
        if !keptForRating.isEmpty { solution = PortfolioOptimizer.solve(problem, keeping: keptForRating) }

        let chosen = Set(solution.positions)
        let proposed = solution.positions.map { input.networks[$0] }
        let proposedCoverage = PortfolioCoverage(proposed)
        var spareHours = problem.hours - solution.positions.reduce(0) { $0 + candidates[$1].hours }
        var spareBudget = problem.budget - solution.positions.reduce(0) { $0 + candidates[$1].cost }
        var actions: [AdvisedAction] = []
        let wording = Wording(
            input: input, themes: themes, bestRated: bestRated,
            keptForRating: Set(keptForRating.map { input.networks[$0].id }),
            names: Dictionary(
                input.networks.map { ($0.id, $0.name) }
            ) { first, _ in first })
        // Networks left out first, so that a light presence in one the city
        // rated comes before deepening; then highest fit first, so spare
        // hours go where the strategy weighs most.
        let order = input.networks.indices.sorted {
            let left = (chosen.contains($0) ? 1 : 0, -assessments[$0].fit, input.networks[$0].id)
            let right = (chosen.contains($1) ? 1 : 0, -assessments[$1].fit, input.networks[$1].id)
            return left < right
        }
        for position in order {
            let network = input.networks[position]
            let candidate = candidates[position]
            let commitment = commitments[network.id]
            var kind = AdvisedAction.Kind.keep
            var hoursPerMonth = candidate.hours
            var yearlyFee = candidate.cost
            var assessment = assessments[position]
            switch (chosen.contains(position), commitment) {
            case (true, nil):
                kind = .join
            case (true, let commitment?):
                if commitment.recentValueEntries >= deepenEntries, commitment.recentMeanRating >= deepenRating,
                    spareHours >= 1
                {
                    // Half as much again at most: deepening is a step, not a leap.
                    let more = min(spareHours, max(1, commitment.hoursPerMonth / 2)).rounded(.down)
                    spareHours -= more
                    kind = .deepen
                    hoursPerMonth += more
                }
            case (false, let commitment?):
                // A light presence (an hour a month, the fee) where the city rated it and what is left pays for it.
                let light = min(1, commitment.hoursPerMonth)
                let reduce =
                    commitment.recentValueEntries > 0 && commitment.recentMeanRating >= reduceRating
                    && light <= spareHours + PortfolioProblem.slack
                    && commitment.yearlyFee <= spareBudget + PortfolioProblem.slack
                if reduce {
                    spareHours -= light
                    spareBudget -= commitment.yearlyFee
                }
                kind = reduce ? .reduce : .leave
                hoursPerMonth = reduce ? light : 0
                yearlyFee = reduce ? commitment.yearlyFee : 0
                assessment = NetworkAssessment.assess(
                    network, weights: input.weights, likeness: input.likeness, commitment: commitment,
                    fee: commitment.yearlyFee, budget: input.budget, portfolio: proposedCoverage)
                assessment.coveredBy = NetworkAssessment.coverers(of: network, among: proposed)
            case (false, nil):
                continue
            }
            let (summary, reasons) = wording.explain(
                kind, network: network, commitment: commitment, hoursPerMonth: hoursPerMonth, yearlyFee: yearlyFee,
                assessment: assessment)
            actions.append(
                AdvisedAction(
                    kind: kind, networkID: network.id, networkName: network.name, hoursPerMonth: hoursPerMonth,
                    yearlyFee: yearlyFee, isEstimate: commitment == nil, summary: summary, reasons: reasons,
                    assessment: assessment))
        }
        actions = actions.enumerated().sorted {
            ($0.element.kind.order, $0.offset) < ($1.element.kind.order, $1.offset)
        }
        .map(\.element)

        var coverage: [Theme: Int] = [:]
        for network in proposed {
            for theme in network.themes where themes.contains(theme) { coverage[theme, default: 0] += 1 }
        }
        let networkActions = actions.filter { $0.kind != .leave }
        return PortfolioAdvice(
            actions: actions, assessments: assessments, objective: solution.value, upperBound: solution.upperBound,
            isOptimal: solution.isOptimal, gap: solution.gap, withoutMemberData: withoutMemberData,
            yearlyFees: input.fixedCost + networkActions.reduce(0) { $0 + $1.yearlyFee },
            hoursPerMonth: input.fixedHours + networkActions.reduce(0) { $0 + $1.hoursPerMonth }, coverage: coverage)
    }
}

extension PortfolioAdvisor {
    /// The networks the city rated best in the last twelve months, when that rating is at least ``reduceRating``.
    static func bestRatedNetworks(_ commitments: [NetworkCommitment]) -> Set<Int> {
        let rated = commitments.filter { $0.recentValueEntries > 0 }
        guard let best = rated.map(\.recentMeanRating).max(), best >= reduceRating else { return [] }
        return Set(rated.filter { $0.recentMeanRating == best }.map(\.networkID))
    }

    /// Whether something beside its cost speaks for leaving `network`: none of its themes is a
    /// priority, or the networks the city stays in cover every priority theme it works on.
    static func leavingHasAReasonBeyondCost(_ network: NetworkFacts, staying: [NetworkFacts], themes: [Theme])
        -> Bool
    {
        let weighted = network.themes.filter(themes.contains)
        let others = staying.filter { $0.id != network.id }
        return weighted.allSatisfy { theme in others.contains { $0.themes.contains(theme) } }
    }
}

extension AdvisedAction.Kind {
    /// Changes first (join, deepen, reduce, leave), then what stays.
    var order: Int {
        switch self {
        case .join: 0
        case .deepen: 1
        case .reduce: 2
        case .leave: 3
        case .keep: 4
        }
    }
}

/// How the advisor explains each action, in sentences a mayor's office reads.
private struct Wording {
    let input: AdvisorInput
    let themes: [Theme]
    let bestRated: Set<Int>
    let keptForRating: Set<Int>
    let names: [Int: String]

    /// The summary of an action and every reason for it; `hoursPerMonth` and `yearlyFee` are what the
    /// network takes under the proposal.
    func explain(
        _ kind: AdvisedAction.Kind, network: NetworkFacts, commitment: NetworkCommitment?, hoursPerMonth: Double,
        yearlyFee: Double, assessment score: NetworkAssessment
    ) -> (Message, [Message]) {
        var reasons: [Message] = []
        let weighted = network.themes.filter { themes.contains($0) }
        if !weighted.isEmpty {
            reasons.append(
                Message("advice.reason.themes", "works on {themes}", ["themes": .list(themeList(weighted))]))
        }
        if !network.membersAreKnown {
            reasons.append(
                Message(
                    "advice.reason.no-member-data", "no member data: the network does not publish its member list"))
        } else if score.similarMembers > 0 {
            reasons.append(
                Message(
                    "advice.reason.similar-members", one: "{count} of its {total} members is a city like {city}",
                    other: "{count} of its {total} members are cities like {city}", count: score.similarMembers,
                    ["total": .count(network.members.count), "city": .text(input.cityName)]))
        }
        if network.practicesBySimilarMembers > 0 {
            reasons.append(
                Message(
                    "advice.reason.practices", one: "{count} practice published by similar members",
                    other: "{count} practices published by similar members", count: network.practicesBySimilarMembers
                ))
        }
        if network.sharedValueEntries > 0 {
            reasons.append(
                Message(
                    "advice.reason.shared-rating", "similar cities that share their ratings rate it {rating} of 5",
                    ["rating": rating(network.sharedMeanRating)]))
        }
        let logged =
            commitment.map { commitment in
                commitment.recentValueEntries > 0
                    ? Message(
                        "advice.reason.value-logged", one: "value logged once in 12 months (mean rating {rating})",
                        other: "value logged {count} times in 12 months (mean rating {rating})",
                        count: commitment.recentValueEntries, ["rating": rating(commitment.recentMeanRating)])
                    : Message("advice.reason.no-value-logged", "no value logged in 12 months")
            }
        let name = Message.Value.text(network.name)
        switch kind {
        case .join:
            reasons.append(assumption(hoursPerMonth: hoursPerMonth, yearlyFee: yearlyFee))
            return (
                Message(
                    "advice.join", "Join {network}: {reasons}",
                    ["network": name, "reasons": .series(Array(reasons.prefix(2)))]),
                reasons
            )
        case .keep:
            if let logged { reasons.append(logged) }
            if keptForRating.contains(network.id) { reasons.insert(keptForItsRating, at: 0) }
            return (
                Message(
                    "advice.keep", "Keep {network}: {reasons}",
                    ["network": name, "reasons": .series(Array(reasons.prefix(2)))]),
                reasons
            )
        case .deepen:
            if let logged { reasons.append(logged) }
            if keptForRating.contains(network.id) { reasons.insert(keptForItsRating, at: 0) }
            let more = hoursPerMonth - (commitment?.hoursPerMonth ?? 0)
            // Only a network the city is in deepens, so there is a log to speak of.
            return (
                Message(
                    "advice.deepen", "Deepen {network} by {hours} a month: {logged}",
                    ["network": name, "hours": hours(more), "logged": .series([logged].compactMap { $0 })]),
                reasons
            )
        case .reduce, .leave:
            var overlap: [Message] = []
            if score.membersCovered > 0 || score.themesCovered > 0 {
                let by = score.coveredBy.prefix(2).compactMap { names[$0] }
                let coverers: Message.Value =
                    by.isEmpty
                    ? .message(Message("advice.covered-by.rest", "the rest of the portfolio"))
                    : .list(by.map(Message.name))
                let themesCovered = Message.Value.message(themeShare(score.themesCovered))
                overlap.append(
                    score.membersCovered == 0
                        ? Message(
                            "advice.reason.themes-covered", "{themes} are covered by {coverers}",
                            ["themes": themesCovered, "coverers": coverers])
                        : Message(
                            "advice.reason.members-and-themes-covered",
                            "{members} of its members and {themes} are covered by {coverers}",
                            ["members": .percent(score.membersCovered), "themes": themesCovered, "coverers": coverers]))
            }
            if score.fit == 0 {
                overlap.append(Message("advice.reason.no-priority", "none of its themes is a priority"))
            }
            func sentence(_ why: Message.Value) -> Message {
                kind == .leave
                    ? Message("advice.leave", "Leave {network}: {why}", ["network": name, "why": why])
                    : Message(
                        "advice.reduce", "Reduce {network} to a light presence: {why}", ["network": name, "why": why])
            }
            guard let commitment, commitment.recentValueEntries > 0 else {
                let why = overlap + [logged].compactMap { $0 }
                return (sentence(.series(why)), why + reasons)
            }
            // What the city logged speaks for staying: say what outweighed it.
            let outweighing =
                overlap.isEmpty
                ? [
                    Message(
                        "advice.reason.cost-outweighs",
                        "its cost of {fee} a year and {hours} a month, worth more to the strategy's priorities in the networks proposed",
                        ["fee": fee(commitment.yearlyFee), "hours": hours(commitment.hoursPerMonth)])
                ] : overlap
            let values: [String: Message.Value] = [
                "rating": rating(commitment.recentMeanRating), "outweighing": .series(outweighing),
            ]
            let why =
                bestRated.contains(network.id)
                ? Message(
                    "advice.reason.best-rated-outweighed",
                    one:
                        "rated {rating} of 5 (once in 12 months), your best-rated engagement, outweighed by: {outweighing}",
                    other:
                        "rated {rating} of 5 ({count} times in 12 months), your best-rated engagement, outweighed by: {outweighing}",
                    count: commitment.recentValueEntries, values)
                : Message(
                    "advice.reason.rated-outweighed",
                    one: "rated {rating} of 5 (once in 12 months), outweighed by: {outweighing}",
                    other: "rated {rating} of 5 ({count} times in 12 months), outweighed by: {outweighing}",
                    count: commitment.recentValueEntries, values)
            return (sentence(.message(why)), [why] + reasons)
        }
    }

    private var keptForItsRating: Message {
        Message(
            "advice.reason.kept-for-rating",
            "your best-rated engagement: kept, because only its cost spoke for leaving it")
    }

    /// The assumed hours and fee of a network to join, and where each figure comes from.
    private func assumption(hoursPerMonth: Double, yearlyFee: Double) -> Message {
        let hoursSource = input.newEngagementHoursSource
        let feeSource = input.newEngagementFeeSource
        guard hoursSource == feeSource else {
            return Message(
                "advice.reason.assumed-each",
                "assumed {hours} a month ({hoursSource}) and a fee of {fee} a year ({feeSource}) until you know better",
                [
                    "hours": hours(hoursPerMonth), "hoursSource": .message(hoursSource.phrase()),
                    "fee": fee(yearlyFee), "feeSource": .message(feeSource.phrase()),
                ])
        }
        return Message(
            "advice.reason.assumed",
            "assumed {hours} a month and a fee of {fee} a year ({source}) until you know better",
            [
                "hours": hours(hoursPerMonth), "fee": fee(yearlyFee),
                "source": .message(hoursSource.phrase(plural: true)),
            ])
    }

    /// The themes, heaviest first, each with its share of the strategy's weight.
    private func themeList(_ list: [Theme]) -> [Message] {
        let total = themes.reduce(0) { $0 + input.weights[$1]! }
        return list.sorted { (input.weights[$0]!, $1.rawValue) > (input.weights[$1]!, $0.rawValue) }.map { theme in
            Message(
                "advice.theme-weight", "{theme} ({share})",
                ["theme": .lowercased(theme.message), "share": .percent(total > 0 ? input.weights[theme]! / total : 0)])
        }
    }

    private func themeShare(_ value: Double) -> Message {
        if value >= 1 { return Message("advice.themes-covered.all", "all of its themes") }
        if value == 0 { return Message("advice.themes-covered.none", "none of its themes") }
        return Message("advice.themes-covered.share", "{share} of its themes", ["share": .percent(value)])
    }

    /// A mean rating, always with one decimal: "4.0 of 5".
    private func rating(_ value: Double) -> Message.Value { .fixed(value, digits: 1) }

    private func hours(_ value: Double) -> Message.Value {
        .message(Message("advice.hours", "{hours} h", ["hours": .decimal(value)]))
    }

    /// A fee a year, whole; fees are amounts the server checked (at most 10^12), well within an `Int`.
    private func fee(_ value: Double) -> Message.Value { .money(value) }
}
