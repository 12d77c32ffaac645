import Foundation

/// One question of a survey of cities, as its organisers wrote it.
public struct SurveyQuestion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case singleChoice = "single-choice"
        case multipleChoice = "multiple-choice"
        case number
        /// 1 (lowest) to 5 (highest).
        case scale
        case yesNo = "yes-no"
        case text

        /// The kind as forms and results name it.
        public var message: Message {
            switch self {
            case .singleChoice: Message("voice.question-kind.single-choice", "One choice")
            case .multipleChoice: Message("voice.question-kind.multiple-choice", "Several choices")
            case .number: Message("voice.question-kind.number", "Number")
            case .scale: Message("voice.question-kind.scale", "Scale from 1 to 5")
            case .yesNo: Message("voice.question-kind.yes-no", "Yes or no")
            case .text: Message("voice.question-kind.text", "Free text")
            }
        }

        /// Whether its answers are counted option by option.
        public var hasOptions: Bool { self != .number && self != .text }
    }

    /// Ask this question only when an earlier one was answered so: `yes`/`no`
    /// for a yes-or-no question, one of the choices for a choice question.
    public struct Condition: Codable, Sendable, Equatable {
        public var question: String
        public var equals: String

        public init(question: String, equals: String) {
            self.question = question
            self.equals = equals
        }
    }

    /// Short and stable: answers and conditions refer to it.
    public var id: String
    public var kind: Kind
    public var prompt: String
    public var choices: [String]
    /// Numbers: what they count ("tests a day").
    public var unit: String?
    public var minimum: Double?
    public var maximum: Double?
    public var isRequired: Bool
    public var condition: Condition?

    public init(
        id: String, kind: Kind, prompt: String, choices: [String] = [], unit: String? = nil, minimum: Double? = nil,
        maximum: Double? = nil, isRequired: Bool = false, condition: Condition? = nil
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.choices = choices
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.isRequired = isRequired
        self.condition = condition
    }

    /// The values a scale takes.
    public static let scale = 1...5
    public static let yes = "yes"
    public static let no = "no"
    public static let maximumPromptLength = 500
    public static let maximumChoiceLength = 200
    public static let maximumChoices = 30
    public static let maximumTextAnswerLength = 5_000
    /// The largest number an answer or a bound may be, either way: beyond it a number is a typing slip.
    public static let largestNumber = 1e12

    /// The options results count, in the order they are shown.
    public var options: [String] {
        switch kind {
        case .singleChoice, .multipleChoice: choices
        case .yesNo: [Self.yes, Self.no]
        case .scale: Self.scale.map(String.init)
        case .number, .text: []
        }
    }
}
