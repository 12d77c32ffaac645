import Foundation

/// A country as the resolver knows it.
public struct CountryName: Sendable, Hashable {
    public var iso2: String
    public var iso3: String
    public var name: String

    public init(iso2: String, iso3: String, name: String) {
        self.iso2 = iso2
        self.iso3 = iso3
        self.name = name
    }
}

/// Turns a country as people write it ("England, United Kingdom", "Grece",
/// "Georgia (country)", "DE", "DEU") into an ISO 3166-1 alpha-2 code.
public struct CountryResolver: Sendable {
    /// Names in common English use that differ from GeoNames' short names,
    /// and the constituent nations of the United Kingdom.
    static let aliases: [String: String] = [
        "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
        "great britain": "GB", "uk": "GB", "britain": "GB",
        "republic of ireland": "IE", "ivory coast": "CI", "cote d ivoire": "CI",
        "czech republic": "CZ", "czechia": "CZ", "moldavia": "MD",
        "northern cyprus": "CY", "turkish republic of northern cyprus": "CY",
        "palestine": "PS", "state of palestine": "PS", "east timor": "TL",
        "timor leste": "TL", "macedonia": "MK", "north macedonia": "MK",
        "republic of macedonia": "MK", "burma": "MM", "swaziland": "SZ", "eswatini": "SZ",
        "cape verde": "CV", "cabo verde": "CV", "congo": "CG", "republic of the congo": "CG",
        "democratic republic of the congo": "CD", "dr congo": "CD", "drc": "CD",
        "south korea": "KR", "korea": "KR", "republic of korea": "KR",
        "north korea": "KP", "russia": "RU", "russian federation": "RU",
        "usa": "US", "united states of america": "US", "us": "US", "america": "US",
        "vatican city": "VA", "holy see": "VA", "the netherlands": "NL", "holland": "NL",
        "taiwan": "TW", "republic of china": "TW", "people s republic of china": "CN",
        "vietnam": "VN", "viet nam": "VN", "laos": "LA", "syria": "SY", "iran": "IR",
        "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "brunei": "BN",
        "the gambia": "GM", "gambia": "GM", "the bahamas": "BS", "bahamas": "BS",
        "micronesia": "FM", "federated states of micronesia": "FM",
        "saint kitts and nevis": "KN", "st kitts and nevis": "KN",
        "saint lucia": "LC", "st lucia": "LC", "saint vincent and the grenadines": "VC",
        "sao tome and principe": "ST", "kosovo": "XK", "western sahara": "EH",
        "sahrawi arab democratic republic": "EH", "faroe islands": "FO", "faroes": "FO",
        "aland islands": "AX", "aland": "AX", "curacao": "CW", "reunion": "RE",
        "hong kong": "HK", "macau": "MO", "macao": "MO", "bosnia": "BA",
        "bosnia herzegovina": "BA", "trinidad": "TT", "united arab emirates": "AE", "uae": "AE",
        "kyrgyz republic": "KG", "slovak republic": "SK", "lao pdr": "LA",
        "us virgin islands": "VI", "british virgin islands": "VG",
    ]

    private var byKey: [String: String] = [:]
    private var keys: [String] = []

    public init(countries: [CountryName]) {
        for country in countries {
            let key = NameKey.fold(country.name)
            byKey[key] = country.iso2
            // "The Netherlands" is written "Netherlands" more often than not.
            if key.hasPrefix("the ") { byKey[String(key.dropFirst(4))] = country.iso2 }
            byKey[country.iso2.lowercased()] = country.iso2
            byKey[country.iso3.lowercased()] = country.iso2
        }
        let known = Set(countries.map(\.iso2))
        for (alias, iso2) in Self.aliases where known.contains(iso2) {
            byKey[alias] = iso2
        }
        keys = byKey.keys.filter { $0.count > 3 }.sorted()
    }

    /// The ISO alpha-2 code of a country as written, or nil when it is unknown.
    ///
    /// Tried in turn: the whole text; the text without a parenthesis
    /// ("Georgia (country)"); each comma-separated part, first to last
    /// ("Réunion, France" is Réunion); then a misspelling within two edits
    /// ("Grece") when one country alone is that close.
    public func resolve(_ written: String) -> String? {
        let trimmed = written.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        var attempts = [trimmed]
        if let parenthesis = trimmed.firstIndex(of: "(") {
            attempts.append(String(trimmed[..<parenthesis]))
        }
        attempts += trimmed.split(separator: ",").map(String.init)
        for attempt in attempts {
            if let iso2 = byKey[NameKey.fold(attempt)] { return iso2 }
        }
        let key = NameKey.fold(attempts.last ?? trimmed)
        guard key.count > 3 else { return nil }
        var best: (iso2: String, distance: Int)?
        var tie = false
        for candidate in keys where abs(candidate.count - key.count) <= 2 {
            let distance = EditDistance.levenshtein(key, candidate, limit: 2)
            guard distance <= 2 else { continue }
            if let current = best {
                if distance < current.distance {
                    best = (byKey[candidate]!, distance)
                    tie = false
                } else if distance == current.distance, byKey[candidate] != current.iso2 {
                    tie = true
                }
            } else {
                best = (byKey[candidate]!, distance)
            }
        }
        return tie ? nil : best?.iso2
    }
}
