import Benchmark
import CityweaveCore
import CityweaveSyntheticData

/// 100,000 practices of 20,000 cities with full context profiles.
struct GeneratedPractices {
    var cities: [Int: CityProfile] = [:]
    var practices: [PracticeCandidate] = []

    init(practices count: Int, cities cityCount: Int) {
        var random = SeededGenerator(seed: 2026)
        let incomes = ["Low income", "Lower middle income", "Upper middle income", "High income"]
        let places = [
            ("FR", "Europe", "Western Europe"), ("BR", "Americas", "South America"), ("KE", "Africa", "Eastern Africa"),
            ("IN", "Asia", "Southern Asia"), ("JP", "Asia", "Eastern Asia"),
            ("AU", "Oceania", "Australia and New Zealand"),
        ]
        for id in 1...cityCount {
            let place = places.randomElement(using: &random)!
            cities[id] = CityProfile(
                id: id, population: Int.random(in: 20_000...20_000_000, using: &random), countryCode: place.0,
                region: place.1, subregion: place.2, incomeGroup: incomes.randomElement(using: &random)!,
                formOfGovernment: ["strong_mayor", "council_manager", "committee"].randomElement(using: &random),
                fiscalAutonomy: ["low", "medium", "high"].randomElement(using: &random),
                internationalStaff: Int.random(in: 0...50, using: &random),
                languages: [["en", "fr", "pt", "sw", "hi", "ja"].randomElement(using: &random)!])
        }
        practices = (1...count).map { id in
            PracticeCandidate(
                id: id, cityID: Int.random(in: 1...cityCount, using: &random),
                themes: ThemeSet(Theme.allCases.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))))
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 200)
    let generated = GeneratedPractices(practices: 100_000, cities: 20_000)
    let interests = ThemeSet([.health, .housing, .climate])

    Benchmark("Rank 100,000 practices of 20,000 cities for one city (top 20)") { benchmark in
        for iteration in benchmark.scaledIterations {
            let city = generated.cities[1 + iteration % 20_000]!
            blackHole(
                PracticeRecommender.rank(
                    practices: generated.practices, for: city, interests: interests, cities: generated.cities, limit: 20
                ))
        }
    }

    Benchmark("Rank the peers among 20,000 cities for one practice (top 10)") { benchmark in
        let peers = generated.cities.values.map { PeerCandidate(profile: $0, themes: interests) }
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let city = generated.cities[1 + iteration % 20_000]!
            blackHole(PracticeRecommender.rankPeers(peers, like: city, themes: ThemeSet([.health]), limit: 10))
        }
    }
}
