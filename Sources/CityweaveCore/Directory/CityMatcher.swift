import Foundation

/// A city as the matcher sees it: where it is and every name it goes by.
public struct MatchableCity: Sendable {
    public var id: Int
    public var countryCode: String
    public var admin1Code: String
    public var location: GeoPoint
    public var population: Int
    /// Folded names (see ``NameKey``): the main name first, then alternates.
    public var keys: [String]

    public init(
        id: Int, countryCode: String, admin1Code: String, location: GeoPoint, population: Int,
        keys: [String]
    ) {
        self.id = id
        self.countryCode = countryCode
        self.admin1Code = admin1Code
        self.location = location
        self.population = population
        self.keys = keys
    }
}

/// A city as a file names it.
public struct CityReference: Sendable, Hashable {
    public var name: String
    public var countryCode: String?
    /// A state or province, by name or code ("Oregon", "OR").
    public var admin1: String?
    public var location: GeoPoint?

    public init(name: String, countryCode: String?, admin1: String? = nil, location: GeoPoint? = nil) {
        self.name = name
        self.countryCode = countryCode
        self.admin1 = admin1
        self.location = location
    }
}

/// What matching a reference gave.
public enum CityMatch: Sendable, Equatable {
    /// The city with this id; `distanceKm` is nil when the reference had no coordinates.
    case matched(id: Int, how: How, distanceKm: Double?)
    case unmatched(reason: String)

    public enum How: String, Sendable {
        case name = "by name"
        case nearbySpelling = "by a close spelling nearby"
        case dominantNamesake = "by name in the country, ignoring coordinates that fit no namesake"
    }

    public var id: Int? {
        if case .matched(let id, _, _) = self { return id }
        return nil
    }
}

/// Finds the city a file means by its name, alternate names, country,
/// state and coordinates.
public struct CityMatcher: Sendable {
    /// How far the file's coordinates may be from the city's point: files
    /// often place a municipality's centroid or a neighbouring town.
    public static let nameMatchRadiusKm = 60.0
    /// How many times larger than any namesake a city must be to be chosen
    /// when the file's coordinates fit none of them.
    public static let dominanceRatio = 5
    /// How far a differently spelt city may be (a typo and a neighbour look alike).
    public static let spellingMatchRadiusKm = 15.0

    private let cities: [MatchableCity]
    private var byKey: [String: [Int32]] = [:]
    private var grid: [GridCell: [Int32]] = [:]
    /// Folded state names by "CC.code", for telling "Portland, Oregon" from "Portland, Maine".
    private let admin1Names: [String: String]

    private struct GridCell: Hashable {
        var latitude: Int
        var longitude: Int
    }

    public init(cities: [MatchableCity], admin1Names: [String: String] = [:]) {
        self.cities = cities
        self.admin1Names = admin1Names.mapValues(NameKey.fold)
        for (index, city) in cities.enumerated() {
            let position = Int32(index)
            var seen = Set<String>()
            for key in city.keys {
                for variant in [key, NameKey.compact(key)] where seen.insert(variant).inserted {
                    byKey[variant, default: []].append(position)
                }
            }
            grid[Self.cell(city.location), default: []].append(position)
        }
    }

    private static func cell(_ point: GeoPoint) -> GridCell {
        GridCell(latitude: Int(floor(point.latitude)), longitude: Int(floor(point.longitude)))
    }

    /// Words that name an administrative unit rather than the place
    /// ("Loudoun County", "City of Cockburn", "Yongin-si").
    static let administrativeWords: Set<String> = [
        "city", "town", "district", "county", "municipality", "borough", "township", "commune", "municipio",
        "gemeinde", "kommune", "rayon", "raion", "region", "province", "prefecture", "si", "gun", "gu", "shi",
        "xian", "qu", "ku", "machi", "cho", "of",
    ]

    /// The folded names a written name may stand for: itself; without a
    /// parenthesis or a part after a comma ("Córdoba, Bolívar"); each part of
    /// a joined name ("Hangzhou – Fuyang"); without administrative words; and
    /// with "St." spelt out.
    static func nameVariants(_ written: String) -> (keys: [String], qualifier: String?) {
        var keys: [String] = []
        var qualifier: String?
        func add(_ text: String) {
            let key = NameKey.fold(text)
            guard !key.isEmpty else { return }
            let words = key.split(separator: " ")
            let bare = words.filter { !administrativeWords.contains(String($0)) }.joined(separator: " ")
            var variants = [key, NameKey.compact(key)] + saintVariants(key)
            if !bare.isEmpty, bare != key { variants += [bare, NameKey.compact(bare)] }
            for variant in variants where !keys.contains(variant) {
                keys.append(variant)
            }
        }
        add(written)
        var base = written
        if let open = written.firstIndex(of: "("), let close = written.lastIndex(of: ")"), open < close {
            base = String(written[..<open])
            add(base)
            qualifier = String(written[written.index(after: open)..<close])
        }
        if let comma = base.firstIndex(of: ",") {
            add(String(base[..<comma]))
            qualifier = qualifier ?? String(base[base.index(after: comma)...])
        }
        for separator in [" – ", " — ", " - ", "/", "-"] where base.contains(separator) {
            for part in base.components(separatedBy: separator) { add(part) }
        }
        return (keys, qualifier?.trimmingCharacters(in: .whitespaces))
    }

    private static func saintVariants(_ key: String) -> [String] {
        for prefix in ["st ", "ste ", "sv ", "s "] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            return ["saint " + rest, "sainte " + rest, "sankt " + rest, "san " + rest, "santa " + rest]
        }
        return []
    }

    /// Matches one reference to one city.
    public func match(_ reference: CityReference) -> CityMatch {
        let (keys, qualifier) = Self.nameVariants(reference.name)
        guard !keys.isEmpty else { return .unmatched(reason: "the city name is empty") }
        var candidates: [Int32] = []
        for key in keys { candidates += byKey[key] ?? [] }
        // In one order every time, so that namesakes of equal size fall the same way on every load.
        candidates = Array(Set(candidates)).sorted()

        let inCountry = candidates.filter {
            reference.countryCode == nil || cities[Int($0)].countryCode == reference.countryCode
        }
        let region = reference.admin1 ?? qualifier
        if let location = reference.location {
            // Coordinates decide between namesakes; the country only narrows.
            let pool = inCountry.isEmpty ? candidates : inCountry
            if let nearest = pool.min(by: { distance($0, location) < distance($1, location) }) {
                let km = distance(nearest, location)
                if km <= Self.nameMatchRadiusKm {
                    return .matched(id: cities[Int(nearest)].id, how: .name, distanceKm: km)
                }
            }
            if let nearby = nearbySpelling(keys: keys, location: location, countryCode: reference.countryCode) {
                return nearby
            }
            // Coordinates that are plainly wrong ("Birmingham, United States" placed in England)
            // do not overrule a country with one namesake that stands out.
            if let dominant = dominantNamesake(inCountry) {
                return .matched(
                    id: cities[Int(dominant)].id, how: .dominantNamesake, distanceKm: distance(dominant, location))
            }
            if let nearest = pool.min(by: { distance($0, location) < distance($1, location) }) {
                return .unmatched(
                    reason: "the nearest city of that name is \(Int(distance(nearest, location).rounded())) km away")
            }
            return .unmatched(reason: "no city of that name\(reference.countryCode.map { " in \($0)" } ?? "")")
        }
        guard !inCountry.isEmpty else {
            return .unmatched(reason: "no city of that name\(reference.countryCode.map { " in \($0)" } ?? "")")
        }
        var pool = inCountry
        if let region, !region.isEmpty {
            let inRegion = pool.filter { isInRegion(cities[Int($0)], region) }
            if !inRegion.isEmpty {
                pool = inRegion
            } else if reference.admin1 != nil {
                return .unmatched(reason: "no city of that name in \(region)")
            }
        }
        // Without coordinates the most populous namesake is the one files mean.
        let best = pool.max { cities[Int($0)].population < cities[Int($1)].population }!
        return .matched(id: cities[Int(best)].id, how: .name, distanceKm: nil)
    }

    /// The only namesake, or one at least ``dominanceRatio`` times as populous as the next.
    private func dominantNamesake(_ pool: [Int32]) -> Int32? {
        let ranked = pool.sorted { cities[Int($0)].population > cities[Int($1)].population }
        guard let first = ranked.first else { return nil }
        if ranked.count == 1 { return first }
        let second = cities[Int(ranked[1])].population
        return cities[Int(first)].population >= Self.dominanceRatio * max(second, 1) ? first : nil
    }

    private func distance(_ position: Int32, _ location: GeoPoint) -> Double {
        cities[Int(position)].location.distance(to: location)
    }

    private func isInRegion(_ city: MatchableCity, _ region: String) -> Bool {
        let key = NameKey.fold(region)
        if key == city.admin1Code.lowercased() { return true }
        return admin1Names["\(city.countryCode).\(city.admin1Code)"] == key
    }

    /// Whether `words` appears in `text` as whole words ("formentera" in "sant francesc de formentera").
    static func containsWords(_ text: String, _ words: String) -> Bool {
        text.count > words.count && " \(text) ".contains(" \(words) ")
    }

    /// A city within ``spellingMatchRadiusKm`` whose name is within two edits
    /// of the written one, or holds it as whole words ("Frankfurt" for "Frankfurt am Main").
    private func nearbySpelling(keys: [String], location: GeoPoint, countryCode: String?) -> CityMatch? {
        let centre = Self.cell(location)
        var best: (position: Int32, km: Double)?
        for dLat in -1...1 {
            for dLon in -1...1 {
                let cell = GridCell(latitude: centre.latitude + dLat, longitude: centre.longitude + dLon)
                for position in grid[cell] ?? [] {
                    let city = cities[Int(position)]
                    if let countryCode, city.countryCode != countryCode { continue }
                    let km = city.location.distance(to: location)
                    guard km <= Self.spellingMatchRadiusKm, km < (best?.km ?? .infinity) else { continue }
                    if Self.spellingsAgree(keys, city.keys) { best = (position, km) }
                }
            }
        }
        guard let best else { return nil }
        return .matched(id: cities[Int(best.position)].id, how: .nearbySpelling, distanceKm: best.km)
    }

    static func spellingsAgree(_ written: [String], _ known: [String]) -> Bool {
        for a in written where a.count >= 4 {
            for b in known where b.count >= 4 {
                if containsWords(b, a) || containsWords(a, b) { return true }
                if abs(a.count - b.count) <= 2, EditDistance.levenshtein(a, b, limit: 2) <= 2 { return true }
            }
        }
        return false
    }
}
