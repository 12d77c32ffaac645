import CityweaveSyntheticData
import Foundation
import Testing

@testable import CityweaveCore

@Suite struct SurveyAggregationTests {
    static let regions = SyntheticVoice.regions
    static let incomes = CityProfile.incomeGroups

    static func randomQuestions(using random: inout SeededGenerator) -> [SurveyQuestion] {
        SyntheticVoice.questions(Int.random(in: 1...12, using: &random), using: &random)
    }

    static func randomRespondents(_ questions: [SurveyQuestion], count: Int, using random: inout SeededGenerator)
        -> [SurveyRespondent]
    {
        SyntheticVoice.respondents(questions, count: count, using: &random)
    }

    /// The plain way: for each option, the cities whose answer names it; its share of the cities that answered.
    static func bruteForce(_ question: SurveyQuestion, _ respondents: [SurveyRespondent]) -> QuestionResult {
        let answering = respondents.filter { $0.answers[question.id] != nil }
        var result = QuestionResult(
            question: question.id, respondents: answering.count, isHidden: answering.count < 3, options: [],
            histogram: [])
        if result.isHidden { return result }
        for option in question.options {
            let count = answering.filter { respondent in
                switch respondent.answers[question.id]! {
                case .text(let choice): choice == option
                case .texts(let choices): choices.contains(option)
                case .flag(let flag): (flag ? "yes" : "no") == option
                case .number(let point): question.kind == .scale && String(Int(point)) == option
                }
            }.count
            result.options.append(.init(value: option, count: count, share: Double(count) / Double(answering.count)))
        }
        if question.kind == .number || question.kind == .scale {
            let values = answering.compactMap { $0.answers[question.id]?.number }.sorted()
            // The median by counting: the smallest value with at least half the values at or below it, and the
            // smallest with more than half, averaged for an even count.
            let n = values.count
            let low = values.first { v in values.filter { $0 <= v }.count * 2 >= n }!
            let high = values.first { v in values.filter { $0 <= v }.count * 2 > n }!
            result.median = n % 2 == 1 ? low : (low + high) / 2
            result.minimum = values.min()
            result.maximum = values.max()
        }
        return result
    }

    @Test func countsSharesAndMediansMatchBruteForceOnRandomAnswers() {
        var random = SeededGenerator(seed: 2020)
        for _ in 0..<40 {
            let questions = Self.randomQuestions(using: &random)
            let respondents = Self.randomRespondents(
                questions, count: Int.random(in: 0...60, using: &random), using: &random)
            for (question, result) in zip(
                questions, SurveyAnswerTable(questions: questions, respondents: respondents).results())
            {
                var expected = Self.bruteForce(question, respondents)
                expected.histogram = result.histogram
                #expect(result == expected, "\(question.kind) \(question.id)")
                if question.kind == .number, !result.isHidden {
                    #expect(result.histogram.map(\.count).reduce(0, +) == result.respondents)
                    for bin in result.histogram {
                        let inside = respondents.compactMap { $0.answers[question.id]?.number }.filter { value in
                            value >= bin.lower
                                && (value < bin.upper || (bin == result.histogram.last && value <= bin.upper))
                        }
                        #expect(inside.count == bin.count)
                    }
                }
            }
        }
    }

    @Test func aTableKeptUpToDateCityByCityCountsAsOneBuiltAfresh() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<10 {
            let questions = Self.randomQuestions(using: &random)
            var current = Dictionary(
                uniqueKeysWithValues: Self.randomRespondents(questions, count: 60, using: &random).map {
                    ($0.cityID, $0)
                })
            var table = SurveyAnswerTable(questions: questions, respondents: Array(current.values))
            // Cities change their answers, stop counting, come back, and new ones answer.
            let changes = Self.randomRespondents(questions, count: 40, using: &random)
            for var change in changes {
                change.cityID = Int.random(in: 0..<80, using: &random)
                let removes = Int.random(in: 0..<4, using: &random) == 0
                current[change.cityID] = removes ? nil : change
                table.set(removes ? nil : change, forCity: change.cityID)
            }
            let fresh = SurveyAnswerTable(questions: questions, respondents: Array(current.values))
            #expect(table.respondentCount == current.count)
            #expect(table.results() == fresh.results())
            for dimension in SurveyBreakdown.Dimension.allCases {
                #expect(table.breakdown(by: dimension) == fresh.breakdown(by: dimension))
            }
            let europe = table.respondents(region: "Europe")
            #expect(table.results(over: europe) == fresh.results(over: fresh.respondents(region: "Europe")))
        }
    }

    @Test func extremeNumbersMakeAHistogramWithoutFailing() {
        let question = SurveyQuestion(id: "n", kind: .number, prompt: "How many?", minimum: -1e308, maximum: 1e308)
        let scale = SurveyQuestion(id: "s", kind: .scale, prompt: "How well?")
        let respondents = [0.0, 5e-324, 1e308, -1e308].enumerated().map { index, value in
            SurveyRespondent(
                cityID: index, region: "Asia", incomeGroup: "High income", populationBand: .over5m,
                answers: ["n": .number(value), "s": .number(1e300)])
        }
        let results = SurveyAnswerTable(questions: [question, scale], respondents: respondents).results()
        #expect(results[0].histogram.map(\.count).reduce(0, +) == 4)
        #expect(results[1].options.map(\.count) == [0, 0, 0, 0, 0])
    }

    @Test func multipleChoiceSharesAreOfRespondentsAndMayAddUpPastTheWhole() {
        let question = SurveyQuestion(
            id: "lack", kind: .multipleChoice, prompt: "What do you lack?", choices: ["masks", "tests", "money"])
        let answers: [[String]] = [["masks", "tests"], ["tests", "money"], ["tests"], ["masks", "tests", "money"]]
        let respondents = answers.enumerated().map { index, choices in
            SurveyRespondent(
                cityID: index, region: "Europe", incomeGroup: "High income", populationBand: .over5m,
                answers: ["lack": .texts(choices)])
        }
        let result = SurveyAnswerTable(questions: [question], respondents: respondents).result(ofQuestionAt: 0)
        #expect(result.respondents == 4)
        #expect(result.option("tests")?.count == 4)
        #expect(result.option("tests")?.share == 1.0)
        #expect(result.option("masks")?.share == 0.5)
        #expect(result.options.map(\.share).reduce(0, +) == 2.0)
    }

    @Test func aHiddenGroupCannotBeWorkedOutByTakingTheOthersFromTheWhole() {
        let question = SurveyQuestion(id: "ok", kind: .yesNo, prompt: "Enough?")
        // Africa has one city, the others four and five: Africa's answer would be the total's less theirs.
        let places = ["Africa"] + Array(repeating: "Asia", count: 4) + Array(repeating: "Europe", count: 5)
        let respondents = places.enumerated().map { index, region in
            SurveyRespondent(
                cityID: index, region: region, incomeGroup: "High income", populationBand: .over5m,
                answers: ["ok": .flag(index % 2 == 0)])
        }
        let breakdown = SurveyAnswerTable(questions: [question], respondents: respondents).breakdown(by: .region)
        #expect(breakdown.groups.map { $0.questions[0].isHidden } == [true, true, false])
        // A filter that leaves out one or two of the whole's cities is hidden too.
        var filtered = SurveyAnswerTable(questions: [question], respondents: Array(respondents.dropFirst())).results()
        SurveyDisclosure.hideNearWhole(
            &filtered, whole: SurveyAnswerTable(questions: [question], respondents: respondents).results())
        #expect(filtered[0].isHidden && filtered[0].respondents == 9)
    }

    @Test func resultsOverFewerThanThreeCitiesAreHidden() {
        let question = SurveyQuestion(id: "ok", kind: .yesNo, prompt: "Enough?")
        let three = (0..<3).map {
            SurveyRespondent(
                cityID: $0, region: "Africa", incomeGroup: "Low income", populationBand: .under100k,
                answers: ["ok": .flag(true)])
        }
        let hidden = SurveyAnswerTable(questions: [question], respondents: Array(three.prefix(2))).result(
            ofQuestionAt: 0)
        #expect(hidden.isHidden && hidden.options.isEmpty && hidden.respondents == 2)
        let shown = SurveyAnswerTable(questions: [question], respondents: three).result(ofQuestionAt: 0)
        #expect(!shown.isHidden && shown.option("yes")?.count == 3)
    }

    @Test func breakdownGroupsPartitionTheRespondents() {
        var random = SeededGenerator(seed: 7)
        let questions = Self.randomQuestions(using: &random)
        let respondents = Self.randomRespondents(questions, count: 80, using: &random)
        for dimension in SurveyBreakdown.Dimension.allCases {
            let breakdown = SurveyAnswerTable(questions: questions, respondents: respondents).breakdown(by: dimension)
            #expect(breakdown.groups.map(\.respondents).reduce(0, +) == respondents.count)
            for group in breakdown.groups {
                let members = respondents.filter { $0.group(dimension) == group.group }
                // A group is as counted on its own, or hidden so that no hidden group can be worked out.
                for (shown, alone) in zip(
                    group.questions, SurveyAnswerTable(questions: questions, respondents: members).results())
                {
                    #expect(shown == alone || (shown.isHidden && shown.respondents == alone.respondents))
                }
            }
            for question in questions.indices {
                let hidden = breakdown.groups.filter { $0.questions[question].isHidden }
                    .map { $0.questions[question].respondents }.reduce(0, +)
                let everyGroupHidden = breakdown.groups.allSatisfy { $0.questions[question].isHidden }
                #expect(hidden == 0 || hidden >= 3 || everyGroupHidden)
            }
        }
        let ordered = SurveyAnswerTable(questions: questions, respondents: respondents).breakdown(
            by: .incomeGroup, order: Self.incomes)
        #expect(
            ordered.groups.map(\.group)
                == Self.incomes.filter { income in respondents.contains { $0.incomeGroup == income } })
    }
}

@Suite struct SurveyAnswersTests {
    static let questions = [
        SurveyQuestion(id: "short", kind: .yesNo, prompt: "Short of protective equipment?", isRequired: true),
        SurveyQuestion(
            id: "what", kind: .multipleChoice, prompt: "What is short?", choices: ["masks", "gowns", "gloves"],
            isRequired: true, condition: .init(question: "short", equals: "yes")),
        SurveyQuestion(id: "beds", kind: .number, prompt: "Intensive-care beds", minimum: 0, maximum: 10_000),
        SurveyQuestion(id: "ready", kind: .scale, prompt: "How ready?"),
        SurveyQuestion(id: "lead", kind: .singleChoice, prompt: "Who leads?", choices: ["city", "region"]),
        SurveyQuestion(id: "note", kind: .text, prompt: "Anything else?"),
    ]

    func check(_ answers: [String: SurveyAnswer], completing: Bool = true) -> Result<
        [String: SurveyAnswer], AnswerProblem
    > {
        SurveyAnswers.checked(answers, questions: Self.questions, completing: completing)
    }

    @Test func aConditionalQuestionIsAskedOnlyWhenItsConditionHolds() {
        #expect(check(["short": .flag(true)]) == .failure(AnswerProblem(question: "what", kind: .required)))
        #expect(
            check(["short": .flag(true), "what": .texts([])])
                == .failure(AnswerProblem(question: "what", kind: .required)))
        #expect(check(["short": .flag(false), "what": .texts(["masks"])]) == .success(["short": .flag(false)]))
        #expect(
            check(["short": .flag(true), "what": .texts(["masks"])])
                == .success(["short": .flag(true), "what": .texts(["masks"])]))
    }

    @Test func eachWrongAnswerIsRefusedNamingItsQuestion() {
        let base: [String: SurveyAnswer] = ["short": .flag(false)]
        func with(_ id: String, _ answer: SurveyAnswer) -> [String: SurveyAnswer] { base.merging([id: answer]) { $1 } }
        #expect(
            check(with("lead", .text("nation")))
                == .failure(AnswerProblem(question: "lead", kind: .notAChoice("nation"))))
        #expect(check(with("beds", .number(10_001))) == .failure(AnswerProblem(question: "beds", kind: .outOfRange)))
        #expect(check(with("beds", .text("many"))) == .failure(AnswerProblem(question: "beds", kind: .wrongKind)))
        #expect(check(with("ready", .number(6))) == .failure(AnswerProblem(question: "ready", kind: .notOnScale)))
        #expect(check(with("ready", .number(2.5))) == .failure(AnswerProblem(question: "ready", kind: .notOnScale)))
        // Numbers no integer holds are refused as answers, never converted.
        #expect(check(with("ready", .number(1e300))) == .failure(AnswerProblem(question: "ready", kind: .notOnScale)))
        #expect(check(with("lead", .number(1e300))) == .failure(AnswerProblem(question: "lead", kind: .wrongKind)))
        #expect(check(with("nope", .flag(true))) == .failure(AnswerProblem(question: "nope", kind: .noSuchQuestion)))
        #expect(
            check(with("note", .text(String(repeating: "a", count: 5_001))))
                == .failure(AnswerProblem(question: "note", kind: .tooLong)))
    }

    @Test func anUnfinishedAnswerMayLeaveRequiredQuestionsOpen() {
        #expect(check([:], completing: false) == .success([:]))
        #expect(check([:]) == .failure(AnswerProblem(question: "short", kind: .required)))
    }

    @Test func answersReadFromJSONAsTheirKindsCarryThem() throws {
        let json = #"{"a": "masks", "b": ["masks", "gowns"], "c": 12.5, "d": true}"#
        let decoded = try JSONDecoder().decode([String: SurveyAnswer].self, from: Data(json.utf8))
        #expect(
            decoded == ["a": .text("masks"), "b": .texts(["masks", "gowns"]), "c": .number(12.5), "d": .flag(true)])
    }
}

@Suite struct SurveyDefinitionTests {
    @Test func aSurveyIsRefusedForTheFirstThingThatCannotBeAsked() {
        func problem(_ questions: [SurveyQuestion]) -> String? { SurveyDefinition.problem(in: questions)?.key }
        let yesNo = SurveyQuestion(id: "a", kind: .yesNo, prompt: "A?")
        #expect(problem([yesNo]) == nil)
        #expect(problem([yesNo, yesNo]) == "voice.survey.question-id-repeated")
        #expect(problem([SurveyQuestion(id: "a b", kind: .yesNo, prompt: "A?")]) == "voice.survey.question-id")
        #expect(
            problem([SurveyQuestion(id: "a", kind: .singleChoice, prompt: "A?", choices: ["x"])])
                == "voice.survey.choices-count")
        #expect(
            problem([SurveyQuestion(id: "a", kind: .singleChoice, prompt: "A?", choices: ["x", "x"])])
                == "voice.survey.choices-repeated")
        #expect(
            problem([SurveyQuestion(id: "a", kind: .number, prompt: "A?", minimum: 5, maximum: 1)])
                == "voice.survey.range")
        let dependent = SurveyQuestion(
            id: "b", kind: .text, prompt: "B?", condition: .init(question: "a", equals: "yes"))
        #expect(problem([yesNo, dependent]) == nil)
        #expect(problem([dependent, yesNo]) == "voice.survey.condition-question")
        var wrongAnswer = dependent
        wrongAnswer.condition = .init(question: "a", equals: "maybe")
        #expect(problem([yesNo, wrongAnswer]) == "voice.survey.condition-answer")
    }

    @Test func aTargetNarrowsByNetworkAndSizeAndWidensByPlace() {
        let lagos = CityProfile(
            id: 1, population: 15_000_000, countryCode: "NG", region: "Africa", subregion: "",
            incomeGroup: "Lower middle income")
        let lyon = CityProfile(
            id: 2, population: 520_000, countryCode: "FR", region: "Europe", subregion: "", incomeGroup: "High income")
        #expect(SurveyTarget().includes(lagos, networks: []))
        #expect(SurveyTarget(regions: ["Africa"], countries: ["FR"]).includes(lyon, networks: []))
        #expect(!SurveyTarget(regions: ["Africa"]).includes(lyon, networks: []))
        #expect(!SurveyTarget(network: 9).includes(lagos, networks: [3]))
        #expect(SurveyTarget(network: 9, populationBands: [.over5m]).includes(lagos, networks: [9]))
        #expect(!SurveyTarget(network: 9, populationBands: [.under100k]).includes(lagos, networks: [9]))
    }
}
