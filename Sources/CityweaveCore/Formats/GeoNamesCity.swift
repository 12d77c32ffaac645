import Foundation

/// One populated place from GeoNames.
public struct GeoNamesCity: Sendable, Hashable {
    public var geonameid: Int
    public var name: String
    public var countryCode: String
    public var admin1Code: String
    public var location: GeoPoint
    public var population: Int
    public var alternateNames: [String]

    public init(
        geonameid: Int, name: String, countryCode: String, admin1Code: String, location: GeoPoint,
        population: Int, alternateNames: [String]
    ) {
        self.geonameid = geonameid
        self.name = name
        self.countryCode = countryCode
        self.admin1Code = admin1Code
        self.location = location
        self.population = population
        self.alternateNames = alternateNames
    }

    /// Alternate names worth searching: airport codes and names that fold to
    /// the same key as the main name or an earlier alternate are left out.
    public var distinctAlternateNames: [String] {
        var seen: Set<String> = [NameKey.fold(name)]
        return alternateNames.filter { alternate in
            let isAirportCode =
                (3...4).contains(alternate.count)
                && alternate.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
            return !isAirportCode && seen.insert(NameKey.fold(alternate)).inserted
        }
    }
}

/// Why a line of a GeoNames file could not be read.
public struct GeoNamesLineError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var value: String

    public var description: String { "\(field) '\(value)' is not valid" }
}

extension GeoNamesCity {
    /// Parses one line of GeoNames' `citiesNNN.txt` / `allCountries.txt`
    /// (19 tab-separated fields; see the GeoNames readme).
    public init(geoNamesLine line: Substring) throws(GeoNamesLineError) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 19 else {
            throw GeoNamesLineError(field: "field count", value: "\(fields.count) (expected 19)")
        }
        try self.init(
            geonameid: fields[0], name: fields[1], countryCode: fields[8], admin1Code: fields[10],
            latitude: fields[4], longitude: fields[5], population: fields[14],
            alternateNames: fields[3].split(separator: ",").map(String.init))
    }

    /// Parses one line of the compact reference file the project ships
    /// (`geonameid, name, country, admin1, latitude, longitude, population,
    /// alternate_names` with `|` between alternate names).
    public init(referenceLine line: Substring) throws(GeoNamesLineError) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 8 else {
            throw GeoNamesLineError(field: "field count", value: "\(fields.count) (expected 8)")
        }
        try self.init(
            geonameid: fields[0], name: fields[1], countryCode: fields[2], admin1Code: fields[3],
            latitude: fields[4], longitude: fields[5], population: fields[6],
            alternateNames: fields[7].split(separator: "|").map(String.init))
    }

    private init(
        geonameid: Substring, name: Substring, countryCode: Substring, admin1Code: Substring,
        latitude: Substring, longitude: Substring, population: Substring, alternateNames: [String]
    ) throws(GeoNamesLineError) {
        guard let id = Int(geonameid), id > 0 else {
            throw GeoNamesLineError(field: "geonameid", value: String(geonameid))
        }
        guard !name.isEmpty else { throw GeoNamesLineError(field: "name", value: "") }
        guard countryCode.count == 2 else {
            throw GeoNamesLineError(field: "country code", value: String(countryCode))
        }
        guard let lat = Double(latitude), (-90...90).contains(lat) else {
            throw GeoNamesLineError(field: "latitude", value: String(latitude))
        }
        guard let lng = Double(longitude), (-180...180).contains(lng) else {
            throw GeoNamesLineError(field: "longitude", value: String(longitude))
        }
        guard let people = population.isEmpty ? 0 : Int(population), people >= 0 else {
            throw GeoNamesLineError(field: "population", value: String(population))
        }
        self.init(
            geonameid: id, name: String(name), countryCode: String(countryCode),
            admin1Code: String(admin1Code), location: GeoPoint(latitude: lat, longitude: lng),
            population: people, alternateNames: alternateNames)
    }
}
