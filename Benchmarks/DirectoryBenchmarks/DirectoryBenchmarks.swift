import Benchmark
import CityweaveCore
import CompressNIO
import Foundation
import NIOCore

/// The shipped GeoNames cities and the twin-town pairs of ../shared/data, read once.
struct RealData: @unchecked Sendable {
    var cities: [GeoNamesCity]
    var pairs: CSVTable

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let twinTowns = folder.deletingLastPathComponent().appendingPathComponent(
        "shared/data/twin-cities-wikipedia.csv")

    static func load() throws -> RealData? {
        let twins = twinTowns
        guard FileManager.default.fileExists(atPath: twins.path) else {
            print("../shared/data is not here: the benchmarks on real data are skipped")
            return nil
        }
        var compressed = ByteBuffer(
            bytes: try Data(contentsOf: folder.appendingPathComponent("Resources/Reference/cities.tsv.gz")))
        let text = String(buffer: try compressed.decompress(with: .gzip()))
        let cities = try text.split(separator: "\n").dropFirst().map { try GeoNamesCity(referenceLine: $0) }
        return RealData(cities: cities, pairs: try CSVTable(text: String(contentsOf: twins, encoding: .utf8)))
    }

    var matchableCities: [MatchableCity] {
        cities.map { city in
            MatchableCity(
                id: city.geonameid, countryCode: city.countryCode, admin1Code: city.admin1Code, location: city.location,
                population: city.population,
                keys: ([city.name] + city.distinctAlternateNames).map(NameKey.fold))
        }
    }

    /// Both cities of every pair, as the partnership import reads them.
    func references(resolver: CountryResolver) -> [CityReference] {
        pairs.rows.flatMap { row in
            [(0, 1, 2, 3), (4, 5, 6, 7)].map { city, country, lat, lng in
                CityReference(
                    name: row.fields[city], countryCode: resolver.resolve(row.fields[country]),
                    location: Double(row.fields[lat]).flatMap { lat in
                        Double(row.fields[lng]).map { GeoPoint(latitude: lat, longitude: $0) }
                    })
            }
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 20)
    guard let data = try! RealData.load() else { return }
    let countries = Set(data.cities.map(\.countryCode)).map { CountryName(iso2: $0, iso3: $0, name: $0) }

    Benchmark("Index the 170,391 GeoNames cities for matching") { benchmark in
        let cities = data.matchableCities
        benchmark.startMeasurement()
        blackHole(CityMatcher(cities: cities))
    }

    Benchmark("Match both cities of the 25,917 twin-town pairs") { benchmark in
        let matcher = CityMatcher(cities: data.matchableCities)
        let references = data.references(resolver: CountryResolver(countries: countries))
        benchmark.startMeasurement()
        var matched = 0
        for reference in references where matcher.match(reference).id != nil { matched += 1 }
        blackHole(matched)
    }

    Benchmark("Fold the names of 170,391 cities") { benchmark in
        for city in data.cities { blackHole(NameKey.fold(city.name)) }
    }

    serverBenchmarks(twinTowns: RealData.twinTowns)
}
