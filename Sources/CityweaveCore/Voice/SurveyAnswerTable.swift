import Foundation

/// A survey's submitted answers laid out question by question for counting:
/// each answer's options as the bits of one word, each number as a double,
/// each city's region, income group and size band as a small index. Built
/// once, then kept up to date city by city as answers change, it aggregates
/// every question over any set of cities in one pass per question, without
/// hashing a string.
public struct SurveyAnswerTable: Sendable {
    public let questions: [SurveyQuestion]
    /// The cities whose answers count now.
    public private(set) var respondentCount = 0
    /// Per question, the position of each of its options.
    private let optionPositions: [[String: Int]]
    /// Per question, per row: whether the question was answered.
    private var answered: [[Bool]]
    /// Per question, per row: the options given, bit `i` for `question.options[i]`.
    private var chosen: [[UInt64]]
    /// Per question, per row: the number or point on the scale given, NaN when none.
    private var numbers: [[Double]]
    /// Per row: whether it holds a city's answers now (a city whose answers stopped counting keeps its row).
    private var present: [Bool] = []
    private var rowOfCity: [Int: Int] = [:]
    /// Per dimension: the groups' names, each name's index, and each row's group.
    private var groupNames: [SurveyBreakdown.Dimension: [String]] = [:]
    private var groupIndex: [SurveyBreakdown.Dimension: [String: Int]] = [:]
    private var groupOfRow: [SurveyBreakdown.Dimension: [Int]] = [:]
    private var regions: [String] = []
    private var incomeGroups: [String] = []
    private var bands: [PopulationBand] = []

    public init(questions: [SurveyQuestion], respondents: [SurveyRespondent] = []) {
        self.questions = questions
        optionPositions = questions.map { question in
            Dictionary(question.options.enumerated().map { ($1, $0) }) { first, _ in first }
        }
        answered = Array(repeating: [], count: questions.count)
        chosen = Array(repeating: [], count: questions.count)
        numbers = Array(repeating: [], count: questions.count)
        for respondent in respondents { set(respondent, forCity: respondent.cityID) }
    }

    /// Puts a city's answers in, replacing those it had; nil takes them out (they no longer count).
    public mutating func set(_ respondent: SurveyRespondent?, forCity city: Int) {
        let row: Int
        if let known = rowOfCity[city] {
            row = known
            if present[row] { respondentCount -= 1 }
        } else {
            guard respondent != nil else { return }
            row = present.count
            rowOfCity[city] = row
            present.append(false)
            for question in questions.indices {
                answered[question].append(false)
                chosen[question].append(0)
                numbers[question].append(.nan)
            }
            for dimension in SurveyBreakdown.Dimension.allCases { groupOfRow[dimension, default: []].append(0) }
            regions.append("")
            incomeGroups.append("")
            bands.append(.under100k)
        }
        present[row] = respondent != nil
        for (position, question) in questions.enumerated() {
            let answer = respondent?.answers[question.id]
            answered[position][row] = answer != nil
            var bits: UInt64 = 0
            for option in answer?.options(of: question) ?? [] {
                if let bit = optionPositions[position][option] { bits |= 1 << UInt64(bit) }
            }
            chosen[position][row] = bits
            let counted = question.kind == .number || question.kind == .scale
            numbers[position][row] = counted ? answer?.number ?? .nan : .nan
        }
        guard let respondent else { return }
        respondentCount += 1
        for dimension in SurveyBreakdown.Dimension.allCases {
            let name = respondent.group(dimension)
            let index =
                groupIndex[dimension]?[name]
                ?? {
                    let next = groupNames[dimension, default: []].count
                    groupNames[dimension, default: []].append(name)
                    groupIndex[dimension, default: [:]][name] = next
                    return next
                }()
            groupOfRow[dimension]![row] = index
        }
        regions[row] = respondent.region
        incomeGroups[row] = respondent.incomeGroup
        bands[row] = respondent.populationBand
    }

    /// The rows of the cities of one region, income group and size band, each when given.
    public func respondents(region: String? = nil, incomeGroup: String? = nil, populationBand: PopulationBand? = nil)
        -> [Int]
    {
        present.indices.filter { row in
            present[row] && (region.map { regions[row] == $0 } ?? true)
                && (incomeGroup.map { incomeGroups[row] == $0 } ?? true)
                && (populationBand.map { bands[row] == $0 } ?? true)
        }
    }

    /// Every question's result over `members` (rows of ``respondents(region:incomeGroup:populationBand:)``;
    /// every city when nil).
    public func results(over members: [Int]? = nil) -> [QuestionResult] {
        questions.indices.map { result(ofQuestionAt: $0, over: members) }
    }

    public func result(ofQuestionAt position: Int, over members: [Int]? = nil) -> QuestionResult {
        let question = questions[position]
        let given = answered[position]
        let bits = chosen[position]
        let values = numbers[position]
        var counts = [Int](repeating: 0, count: question.options.count)
        var answeredCount = 0
        var collected: [Double] = []
        // A row whose city no longer counts has every question unanswered.
        func add(_ row: Int) {
            guard given[row] else { return }
            answeredCount += 1
            var mask = bits[row]
            while mask != 0 {
                counts[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
            if !values[row].isNaN { collected.append(values[row]) }
        }
        if let members { for row in members { add(row) } } else { for row in present.indices { add(row) } }
        var result = QuestionResult(
            question: question.id, respondents: answeredCount,
            isHidden: answeredCount < SurveyAggregation.minimumGroup, options: [], histogram: [])
        guard !result.isHidden else { return result }
        result.options = question.options.enumerated().map { index, value in
            QuestionResult.Option(
                value: value, count: counts[index], share: Double(counts[index]) / Double(answeredCount))
        }
        if !collected.isEmpty {
            collected.sort()
            result.median = SurveyAggregation.median(ofSorted: collected)
            result.minimum = collected.first
            result.maximum = collected.last
            if question.kind == .number {
                result.histogram = SurveyAggregation.histogram(
                    ofSorted: collected, from: question.minimum ?? collected.first!,
                    to: question.maximum ?? collected.last!)
            }
        }
        return result
    }

    /// Results per group along `dimension` over `members` (every city when nil), groups in the order `order`
    /// gives (others after, by name); groups that would let a hidden one be worked out are hidden too
    /// (``SurveyDisclosure``).
    public func breakdown(by dimension: SurveyBreakdown.Dimension, over members: [Int]? = nil, order: [String] = [])
        -> SurveyBreakdown
    {
        let names = groupNames[dimension] ?? []
        let groupOf = groupOfRow[dimension] ?? []
        var membersOf = [[Int]](repeating: [], count: names.count)
        for row in members ?? present.indices.filter({ present[$0] }) { membersOf[groupOf[row]].append(row) }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }) { first, _ in first }
        let shown = names.indices.filter { !membersOf[$0].isEmpty }.sorted { a, b in
            switch (rank[names[a]], rank[names[b]]) {
            case let (x?, y?): x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): names[a] < names[b]
            }
        }
        var breakdown = SurveyBreakdown(
            dimension: dimension,
            groups: shown.map { group in
                SurveyGroupResult(
                    group: names[group], respondents: membersOf[group].count,
                    questions: results(over: membersOf[group]))
            })
        SurveyDisclosure.suppressComplements(in: &breakdown)
        return breakdown
    }
}
