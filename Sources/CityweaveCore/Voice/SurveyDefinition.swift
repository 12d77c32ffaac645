import Foundation

/// What makes a survey's questions answerable: each question has a unique
/// id and a prompt, choice questions have distinct choices, a range goes
/// upwards, and a condition points to an earlier question and one of its answers.
public enum SurveyDefinition {
    public static let maximumQuestions = 100

    /// The first thing wrong with `questions`, naming the question; nil when they can be asked.
    public static func problem(in questions: [SurveyQuestion]) -> Message? {
        if questions.count > maximumQuestions {
            return Message(
                "voice.survey.too-many-questions", "A survey may have at most {count} questions.",
                ["count": .count(maximumQuestions)])
        }
        var earlier: [String: SurveyQuestion] = [:]
        for (index, question) in questions.enumerated() {
            if let problem = problem(in: question, number: index + 1, earlier: earlier) { return problem }
            earlier[question.id] = question
        }
        return nil
    }

    private static func problem(in question: SurveyQuestion, number: Int, earlier: [String: SurveyQuestion])
        -> Message?
    {
        let id = question.id
        if id.isEmpty || id.count > 40 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            return Message(
                "voice.survey.question-id",
                "Question {number}: its id must be 1 to 40 Latin letters (a–z), digits or hyphens; got '{id}'.",
                ["number": .count(number), "id": .text(id)])
        }
        if earlier[id] != nil {
            return Message(
                "voice.survey.question-id-repeated", "Two questions have the id '{id}'.", ["id": .text(id)])
        }
        let prompt = question.prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        if prompt.isEmpty || prompt.count > SurveyQuestion.maximumPromptLength {
            return Message(
                "voice.survey.prompt", "Question '{id}' needs a question of 1 to {limit} characters.",
                ["id": .text(id), "limit": .count(SurveyQuestion.maximumPromptLength)])
        }
        let hasChoices = question.kind == .singleChoice || question.kind == .multipleChoice
        if hasChoices {
            let choices = question.choices.map { $0.trimmingCharacters(in: .whitespaces) }
            if choices.count < 2 || choices.count > SurveyQuestion.maximumChoices {
                return Message(
                    "voice.survey.choices-count", "Question '{id}' needs 2 to {limit} choices.",
                    ["id": .text(id), "limit": .count(SurveyQuestion.maximumChoices)])
            }
            if choices.contains(where: { $0.isEmpty || $0.count > SurveyQuestion.maximumChoiceLength }) {
                return Message(
                    "voice.survey.choice-length", "Each choice of question '{id}' must have 1 to {limit} characters.",
                    ["id": .text(id), "limit": .count(SurveyQuestion.maximumChoiceLength)])
            }
            if Set(choices).count != choices.count {
                return Message(
                    "voice.survey.choices-repeated", "Question '{id}' lists a choice twice.", ["id": .text(id)])
            }
        } else if !question.choices.isEmpty {
            return Message(
                "voice.survey.choices-not-allowed", "Question '{id}' is not a choice question; leave out its choices.",
                ["id": .text(id)])
        }
        let bounds = [question.minimum, question.maximum].compactMap { $0 }
        if bounds.contains(where: { !$0.isFinite || abs($0) > SurveyQuestion.largestNumber }) {
            return Message(
                "voice.survey.bounds",
                "Question '{id}': the smallest and largest answers allowed must lie within ±{limit}.",
                ["id": .text(id), "limit": .decimal(SurveyQuestion.largestNumber)])
        }
        if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
            return Message(
                "voice.survey.range", "Question '{id}': the smallest answer allowed is above the largest.",
                ["id": .text(id)])
        }
        if let condition = question.condition {
            guard let asked = earlier[condition.question] else {
                return Message(
                    "voice.survey.condition-question",
                    "Question '{id}' depends on '{other}', which is not an earlier question.",
                    ["id": .text(id), "other": .text(condition.question)])
            }
            let possible: [String] =
                switch asked.kind {
                case .yesNo, .singleChoice, .multipleChoice: asked.options
                default: []
                }
            guard possible.contains(condition.equals) else {
                return Message(
                    "voice.survey.condition-answer",
                    "Question '{id}' depends on '{other}' being '{answer}', which is not one of its answers.",
                    ["id": .text(id), "other": .text(condition.question), "answer": .text(condition.equals)])
            }
        }
        return nil
    }
}
