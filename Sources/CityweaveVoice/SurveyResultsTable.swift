import CityweaveCore
import Foundation

/// The results and answers of a survey as rows of plain values, for CSV files.
enum SurveyResultsTable {
    static func rows(questions: [SurveyQuestion], report: SurveyResultsReport) -> [[String]] {
        var rows: [[String]] = []
        func add(_ results: [QuestionResult], dimension: String, group: String) {
            for (result, question) in zip(results, questions) {
                let base = [question.id, question.prompt, dimension, group, "\(result.respondents)"]
                let median = result.isHidden ? "" : result.median.map(number) ?? ""
                if result.isHidden || result.options.isEmpty {
                    rows.append(base + ["", "", "", median])
                } else {
                    for option in result.options {
                        rows.append(base + [option.value, "\(option.count)", number(option.share), median])
                    }
                }
            }
        }
        add(report.questions, dimension: "all", group: "")
        for breakdown in report.breakdowns {
            for group in breakdown.groups {
                add(group.questions, dimension: breakdown.dimension.rawValue, group: group.group)
            }
        }
        return rows
    }

    /// An answer in a cell: several choices joined by "; ".
    static func cell(_ answer: SurveyAnswer?) -> String {
        switch answer {
        case .text(let text)?: text
        case .texts(let texts)?: texts.joined(separator: "; ")
        case .number(let value)?: number(value)
        case .flag(let flag)?: flag ? SurveyQuestion.yes : SurveyQuestion.no
        case nil: ""
        }
    }

    /// A number as a file or a form field holds it: no grouping, a point for decimals.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
