import CityweaveSyntheticData
import Foundation
import Testing

@testable import CityweaveCore

@Suite struct CityLikenessTests {
    static func city(
        _ id: Int, population: Int, country: String = "FR", region: String = "Europe",
        subregion: String = "Western Europe", income: String = "High income", government: String? = nil,
        autonomy: String? = nil, staff: Int? = nil, languages: [String] = []
    ) -> CityProfile {
        CityProfile(
            id: id, population: population, countryCode: country, region: region, subregion: subregion,
            incomeGroup: income, formOfGovernment: government, fiscalAutonomy: autonomy, internationalStaff: staff,
            languages: languages)
    }

    @Test func identicalCitiesAreFullyAlikeWithEveryReason() {
        let a = Self.city(
            1, population: 800_000, government: "strong_mayor", autonomy: "high", staff: 10, languages: ["fr"])
        var b = a
        b.id = 2
        let likeness = CityLikeness.between(a, b)
        #expect(likeness.score == 1)
        #expect(
            likeness.reasons == [
                .similarSize, .sameIncomeGroup, .sameCountry, .sameGovernance, .sameFiscalAutonomy, .similarOffice,
                .sharedLanguage,
            ])
    }

    @Test func fieldsOneCityLeftEmptyCountForNeither() {
        let known = Self.city(1, population: 500_000, government: "strong_mayor")
        let unknown = Self.city(2, population: 500_000)
        #expect(CityLikeness.between(known, unknown).score == 1)
        let differs = Self.city(3, population: 500_000, government: "committee")
        #expect(CityLikeness.between(known, differs).score < 1)
        #expect(!CityLikeness.between(known, differs).reasons.contains(.sameGovernance))
    }

    @Test func likenessIsSymmetricAndFallsWithDistance() {
        let lyon = Self.city(1, population: 520_000)
        let madrid = Self.city(2, population: 3_300_000, country: "ES", subregion: "Southern Europe")
        let lagos = Self.city(
            3, population: 5_000_000, country: "NG", region: "Africa", subregion: "Western Africa",
            income: "Lower middle income")
        #expect(CityLikeness.between(lyon, madrid) == CityLikeness.between(madrid, lyon))
        #expect(CityLikeness.between(lyon, madrid).score > CityLikeness.between(lyon, lagos).score)
        #expect(CityLikeness.between(lyon, lagos).reasons.isEmpty)
        #expect(CityLikeness.between(madrid, lagos).reasons == [.similarSize])
    }

    /// English answers read as they did before the reasons were worded: as their raw values.
    @Test func everyReasonReadsInEnglishAsItsCode() {
        for reason in LikenessReason.allCases {
            #expect(reason.message.englishText == reason.rawValue)
        }
    }

    @Test func theReferenceNamesOfRegionsAndIncomeGroupsAreWordedAndOthersShownAsWritten() {
        for group in CityProfile.incomeGroups {
            #expect(ReferenceName.incomeGroup(group).key.hasPrefix("income-group."), "\(group)")
            #expect(ReferenceName.incomeGroup(group).englishText == group)
        }
        for region in ["Africa", "Americas", "Asia", "Europe", "Oceania", "South-Eastern Asia"] {
            #expect(ReferenceName.region(region).key.hasPrefix("region."), "\(region)")
            #expect(ReferenceName.region(region).englishText == region)
        }
        #expect(ReferenceName.region("Atlantis").key.isEmpty)
        #expect(ReferenceName.region("Atlantis").englishText == "Atlantis")
    }
}

@Suite struct PracticeRecommenderTests {
    static func randomCities(_ count: Int, using random: inout SeededGenerator) -> [Int: CityProfile] {
        let incomes = ["Low income", "Lower middle income", "Upper middle income", "High income", ""]
        let places = [
            ("FR", "Europe", "Western Europe"), ("DE", "Europe", "Western Europe"), ("KE", "Africa", "Eastern Africa"),
            ("BR", "Americas", "South America"),
        ]
        var cities: [Int: CityProfile] = [:]
        for id in 1...count {
            let place = places.randomElement(using: &random)!
            cities[id] = CityProfile(
                id: id, population: Int.random(in: 10_000...20_000_000, using: &random), countryCode: place.0,
                region: place.1, subregion: place.2, incomeGroup: incomes.randomElement(using: &random)!,
                formOfGovernment: Bool.random(using: &random)
                    ? ["strong_mayor", "committee"].randomElement(using: &random) : nil,
                fiscalAutonomy: Bool.random(using: &random)
                    ? ["low", "medium", "high"].randomElement(using: &random) : nil,
                internationalStaff: Bool.random(using: &random) ? Int.random(in: 0...40, using: &random) : nil,
                languages: Bool.random(using: &random) ? [["en", "fr", "pt", "sw"].randomElement(using: &random)!] : [])
        }
        return cities
    }

    static func randomThemes(using random: inout SeededGenerator) -> ThemeSet {
        ThemeSet(rawValue: UInt32.random(in: 0..<(1 << UInt32(Theme.allCases.count)), using: &random))
    }

    @Test(arguments: 1...20)
    func rankingEqualsSortingEveryPracticeByBruteForce(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let cities = Self.randomCities(30, using: &random)
        let practices = (1...300).map { id in
            // City 31 is not in the directory: its practices are skipped.
            PracticeCandidate(
                id: id, cityID: Int.random(in: 1...31, using: &random), themes: Self.randomThemes(using: &random))
        }
        let home = cities[1]!
        let interests = seed % 4 == 0 ? [] : Self.randomThemes(using: &random)
        let limit = Int.random(in: 1...40, using: &random)

        let ranked = PracticeRecommender.rank(
            practices: practices, for: home, interests: interests, cities: cities, limit: limit)

        var scored: [(id: Int, score: Double)] = []
        for practice in practices where practice.cityID != home.id {
            guard let city = cities[practice.cityID] else { continue }
            scored.append((practice.id, Self.bruteForceScore(home, city, practice.themes, interests)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        let expected = scored.prefix(limit).map { ($0.id, $0.score) }
        #expect(ranked.map(\.id) == expected.map(\.0))
        for (item, reference) in zip(ranked, expected) { #expect(abs(item.score - reference.1) < 1e-12) }
    }

    /// The score as the recommender documents it, written out again.
    static func bruteForceScore(_ home: CityProfile, _ city: CityProfile, _ themes: ThemeSet, _ interests: ThemeSet)
        -> Double
    {
        let likeness = CityLikeness.between(home, city).score
        if interests.isEmpty { return likeness }
        let shared = Double(themes.intersection(interests).count)
        let fit = themes.isEmpty ? 0 : shared / Double(themes.count)
        return 0.7 * likeness + 0.3 * fit
    }

    @Test(arguments: 1...10)
    func peerRankingEqualsBruteForce(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let cities = Self.randomCities(60, using: &random)
        let peers = cities.keys.sorted().map {
            PeerCandidate(profile: cities[$0]!, themes: Self.randomThemes(using: &random))
        }
        let home = cities[7]!
        let themes = Self.randomThemes(using: &random)
        let ranked = PracticeRecommender.rankPeers(peers, like: home, themes: themes, limit: 10)
        var scored: [(id: Int, score: Double)] = []
        for peer in peers where peer.profile.id != home.id {
            scored.append((peer.profile.id, Self.bruteForceScore(home, peer.profile, themes, peer.themes)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        let expected: [Int] = scored.prefix(10).map { $0.id }
        #expect(ranked.map { $0.id } == expected)
    }

    @Test func sharedThemesAndReasonsExplainTheRanking() {
        let home = CityLikenessTests.city(1, population: 1_000_000, government: "strong_mayor")
        let twin = CityLikenessTests.city(2, population: 1_200_000, government: "strong_mayor")
        let ranked = PracticeRecommender.rank(
            practices: [PracticeCandidate(id: 9, cityID: 2, themes: ThemeSet([.health, .housing]))], for: home,
            interests: ThemeSet([.health]), cities: [1: home, 2: twin], limit: 5)
        #expect(ranked.first?.sharedThemes == [.health])
        #expect(ranked.first?.likeness.reasons.contains(.sameGovernance) == true)
    }
}
