import Benchmark
import CityweaveCore
import CityweaveSyntheticData

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 200)
    var random = SeededGenerator(seed: 2020)
    let questions = SyntheticVoice.questions(40, using: &random)
    let respondents = SyntheticVoice.respondents(questions, count: 5_000, using: &random)
    let table = SurveyAnswerTable(questions: questions, respondents: respondents)

    Benchmark("Lay out 5,000 cities' answers to 40 questions for counting (once per change of the answers)") {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SurveyAnswerTable(questions: questions, respondents: respondents))
        }
    }

    Benchmark("Results of 40 questions over 5,000 cities, with breakdowns by region, income group and size") {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(table.results())
            for dimension in SurveyBreakdown.Dimension.allCases { blackHole(table.breakdown(by: dimension)) }
        }
    }
}
