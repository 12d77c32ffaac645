import Foundation

/// Checks a city's answers against the questions. An answer to a question
/// that its condition leaves unasked is dropped, not refused: the city may
/// have changed an earlier answer since.
public enum SurveyAnswers {
    /// Whether `question` is asked, given the other answers.
    public static func isAsked(
        _ question: SurveyQuestion, in answers: [String: SurveyAnswer], of questions: [SurveyQuestion]
    )
        -> Bool
    {
        guard let condition = question.condition else { return true }
        guard let earlier = questions.first(where: { $0.id == condition.question }),
            isAsked(earlier, in: answers, of: questions), let answer = answers[earlier.id]
        else { return false }
        return answer.options(of: earlier).contains(condition.equals)
    }

    /// The answers kept (those to asked questions), or the first problem, naming the question.
    /// `completing` also requires every asked required question to be answered.
    public static func checked(_ answers: [String: SurveyAnswer], questions: [SurveyQuestion], completing: Bool)
        -> Result<[String: SurveyAnswer], AnswerProblem>
    {
        let known = Set(questions.map(\.id))
        if let unknown = answers.keys.sorted().first(where: { !known.contains($0) }) {
            return .failure(AnswerProblem(question: unknown, kind: .noSuchQuestion))
        }
        var kept: [String: SurveyAnswer] = [:]
        for question in questions {
            guard isAsked(question, in: kept, of: questions) else { continue }
            // No choice ticked is no answer.
            guard let answer = answers[question.id], answer != .texts([]) else {
                if completing, question.isRequired {
                    return .failure(AnswerProblem(question: question.id, kind: .required))
                }
                continue
            }
            if let problem = problem(with: answer, to: question) {
                return .failure(AnswerProblem(question: question.id, kind: problem))
            }
            kept[question.id] = answer
        }
        return .success(kept)
    }

    private static func problem(with answer: SurveyAnswer, to question: SurveyQuestion) -> AnswerProblem.Kind? {
        switch (question.kind, answer) {
        case (.singleChoice, .text(let choice)):
            return question.choices.contains(choice) ? nil : .notAChoice(choice)
        case (.multipleChoice, .texts(let choices)):
            if let wrong = choices.first(where: { !question.choices.contains($0) }) { return .notAChoice(wrong) }
            return Set(choices).count == choices.count ? nil : .repeatedChoice
        case (.number, .number(let value)):
            guard value.isFinite else { return .wrongKind }
            let largest = SurveyQuestion.largestNumber
            return (question.minimum ?? -largest)...(question.maximum ?? largest) ~= value ? nil : .outOfRange
        case (.scale, .number(let value)):
            return Int(exactly: value).map(SurveyQuestion.scale.contains) == true ? nil : .notOnScale
        case (.yesNo, .flag):
            return nil
        case (.text, .text(let text)):
            return text.count > SurveyQuestion.maximumTextAnswerLength ? .tooLong : nil
        default:
            return .wrongKind
        }
    }
}

/// Why an answer was refused, with the question it concerns.
public struct AnswerProblem: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case noSuchQuestion, required, wrongKind
        case notAChoice(String)
        case repeatedChoice, outOfRange, notOnScale, tooLong
    }

    public var question: String
    public var kind: Kind

    /// The problem in a sentence; `question` is the question as the survey states it.
    public func message(for question: SurveyQuestion?) -> Message {
        let id: Message.Value = .text(self.question)
        switch kind {
        case .noSuchQuestion:
            return Message("voice.answer.no-such-question", "The survey has no question '{id}'.", ["id": id])
        case .required:
            return Message(
                "voice.answer.required", "Question '{id}' must be answered before the answers are submitted.",
                ["id": id])
        case .wrongKind:
            let kind = question.map { Message.Value.message($0.kind.message) } ?? .text("")
            return Message(
                "voice.answer.wrong-kind", "Question '{id}' takes an answer of the kind: {kind}.",
                ["id": id, "kind": kind])
        case .notAChoice(let given):
            let choices = (question?.choices ?? []).map(Message.name)
            return Message(
                "voice.answer.not-a-choice", "'{given}' is not a choice of question '{id}'; choose {choices}.",
                ["id": id, "given": .text(given), "choices": .alternatives(choices)])
        case .repeatedChoice:
            return Message("voice.answer.repeated-choice", "Question '{id}' names a choice twice.", ["id": id])
        case .outOfRange:
            return Message(
                "voice.answer.out-of-range", "The answer to question '{id}' must be between {minimum} and {maximum}.",
                [
                    "id": id, "minimum": .decimal(question?.minimum ?? -SurveyQuestion.largestNumber),
                    "maximum": .decimal(question?.maximum ?? SurveyQuestion.largestNumber),
                ])
        case .notOnScale:
            return Message(
                "voice.answer.not-on-scale", "The answer to question '{id}' must be a whole number from 1 to 5.",
                ["id": id])
        case .tooLong:
            return Message(
                "voice.answer.too-long", "The answer to question '{id}' may be at most {limit} characters long.",
                ["id": id, "limit": .count(SurveyQuestion.maximumTextAnswerLength)])
        }
    }
}
