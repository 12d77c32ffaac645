/// What keeps a city's answers from being worked out by subtraction. A
/// figure over fewer than three cities is hidden; but a hidden group's
/// answers are the total's minus the other groups', and a filtered figure's
/// complement is the whole minus it. So a breakdown hides the smallest
/// groups shown until the hidden ones hold no city or at least three, and a
/// filtered figure is hidden when it leaves out one or two of the whole's cities.
public enum SurveyDisclosure {
    /// Hides, question by question, the smallest groups shown until the hidden groups hold none or enough cities.
    public static func suppressComplements(in breakdown: inout SurveyBreakdown) {
        guard let questionCount = breakdown.groups.first?.questions.count else { return }
        for question in 0..<questionCount {
            while true {
                let hidden = breakdown.groups.filter { $0.questions[question].isHidden }
                    .map { $0.questions[question].respondents }.reduce(0, +)
                guard hidden > 0, hidden < SurveyAggregation.minimumGroup else { break }
                let shown = breakdown.groups.indices.filter { !breakdown.groups[$0].questions[question].isHidden }
                guard
                    let smallest = shown.min(by: {
                        breakdown.groups[$0].questions[question].respondents
                            < breakdown.groups[$1].questions[question].respondents
                    })
                else { break }
                breakdown.groups[smallest].questions[question].hide()
            }
        }
    }

    /// Hides each result of `filtered` that leaves out one or two of the cities counted in the same
    /// question of `whole`.
    public static func hideNearWhole(_ filtered: inout [QuestionResult], whole: [QuestionResult]) {
        for index in filtered.indices where index < whole.count {
            let left = whole[index].respondents - filtered[index].respondents
            if left > 0, left < SurveyAggregation.minimumGroup { filtered[index].hide() }
        }
    }
}
