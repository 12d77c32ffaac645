import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// The survey's details as a browser sends them.
package struct SurveyForm: Content {
    package var title: String?
    package var description: String?
    package var language: String?
    /// `city:ID` or `network:ID` (creation only).
    package var organiser: String?
    package var closesOn: String?
    package var resultsPublic: String?
    package var answersPublic: String?
    /// A network's id: only its members are asked.
    package var network: String?
    package var regions: [String]?
    /// ISO codes separated by commas or spaces.
    package var countries: String?
    package var populationBands: [String]?

    func input(isNew: Bool) throws -> SurveyInput {
        let bands = try (populationBands ?? []).map {
            try FieldChoice.parse(PopulationBand.self, $0, field: "populationBands")
        }
        let countryCodes = (countries ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return SurveyInput(
            title: title, description: description ?? "", language: language,
            organiser: isNew ? organiser.flatMap(Organisation.init(reference:)) : nil, closesOn: closesOn ?? "",
            resultsPublic: resultsPublic == "on", answersPublic: answersPublic == "on",
            target: SurveyTarget(
                network: network.flatMap(Int.init), regions: regions ?? [], countries: countryCodes,
                populationBands: bands))
    }
}

/// One question as the add-a-question form sends it.
package struct QuestionForm: Content {
    package var id: String?
    package var kind: String?
    package var prompt: String?
    /// One per line.
    package var choices: String?
    package var unit: String?
    package var minimum: String?
    package var maximum: String?
    package var required: String?
    /// `question=answer`, from the menu of earlier questions' answers.
    package var condition: String?

    func question(after existing: [SurveyQuestion]) throws -> SurveyQuestion {
        let kind = try FieldChoice.parse(SurveyQuestion.Kind.self, kind ?? "", field: "kind")
        let typedID = (id ?? "").trimmingCharacters(in: .whitespaces)
        let id = typedID.isEmpty ? Self.freeID(after: existing) : typedID
        let condition = (condition ?? "").split(separator: "=", maxSplits: 1).map(String.init)
        return SurveyQuestion(
            id: id, kind: kind, prompt: prompt ?? "",
            choices: (choices ?? "").split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty },
            unit: (unit ?? "").isEmpty ? nil : unit, minimum: try Self.number(minimum, field: "minimum"),
            maximum: try Self.number(maximum, field: "maximum"), isRequired: required == "on",
            condition: condition.count == 2 ? .init(question: condition[0], equals: condition[1]) : nil)
    }

    /// `q1`, `q2`…: the first not taken.
    static func freeID(after existing: [SurveyQuestion]) -> String {
        let taken = Set(existing.map(\.id))
        return (1...).lazy.map { "q\($0)" }.first { !taken.contains($0) }!
    }

    static func number(_ text: String?, field: String) throws -> Double? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw BadRequest(
                Message(
                    "voice.error.number", "'{field}' must be a number; got '{given}'.",
                    ["field": .text(field), "given": .text(text)]))
        }
        return value
    }
}

/// A city's answers as a browser sends them: `answer-ID` fields, repeated for several choices,
/// and which button was pressed.
package struct ResponseForm {
    package var values: [String: [String]]
    package var submit: Bool

    init(_ request: Request) {
        var values: [String: [String]] = [:]
        let body = request.body.string ?? ""
        for item in URLComponents(string: "?" + body.replacingOccurrences(of: "+", with: "%20"))?.queryItems ?? [] {
            values[item.name, default: []].append(item.value ?? "")
        }
        self.values = values
        submit = values["action"]?.first == "submit"
    }

    /// The answers the fields give, each read as its question takes it; a field left empty is no answer.
    func answers(to questions: [SurveyQuestion]) throws -> [String: SurveyAnswer] {
        var answers: [String: SurveyAnswer] = [:]
        for question in questions {
            let given = (values["answer-\(question.id)"] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard let first = given.first else { continue }
            switch question.kind {
            case .singleChoice, .text: answers[question.id] = .text(first)
            case .multipleChoice: answers[question.id] = .texts(given)
            case .yesNo:
                guard [SurveyQuestion.yes, SurveyQuestion.no].contains(first) else {
                    throw BadRequest(
                        FieldChoice.refusal(field: "answer-\(question.id)", allowed: "yes, no", given: first))
                }
                answers[question.id] = .flag(first == SurveyQuestion.yes)
            case .number, .scale:
                guard let number = try QuestionForm.number(first, field: question.id) else { continue }
                answers[question.id] = .number(number)
            }
        }
        return answers
    }
}
