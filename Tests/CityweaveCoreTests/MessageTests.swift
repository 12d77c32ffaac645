import Foundation
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

    @Test func aStoredMessageReadsBackWhateverItsValuesAndKeepsItsWrittenForm() throws {
        let reasons = Message(
            "aid-reason.rank", one: "{place} nearest of {count} compatible offer",
            other: "{place} nearest of {count} compatible offers", count: 5,
            [
                "place": .ordinal(2), "rating": .fixed(4.5, digits: 1), "share": .percent(0.25), "hours": .decimal(1.5),
                "year": .year(1973), "day": .day(Date(timeIntervalSince1970: 86_400)), "name": .text("Wuhan"),
                "list": .list([.name("C40"), .name("UCLG")]), "either": .alternatives([.name("A"), .name("B")]),
                "theme": .lowercased(Message("theme.health", "Health")), "why": .series([.name("one"), .name("two")]),
                "nested": .message(.name("Milan")),
            ])
        let stored = try JSONEncoder().encode(reasons)
        #expect(try JSONDecoder().decode(Message.self, from: stored) == reasons)
        // The form kept in the database names each value's kind, not Swift's names for it.
        let written = String(decoding: stored, as: UTF8.self)
        #expect(written.contains(#""fixed":4.5"#) && written.contains(#""digits":1"#) && !written.contains("_0"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Message.Value.self, from: Data("{}".utf8)) }
    }
}
