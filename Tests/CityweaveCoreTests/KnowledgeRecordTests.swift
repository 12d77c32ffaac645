import Foundation
import Testing

@testable import CityweaveCore

@Suite struct TransferStageTests {
    @Test func transfersMoveForwardAndMayBeAbandonedUntilFinished() {
        #expect(TransferStage.exploring.mayMove(to: .adapting))
        #expect(TransferStage.adapting.mayMove(to: .implemented))
        #expect(!TransferStage.piloting.mayMove(to: .exploring))
        #expect(!TransferStage.piloting.mayMove(to: .piloting))
        #expect(TransferStage.implemented.mayMove(to: .abandoned))
        for stage in TransferStage.allCases {
            #expect(!TransferStage.evaluated.mayMove(to: stage))
            #expect(!TransferStage.abandoned.mayMove(to: stage))
        }
        #expect(TransferStage.allCases.filter(\.hasResult) == [.implemented, .evaluated])
    }
}

@Suite struct ReviewChecklistTests {
    @Test func emptySectionsAreNamedAndCompletenessNeedsAllThree() {
        let missing = ReviewChecklist.missingSections(["summary": "A", "problem": " \n", "evidence": ""])
        #expect(missing == ["problem", "evidence"])
        #expect(!ReviewChecklist(missingSections: missing, readableAlone: true, evidenceGiven: true).isComplete)
        #expect(ReviewChecklist(missingSections: [], readableAlone: true, evidenceGiven: true).isComplete)
        #expect(!ReviewChecklist(missingSections: [], readableAlone: true, evidenceGiven: false).isComplete)
    }
}

@Suite struct MeasureCategoryTests {
    @Test func aCodebookNameIsWordedAndANameAFileWordsOtherwiseIsShownAsItIs() {
        let school = MeasureCategory(code: "C1", name: "School closing")
        #expect(school.message.key == "measure-category.c1" && school.message.englishText == "School closing")
        let renamed = MeasureCategory(code: "C1", name: "Schools closed")
        #expect(renamed.message.key.isEmpty && renamed.message.englishText == "Schools closed")
        #expect(MeasureCategory(code: "X9", name: "Other measure").message.englishText == "Other measure")
        #expect(MeasureCategory(code: "E1", name: "Income support").group.englishText == "Economic response")
    }
}

@Suite struct AtomFeedTests {
    @Test func everyTextIsEscapedAndControlCharactersDropped() {
        var feed = AtomFeed(
            id: "https://x.org/feeds/p.atom", title: "A & B", selfLink: "https://x.org/f?a=1&b=2",
            alternateLink: "https://x.org/p", updated: Date(timeIntervalSince1970: 0))
        feed.entries.append(
            .init(
                id: "https://x.org/practices/1", title: "<script>alert('x')</script>",
                link: "https://x.org/practices/1",
                published: Date(timeIntervalSince1970: 86_400), updated: Date(timeIntervalSince1970: 86_400),
                author: "Lyon, France", summary: "Bell\u{7} \"quoted\"", language: "fr", categories: ["health"]))
        let xml = feed.xml
        #expect(xml.contains("<title>A &amp; B</title>"))
        #expect(xml.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"))
        #expect(!xml.contains("<script>"))
        #expect(xml.contains("href=\"https://x.org/f?a=1&amp;b=2\""))
        #expect(xml.contains("<summary>Bell &quot;quoted&quot;</summary>"))
        #expect(xml.contains("<published>1970-01-02T00:00:00Z</published>"))
        #expect(xml.contains(#"<category term="health"/>"#))
    }
}

@Suite struct OxCGRTMeasuresTests {
    static let header =
        "CountryName,CountryCode,RegionName,RegionCode,CityName,CityCode,Date,C1_School closing,C1_Flag,C1_Notes,H1_Public information campaigns,H1_Flag,H1_Notes"

    @Test func aMeasureIsADayWhoseScoreChangedOrThatHasANote() throws {
        let text = [
            Self.header,
            "Brazil,BRA,Ceara,BR_CE,State government,STATE_GOV,20200316,3,1,state note,0,,",
            "Brazil,BRA,Ceara,BR_CE,Fortaleza,BR_2304400,20200315,0,,,0,,",
            "Brazil,BRA,Ceara,BR_CE,Fortaleza,BR_2304400,20200316,3,0,Decree 1 https://example.org/d1.,0,,",
            "Brazil,BRA,Ceara,BR_CE,Fortaleza,BR_2304400,20200317,3,0,,2,1,",
            "Brazil,BRA,Ceara,BR_CE,Fortaleza,BR_2304400,2020-03-18,3,0,,2,1,",
            "Brazil,BRA,Ceara,BR_CE,Fortaleza,BR_2304400,20200319,high,0,Schools reopen in part,2,1,",
        ].joined(separator: "\n")
        var summary = ImportSummary()
        let records = try OxCGRTMeasures.read(try CSVTable(text: text), summary: &summary)
        #expect(
            records.map { "\($0.date) \($0.category.code) \($0.score.map { "\($0)" } ?? "-")" } == [
                "2020-03-16 C1 3.0", "2020-03-19 C1 -", "2020-03-17 H1 2.0",
            ])
        // The unreadable score of 19 March is reported, and that day's note kept without a score.
        #expect(records[0].targeted == true)
        #expect(records[0].sourceURL == "https://example.org/d1")
        #expect(records[2].targeted == false)
        #expect(records[0].category.theme == .education)
        #expect(summary.rowsRead == 6)
        #expect(summary.ignored == ["state and national rows": 1])
        #expect(summary.problems.map(\.line) == [6, 7])
        #expect(summary.problems[0].reason.contains("2020-03-18"))
        #expect(summary.problems[1].reason.contains("C1_School closing"))
    }

    @Test func theBrazilFileGivesTheMeasuresOfItsCapitals() throws {
        let path = CoreTestData.sharedData + "oxcgrt-brazil-2020.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("skipped: \(path) is not here")
            return
        }
        var summary = ImportSummary()
        let records = try OxCGRTMeasures.read(try CSVTable(text: text), summary: &summary)
        #expect(summary.rowsRead == 8_056)
        #expect(summary.ignored["state and national rows"] == 4_104)
        #expect(summary.problems.isEmpty)
        #expect(Set(records.map(\.cityCode)).count == 26)
        #expect(records.allSatisfy { $0.date >= "2020-01-01" && $0.date <= "2020-05-31" })
        // Every note of a city row is kept.
        #expect(records.filter { !$0.note.isEmpty }.count == 277)
        #expect(records.contains { $0.cityName == "Sao Paulo" && $0.category.code == "C1" && ($0.score ?? 0) > 0 })
    }
}
