/// A practice as the recommender sees it.
public struct PracticeCandidate: Sendable, Equatable {
    public var id: Int
    public var cityID: Int
    public var themes: ThemeSet

    public init(id: Int, cityID: Int, themes: ThemeSet) {
        self.id = id
        self.cityID = cityID
        self.themes = themes
    }
}

/// A city that could be a peer, with the themes it works on.
public struct PeerCandidate: Sendable, Equatable {
    public var profile: CityProfile
    public var themes: ThemeSet

    public init(profile: CityProfile, themes: ThemeSet) {
        self.profile = profile
        self.themes = themes
    }
}

/// One ranked item (a practice or a city) and why it ranks where it does.
public struct Recommendation: Sendable, Equatable {
    public var id: Int
    public var score: Double
    public var likeness: CityLikeness
    public var sharedThemes: [Theme]
}

/// "Done in cities like mine": ranks practices, or peer cities, by how alike
/// their cities are to one city and how well their themes fit its interests.
public enum PracticeRecommender {
    /// Likeness of the cities counts most: a practice on the right theme
    /// from a city unlike one's own rarely transfers as it is.
    public static let likenessWeight = 0.7

    /// The `limit` practices of other cities that best fit `city`, best
    /// first (ties by id). Practices whose city is missing from `cities` are skipped.
    public static func rank(
        practices: [PracticeCandidate], for city: CityProfile, interests: ThemeSet, cities: [Int: CityProfile],
        limit: Int
    ) -> [Recommendation] {
        var likenessByCity: [Int: CityLikeness] = [:]
        var best = TopScores(limit: limit)
        for practice in practices where practice.cityID != city.id {
            let likeness: CityLikeness
            if let known = likenessByCity[practice.cityID] {
                likeness = known
            } else {
                guard let other = cities[practice.cityID] else { continue }
                likeness = CityLikeness.between(city, other)
                likenessByCity[practice.cityID] = likeness
            }
            let score = combined(likeness.score, themes: practice.themes, interests: interests)
            if best.admits(score, id: practice.id) {
                best.insert(
                    Recommendation(
                        id: practice.id, score: score, likeness: likeness,
                        sharedThemes: practice.themes.intersection(interests).themes))
            }
        }
        return best.items
    }

    /// The `limit` cities most like `city` that work on `themes`, best first.
    public static func rankPeers(
        _ peers: [PeerCandidate], like city: CityProfile, themes: ThemeSet, limit: Int
    ) -> [Recommendation] {
        var best = TopScores(limit: limit)
        for peer in peers where peer.profile.id != city.id {
            let likeness = CityLikeness.between(city, peer.profile)
            let score = combined(likeness.score, themes: themes, interests: peer.themes)
            if best.admits(score, id: peer.profile.id) {
                best.insert(
                    Recommendation(
                        id: peer.profile.id, score: score, likeness: likeness,
                        sharedThemes: themes.intersection(peer.themes).themes))
            }
        }
        return best.items
    }

    /// Likeness and theme fit in one score; the share of the practice's
    /// themes the city is interested in. A city with no known interests is
    /// ranked on likeness alone.
    static func combined(_ likeness: Double, themes: ThemeSet, interests: ThemeSet) -> Double {
        guard !interests.isEmpty else { return likeness }
        let fit = themes.isEmpty ? 0 : Double(themes.intersection(interests).count) / Double(themes.count)
        return likenessWeight * likeness + (1 - likenessWeight) * fit
    }
}

/// The best `limit` recommendations seen so far, kept sorted (score
/// descending, then id ascending); for small limits a sorted insert beats a heap.
struct TopScores {
    let limit: Int
    private(set) var items: [Recommendation] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        items.reserveCapacity(self.limit + 1)
    }

    func admits(_ score: Double, id: Int) -> Bool {
        guard limit > 0 else { return false }
        guard items.count == limit, let last = items.last else { return true }
        return Self.precedes(score, id, last.score, last.id)
    }

    mutating func insert(_ item: Recommendation) {
        let position = items.firstIndex { Self.precedes(item.score, item.id, $0.score, $0.id) } ?? items.count
        items.insert(item, at: position)
        if items.count > limit { items.removeLast() }
    }

    static func precedes(_ score: Double, _ id: Int, _ otherScore: Double, _ otherID: Int) -> Bool {
        score != otherScore ? score > otherScore : id < otherID
    }
}
