import Testing

@testable import CityweaveCore

@Suite struct CityMatcherTests {
    static func city(
        _ id: Int, _ country: String, _ admin1: String, _ lat: Double, _ lng: Double, _ population: Int,
        _ names: [String]
    ) -> MatchableCity {
        MatchableCity(
            id: id, countryCode: country, admin1Code: admin1, location: GeoPoint(latitude: lat, longitude: lng),
            population: population, keys: names.map(NameKey.fold))
    }

    let matcher = CityMatcher(
        cities: [
            city(1, "US", "OR", 45.52, -122.68, 652_503, ["Portland"]),
            city(2, "US", "ME", 43.66, -70.26, 66_215, ["Portland"]),
            city(3, "DE", "07", 50.93, 6.95, 1_024_621, ["Köln", "Cologne", "Kölle"]),
            city(4, "US", "AL", 33.52, -86.80, 196_357, ["Birmingham"]),
            city(5, "US", "MI", 42.55, -83.21, 20_857, ["Birmingham"]),
            city(6, "GB", "ENG", 52.48, -1.90, 984_333, ["Birmingham"]),
            city(7, "DE", "06", 50.11, 8.68, 650_000, ["Frankfurt am Main", "Frankfurt"]),
            city(8, "CN", "30", 30.05, 119.95, 700_000, ["Fuyang"]),
            city(9, "KR", "41", 37.24, 127.18, 1_000_000, ["Yongin"]),
            city(10, "US", "IL", 39.80, -89.64, 116_250, ["Springfield"]),
            city(11, "US", "MO", 37.22, -93.30, 169_176, ["Springfield"]),
        ],
        admin1Names: ["US.OR": "Oregon", "US.ME": "Maine"])

    @Test func coordinatesTellNamesakesApart() {
        #expect(
            matcher.match(.init(name: "Portland", countryCode: "US", location: .init(latitude: 43.7, longitude: -70.3)))
                .id == 2)
        #expect(
            matcher.match(
                .init(name: "Portland", countryCode: "US", location: .init(latitude: 45.5, longitude: -122.6))
            ).id == 1)
    }

    @Test func aStateTellsNamesakesApartWithoutCoordinates() {
        #expect(matcher.match(.init(name: "Portland", countryCode: "US", admin1: "Maine")).id == 2)
        #expect(matcher.match(.init(name: "Portland", countryCode: "US", admin1: "OR")).id == 1)
        #expect(
            matcher.match(.init(name: "Portland", countryCode: "US")).id == 1, "the larger namesake without a state")
        #expect(matcher.match(.init(name: "Portland", countryCode: "US", admin1: "Texas")).id == nil)
    }

    @Test func alternateNamesAndAccentsMatch() {
        #expect(matcher.match(.init(name: "Cologne", countryCode: "DE")).id == 3)
        #expect(matcher.match(.init(name: "KOLN", countryCode: "DE")).id == 3)
    }

    @Test func aQualifiedOrJoinedNameMatchesByItsParts() {
        #expect(matcher.match(.init(name: "Köln (Nordrhein-Westfalen)", countryCode: "DE")).id == 3)
        #expect(
            matcher.match(
                .init(name: "Hangzhou – Fuyang", countryCode: "CN", location: .init(latitude: 30.0, longitude: 119.9))
            ).id == 8)
        #expect(matcher.match(.init(name: "Yongin-si", countryCode: "KR")).id == 9)
    }

    @Test func aCloseSpellingNearbyMatches() {
        guard
            case .matched(let id, let how, _) = matcher.match(
                .init(name: "Frankfort", countryCode: "DE", location: .init(latitude: 50.1, longitude: 8.7)))
        else {
            Issue.record("no match")
            return
        }
        #expect(id == 7)
        #expect(how == .nearbySpelling)
    }

    @Test func coordinatesThatFitNoNamesakeYieldToAStandoutCity() {
        // "Birmingham, United States" placed in England: Birmingham, Alabama is ten times Birmingham, Michigan.
        let match = matcher.match(
            .init(name: "Birmingham", countryCode: "US", location: .init(latitude: 52.48, longitude: -1.90)))
        guard case .matched(let id, let how, _) = match else {
            Issue.record("no match")
            return
        }
        #expect(id == 4)
        #expect(how == .dominantNamesake)
        // Two Springfields of comparable size: coordinates this far off leave no choice.
        #expect(
            matcher.match(.init(name: "Springfield", countryCode: "US", location: .init(latitude: 0, longitude: 0))).id
                == nil)
    }

    @Test func unmatchedSaysWhy() {
        #expect(
            matcher.match(.init(name: "Atlantis", countryCode: "US"))
                == .unmatched(reason: "no city of that name in US"))
        guard
            case .unmatched(let reason) = matcher.match(
                .init(name: "Köln", countryCode: "US", location: .init(latitude: 40, longitude: -100)))
        else {
            Issue.record("matched")
            return
        }
        #expect(reason.contains("km away"))
    }
}
