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
    public var summary: String
    public var reasons: [String]
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
            let assessment = assessments[position]
            let candidate = candidates[position]
            let commitment = commitments[network.id]
            var action = AdvisedAction(
                kind: .keep, networkID: network.id, networkName: network.name, hoursPerMonth: candidate.hours,
                yearlyFee: candidate.cost, isEstimate: commitment == nil, summary: "", reasons: [],
                assessment: assessment)
            switch (chosen.contains(position), commitment) {
            case (true, nil):
                action.kind = .join
            case (true, let commitment?):
                if commitment.recentValueEntries >= deepenEntries, commitment.recentMeanRating >= deepenRating,
                    spareHours >= 1
                {
                    // Half as much again at most: deepening is a step, not a leap.
                    let more = min(spareHours, max(1, commitment.hoursPerMonth / 2)).rounded(.down)
                    spareHours -= more
                    action.kind = .deepen
                    action.hoursPerMonth += more
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
                action.kind = reduce ? .reduce : .leave
                action.hoursPerMonth = reduce ? light : 0
                action.yearlyFee = reduce ? commitment.yearlyFee : 0
                action.assessment = NetworkAssessment.assess(
                    network, weights: input.weights, likeness: input.likeness, commitment: commitment,
                    fee: commitment.yearlyFee, budget: input.budget, portfolio: proposedCoverage)
                action.assessment.coveredBy = NetworkAssessment.coverers(of: network, among: proposed)
            case (false, nil):
                continue
            }
            (action.summary, action.reasons) = wording.explain(action, network: network, commitment: commitment)
            actions.append(action)
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

    func explain(_ action: AdvisedAction, network: NetworkFacts, commitment: NetworkCommitment?) -> (
        String, [String]
    ) {
        let score = action.assessment
        var reasons: [String] = []
        let weighted = network.themes.filter { themes.contains($0) }
        if !weighted.isEmpty { reasons.append("works on \(themeList(weighted))") }
        if !network.membersAreKnown {
            reasons.append("no member data: the network does not publish its member list")
        } else if score.similarMembers > 0 {
            reasons.append(
                "\(score.similarMembers) of its \(network.members.count) members are cities like \(input.cityName)")
        }
        if network.practicesBySimilarMembers > 0 {
            reasons.append("\(count(network.practicesBySimilarMembers, "practice")) published by similar members")
        }
        if network.sharedValueEntries > 0 {
            reasons.append("similar cities that share their ratings rate it \(rating(network.sharedMeanRating)) of 5")
        }
        let logged =
            commitment.map { commitment in
                commitment.recentValueEntries > 0
                    ? "value logged \(times(commitment.recentValueEntries)) in 12 months (mean rating \(rating(commitment.recentMeanRating)))"
                    : "no value logged in 12 months"
            }
        let name = network.name
        switch action.kind {
        case .join:
            reasons.append(assumption(action))
            return ("Join \(name): " + reasons.prefix(2).joined(separator: "; "), reasons)
        case .keep:
            if let logged { reasons.append(logged) }
            if keptForRating.contains(network.id) { reasons.insert(keptForItsRating, at: 0) }
            return ("Keep \(name): " + reasons.prefix(2).joined(separator: "; "), reasons)
        case .deepen:
            if let logged { reasons.append(logged) }
            if keptForRating.contains(network.id) { reasons.insert(keptForItsRating, at: 0) }
            let more = action.hoursPerMonth - (commitment?.hoursPerMonth ?? 0)
            return ("Deepen \(name) by \(hours(more)) a month: " + (logged ?? ""), reasons)
        case .reduce, .leave:
            var overlap: [String] = []
            if score.membersCovered > 0 || score.themesCovered > 0 {
                let by = score.coveredBy.prefix(2).compactMap { names[$0] }
                let what =
                    score.membersCovered == 0
                    ? "\(themeShare(score.themesCovered)) of its themes are"
                    : "\(share(score.membersCovered)) of its members and \(themeShare(score.themesCovered)) of its themes are"
                overlap.append(
                    "\(what) covered by " + (by.isEmpty ? "the rest of the portfolio" : by.joined(separator: " and ")))
            }
            if score.fit == 0 { overlap.append("none of its themes is a priority") }
            let verb = action.kind == .leave ? "Leave \(name)" : "Reduce \(name) to a light presence"
            guard let commitment, commitment.recentValueEntries > 0 else {
                let why = overlap + [logged].compactMap { $0 }
                return (verb + ": " + why.joined(separator: "; "), why + reasons)
            }
            // What the city logged speaks for staying: say what outweighed it.
            let best = bestRated.contains(network.id) ? ", your best-rated engagement" : ""
            let rated =
                "rated \(rating(commitment.recentMeanRating)) of 5 (\(times(commitment.recentValueEntries)) in 12 months)\(best)"
            let outweighing =
                overlap.isEmpty
                ? [
                    "its cost of \(money(commitment.yearlyFee)) a year and \(hours(commitment.hoursPerMonth)) a month, worth more to the strategy's priorities in the networks proposed"
                ] : overlap
            let why = "\(rated), outweighed by: " + outweighing.joined(separator: "; ")
            return (verb + ": " + why, [why] + reasons)
        }
    }

    private var keptForItsRating: String {
        "your best-rated engagement: kept, because only its cost spoke for leaving it"
    }

    /// The assumed hours and fee of a network to join, and where each figure comes from.
    private func assumption(_ action: AdvisedAction) -> String {
        let hoursSource = input.newEngagementHoursSource
        let feeSource = input.newEngagementFeeSource
        let figures = "\(hours(action.hoursPerMonth)) a month and a fee of \(money(action.yearlyFee)) a year"
        guard hoursSource == feeSource else {
            return
                "assumed \(hours(action.hoursPerMonth)) a month (\(hoursSource.phrase())) and a fee of \(money(action.yearlyFee)) a year (\(feeSource.phrase())) until you know better"
        }
        return "assumed \(figures) (\(hoursSource.phrase(plural: true))) until you know better"
    }

    private func themeList(_ list: [Theme]) -> String {
        let total = themes.reduce(0) { $0 + input.weights[$1]! }
        return list.sorted { (input.weights[$0]!, $1.rawValue) > (input.weights[$1]!, $0.rawValue) }.map { theme in
            "\(theme.label.lowercased()) (\(share(total > 0 ? input.weights[theme]! / total : 0)))"
        }.joined(separator: ", ")
    }

    private func share(_ value: Double) -> String { NumberText.percent(value) }

    private func themeShare(_ value: Double) -> String {
        value >= 1 ? "all" : value == 0 ? "none" : share(value)
    }

    private func times(_ count: Int) -> String { count == 1 ? "once" : "\(count) times" }

    private func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private func rating(_ value: Double) -> String { String(format: "%.1f", value) }

    private func hours(_ value: Double) -> String { "\(NumberText.short(value)) h" }

    private func money(_ value: Double) -> String { NumberText.money(value) }
}
