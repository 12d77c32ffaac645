import CityweaveCore

/// Seeded random surveys and answers, for the aggregation's tests and benchmarks: every kind of question,
/// choice questions of two to six choices, numbers between 0 and 1,000 (half with those bounds stated), and
/// cities spread over the regions, income groups and size bands, a fifth of the questions left unanswered.
public enum SyntheticVoice {
    public static let regions = ["Africa", "Americas", "Asia", "Europe", "Oceania"]

    public static func questions(_ count: Int, using random: inout SeededGenerator) -> [SurveyQuestion] {
        (0..<count).map { index in
            let kind = SurveyQuestion.Kind.allCases[index % SurveyQuestion.Kind.allCases.count]
            let choices = (0..<Int.random(in: 2...6, using: &random)).map { "c\($0)" }
            let bounded = kind == .number && Bool.random(using: &random)
            return SurveyQuestion(
                id: "q\(index)", kind: kind, prompt: "Question \(index)",
                choices: kind == .singleChoice || kind == .multipleChoice ? choices : [],
                minimum: bounded ? 0 : nil, maximum: bounded ? 1_000 : nil)
        }
    }

    public static func answer(to question: SurveyQuestion, using random: inout SeededGenerator) -> SurveyAnswer? {
        guard Int.random(in: 0..<5, using: &random) > 0 else { return nil }
        switch question.kind {
        case .singleChoice: return .text(question.choices.randomElement(using: &random)!)
        case .multipleChoice: return .texts(question.choices.filter { _ in Bool.random(using: &random) })
        case .number: return .number(Double(Int.random(in: 0...1_000, using: &random)))
        case .scale: return .number(Double(Int.random(in: 1...5, using: &random)))
        case .yesNo: return .flag(Bool.random(using: &random))
        case .text: return .text("words")
        }
    }

    public static func respondents(
        _ questions: [SurveyQuestion], count: Int, using random: inout SeededGenerator
    ) -> [SurveyRespondent] {
        (0..<count).map { id in
            var answers: [String: SurveyAnswer] = [:]
            for question in questions { answers[question.id] = answer(to: question, using: &random) }
            return SurveyRespondent(
                cityID: id, region: regions.randomElement(using: &random)!,
                incomeGroup: CityProfile.incomeGroups.randomElement(using: &random)!,
                populationBand: PopulationBand.allCases.randomElement(using: &random)!, answers: answers)
        }
    }
}
