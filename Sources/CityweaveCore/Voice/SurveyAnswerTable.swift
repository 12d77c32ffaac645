import Foundation

/// A survey's submitted answers laid out question by question for counting:
/// each answer's options as the bits of one word, each number as a double,
/// each city's region, income group and size band as a small index. Built
/// once per change of the answers, it aggregates every question over any
/// set of cities in one pass per question, without hashing a string.
public struct SurveyAnswerTable: Sendable {
    public let questions: [SurveyQuestion]
    public let respondentCount: Int
    /// Per question, per respondent: whether the question was answered.
    private let answered: [[Bool]]
    /// Per question, per respondent: the options given, bit `i` for `question.options[i]`.
    private let chosen: [[UInt64]]
    /// Per number or scale question, per respondent: the value, NaN when none.
    private let numbers: [[Double]]
    /// Per dimension: the groups' names and each respondent's group.
    private let groups: [SurveyBreakdown.Dimension: (names: [String], ofRespondent: [Int])]
    private let regions: [String]
    private let incomeGroups: [String]
    private let bands: [PopulationBand]

    public init(questions: [SurveyQuestion], respondents: [SurveyRespondent]) {
        self.questions = questions
        respondentCount = respondents.count
        var answered: [[Bool]] = []
        var chosen: [[UInt64]] = []
        var numbers: [[Double]] = []
        for question in questions {
            let position = Dictionary(question.options.enumerated().map { ($1, $0) }) { first, _ in first }
            var given = [Bool](repeating: false, count: respondents.count)
            var bits = [UInt64](repeating: 0, count: respondents.count)
            var values = [Double](repeating: .nan, count: respondents.count)
            for (index, respondent) in respondents.enumerated() {
                guard let answer = respondent.answers[question.id] else { continue }
                given[index] = true
                for option in answer.options(of: question) {
                    if let bit = position[option] { bits[index] |= 1 << UInt64(bit) }
                }
                if question.kind == .number || question.kind == .scale, let number = answer.number {
                    values[index] = number
                }
            }
            answered.append(given)
            chosen.append(bits)
            numbers.append(values)
        }
        self.answered = answered
        self.chosen = chosen
        self.numbers = numbers
        var groups: [SurveyBreakdown.Dimension: (names: [String], ofRespondent: [Int])] = [:]
        for dimension in SurveyBreakdown.Dimension.allCases {
            var names: [String] = []
            var index: [String: Int] = [:]
            let of = respondents.map { respondent in
                let name = respondent.group(dimension)
                if let known = index[name] { return known }
                index[name] = names.count
                names.append(name)
                return names.count - 1
            }
            groups[dimension] = (names, of)
        }
        self.groups = groups
        regions = respondents.map(\.region)
        incomeGroups = respondents.map(\.incomeGroup)
        bands = respondents.map(\.populationBand)
    }

    /// The respondents (by position) of one region, income group and size band, each when given.
    public func respondents(region: String? = nil, incomeGroup: String? = nil, populationBand: PopulationBand? = nil)
        -> [Int]
    {
        (0..<respondentCount).filter { index in
            (region.map { regions[index] == $0 } ?? true) && (incomeGroup.map { incomeGroups[index] == $0 } ?? true)
                && (populationBand.map { bands[index] == $0 } ?? true)
        }
    }

    /// Every question's result over `members` (positions of respondents; all of them when nil).
    public func results(over members: [Int]? = nil) -> [QuestionResult] {
        questions.indices.map { result(ofQuestionAt: $0, over: members) }
    }

    public func result(ofQuestionAt position: Int, over members: [Int]? = nil) -> QuestionResult {
        let question = questions[position]
        let given = answered[position]
        let bits = chosen[position]
        let values = numbers[position]
        let optionCount = question.options.count
        var counts = [Int](repeating: 0, count: optionCount)
        var answeredCount = 0
        var collected: [Double] = []
        func add(_ index: Int) {
            guard given[index] else { return }
            answeredCount += 1
            var mask = bits[index]
            while mask != 0 {
                counts[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
            if !values[index].isNaN { collected.append(values[index]) }
        }
        if let members { for index in members { add(index) } } else { for index in 0..<respondentCount { add(index) } }
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

    /// Results per group along `dimension` over `members` (all when nil), groups in the order `order` gives
    /// (others after, by name); groups that would let a hidden one be worked out are hidden too
    /// (``SurveyDisclosure``).
    public func breakdown(by dimension: SurveyBreakdown.Dimension, over members: [Int]? = nil, order: [String] = [])
        -> SurveyBreakdown
    {
        let (names, ofRespondent) = groups[dimension]!
        var membersOf = [[Int]](repeating: [], count: names.count)
        if let members {
            for index in members { membersOf[ofRespondent[index]].append(index) }
        } else {
            for index in 0..<respondentCount { membersOf[ofRespondent[index]].append(index) }
        }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }) { first, _ in first }
        let present = names.indices.filter { !membersOf[$0].isEmpty }.sorted { a, b in
            switch (rank[names[a]], rank[names[b]]) {
            case let (x?, y?): x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): names[a] < names[b]
            }
        }
        var breakdown = SurveyBreakdown(
            dimension: dimension,
            groups: present.map { group in
                SurveyGroupResult(
                    group: names[group], respondents: membersOf[group].count,
                    questions: results(over: membersOf[group]))
            })
        SurveyDisclosure.suppressComplements(in: &breakdown)
        return breakdown
    }
}
