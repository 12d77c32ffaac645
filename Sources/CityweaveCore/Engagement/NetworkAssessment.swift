import Foundation

/// What the advisor knows of one network, gathered by the server.
public struct NetworkFacts: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var themes: [Theme]
    /// Member cities' ids, ascending.
    public var members: [Int]
    /// Practices published by members that are like the city.
    public var practicesBySimilarMembers: Int
    /// Value entries that similar cities logged on the network and chose to share, and their mean rating (1–5).
    public var sharedValueEntries: Int
    public var sharedMeanRating: Double
    /// Whether the city could join: a national or regional network of another country or region could not.
    public var isOpenToCity: Bool
    /// False when the network publishes no member list: `members` is then not who belongs to it.
    public var membersAreKnown: Bool

    public init(
        id: Int, name: String, themes: [Theme], members: [Int], practicesBySimilarMembers: Int = 0,
        sharedValueEntries: Int = 0, sharedMeanRating: Double = 0, isOpenToCity: Bool = true,
        membersAreKnown: Bool = true
    ) {
        self.id = id
        self.name = name
        self.themes = themes
        self.members = members.sorted()
        self.practicesBySimilarMembers = practicesBySimilarMembers
        self.sharedValueEntries = sharedValueEntries
        self.sharedMeanRating = sharedMeanRating
        self.isOpenToCity = isOpenToCity
        self.membersAreKnown = membersAreKnown
    }
}

/// What the city puts into a network now, summed over its engagements there
/// (a membership and a working group of the same network are one place to be).
public struct NetworkCommitment: Sendable, Equatable {
    public var networkID: Int
    public var hoursPerMonth: Double
    public var yearlyFee: Double
    /// Value entries logged in the last twelve months, and their mean rating (1–5).
    public var recentValueEntries: Int
    public var recentMeanRating: Double

    public init(
        networkID: Int, hoursPerMonth: Double, yearlyFee: Double, recentValueEntries: Int = 0,
        recentMeanRating: Double = 0
    ) {
        self.networkID = networkID
        self.hoursPerMonth = hoursPerMonth
        self.yearlyFee = yearlyFee
        self.recentValueEntries = recentValueEntries
        self.recentMeanRating = recentMeanRating
    }
}

/// One network scored for one city: each score from 0 to 1.
public struct NetworkAssessment: Sendable, Equatable {
    public var networkID: Int
    /// The share of the strategy's theme weight the network works on.
    public var fit: Double
    /// How many members are cities like this one, saturating.
    public var peers: Double
    public var similarMembers: Int
    /// Practices and shared value from similar members, saturating.
    public var evidence: Double
    /// The value the city itself logged there in the last twelve months.
    public var loggedValue: Double
    /// How much of it the rest of the portfolio already gives: members and themes.
    public var redundancy: Double
    public var membersCovered: Double
    public var themesCovered: Double
    /// The networks of the portfolio that share most of its members (then of
    /// its themes), most first; named only for a network the advice leaves or reduces.
    public var coveredBy: [Int]
    /// Its fee as a share of the budget.
    public var cost: Double

    /// How alike a member must be (``CityLikeness`` score) to count as a peer.
    public static let peerLikeness = 0.6
    /// Counts at which peers and evidence reach two thirds of their score (1 − e^−1).
    static let peerScale = 5.0
    static let evidenceScale = 5.0

    /// Scores `network` for a city whose likeness to other cities is
    /// `likeness` (city id → score), against the other networks of `portfolio`.
    /// ``coveredBy`` is left empty: only the advice on leaving names them (``coverers(of:among:)``).
    public static func assess(
        _ network: NetworkFacts, weights: [Theme: Double], likeness: [Int: Double], commitment: NetworkCommitment?,
        fee: Double, budget: Double, portfolio: PortfolioCoverage
    ) -> NetworkAssessment {
        let totalWeight = weights.values.reduce(0, +)
        let themeWeight: Double = network.themes.reduce(0) { $0 + (weights[$1] ?? 0) }
        let fit: Double = totalWeight > 0 ? themeWeight / totalWeight : 0
        let similar = network.members.count { (likeness[$0] ?? 0) >= peerLikeness }
        let sharedValue: Double = Double(network.sharedValueEntries) * network.sharedMeanRating / 5
        let evidenceCount: Double = Double(network.practicesBySimilarMembers) + sharedValue
        let evidence: Double = 1 - exp(-evidenceCount / evidenceScale)
        let logged = commitment.map { loggedValue(entries: $0.recentValueEntries, meanRating: $0.recentMeanRating) }

        // What the other networks hold: the portfolio's counts, less this network's own.
        let own = portfolio.contains(network.id) ? 1 : 0
        let sharedMembers = network.members.count { portfolio.memberCounts[$0, default: 0] > own }
        let sharedThemes = network.themes.count { portfolio.themeCounts[$0, default: 0] > own }
        let membersCovered = network.members.isEmpty ? 0 : Double(sharedMembers) / Double(network.members.count)
        let themesCovered = network.themes.isEmpty ? 0 : Double(sharedThemes) / Double(network.themes.count)
        let peers: Double = 1 - exp(-Double(similar) / peerScale)
        let redundancy: Double = (membersCovered + themesCovered) / 2
        let cost: Double = budget > 0 ? min(1, fee / budget) : (fee > 0 ? 1 : 0)
        return NetworkAssessment(
            networkID: network.id, fit: fit, peers: peers, similarMembers: similar, evidence: evidence,
            loggedValue: logged ?? 0, redundancy: redundancy, membersCovered: membersCovered,
            themesCovered: themesCovered, coveredBy: [], cost: cost)
    }

    /// The other networks of `portfolio` that share `network`'s members or
    /// themes: most shared members first, then most shared themes.
    public static func coverers(of network: NetworkFacts, among portfolio: [NetworkFacts]) -> [Int] {
        let overlaps: [(id: Int, members: Int, themes: Int)] = portfolio.filter { $0.id != network.id }.map { other in
            (other.id, sharedCount(network.members, other.members), network.themes.count(where: other.themes.contains))
        }
        return overlaps.filter { $0.members > 0 || $0.themes > 0 }
            .sorted { ($0.members, $0.themes, -$0.id) > ($1.members, $1.themes, -$1.id) }.map(\.id)
    }

    /// A mean rating of 5 logged three times or more a year scores 1.
    static func loggedValue(entries: Int, meanRating: Double) -> Double {
        entries > 0 ? min(1, Double(entries) / 3) * max(0, min(5, meanRating)) / 5 : 0
    }

    /// How many ids two ascending lists share.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// What the network is worth beside its themes: peers the rest of the
    /// portfolio does not already bring, evidence from similar cities, and
    /// the value the city logged there itself, which counts most.
    var standaloneValue: Double {
        0.25 * peers * (1 - membersCovered) + 0.25 * evidence + 0.5 * loggedValue
    }
}

/// A portfolio's networks as assessments read them: how many of them each
/// member city and each theme is in, so that what the others already bring
/// is one lookup per member rather than a union of every other network's members.
public struct PortfolioCoverage: Sendable {
    public let networkIDs: Set<Int>
    let memberCounts: [Int: Int]
    let themeCounts: [Theme: Int]

    public init(_ networks: [NetworkFacts]) {
        networkIDs = Set(networks.map(\.id))
        var members: [Int: Int] = [:]
        var themes: [Theme: Int] = [:]
        for network in networks {
            for member in Set(network.members) { members[member, default: 0] += 1 }
            for theme in Set(network.themes) { themes[theme, default: 0] += 1 }
        }
        memberCounts = members
        themeCounts = themes
    }

    func contains(_ networkID: Int) -> Bool { networkIDs.contains(networkID) }
}
