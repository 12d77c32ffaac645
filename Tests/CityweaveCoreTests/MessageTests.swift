import Testing

@testable import CityweaveCore

@Suite struct MessageTests {
    @Test func placeholdersAreFilledByNameAndAMissingOneStaysVisible() {
        #expect(
            Message.fill("twin cities since {year}; {missing}") { $0 == "year" ? "1973" : nil }
                == "twin cities since 1973; {missing}")
        #expect(Message.fill("{a}{b} and a brace { left open") { $0.uppercased() } == "AB and a brace { left open")
        #expect(Message.placeholders(in: "{city} since {year}, {city}") == ["city", "year"])
    }

    @Test func aMessageReadsInEnglishWithItsValuesAndItsCount() {
        let members = Message(
            "network.members", one: "{count} member in {region}", other: "{count} members in {region}", count: 12_500,
            ["region": .text("Europe")])
        #expect(members.englishText == "12,500 members in Europe")
        #expect(
            Message("network.members", one: "{count} member", other: "{count} members", count: 1).englishText
                == "1 member")
        let nested = Message(
            "reason", "{share} of its members; {why}",
            ["share": .percent(0.823), "why": .message(Message("since", "since {year}", ["year": .year(1973)]))])
        #expect(nested.englishText == "82% of its members; since 1973")
    }
}
