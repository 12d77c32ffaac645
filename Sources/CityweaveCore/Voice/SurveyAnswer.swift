import Foundation

/// One answer as JSON carries it: a choice or a text is a string, several
/// choices an array of strings, a number or a point on the scale a number,
/// yes or no a boolean. The question's kind says which it must be.
public enum SurveyAnswer: Codable, Sendable, Equatable, Hashable {
    case text(String)
    case texts([String])
    case number(Double)
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .texts(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .texts(let texts): try container.encode(texts)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        }
    }

    /// The options of `question` this answer counts for (a choice, `yes`, `3`); empty for numbers and texts.
    public func options(of question: SurveyQuestion) -> [String] {
        switch (question.kind, self) {
        case (.singleChoice, .text(let choice)): [choice]
        case (.multipleChoice, .texts(let choices)): choices
        case (.yesNo, .flag(let flag)): [flag ? SurveyQuestion.yes : SurveyQuestion.no]
        case (.scale, .number(let point)): Int(exactly: point).map { [String($0)] } ?? []
        default: []
        }
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
