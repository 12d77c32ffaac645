import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import Vapor

/// The example statements and surveys of `Resources/Demo/voice.json`,
/// written through the same edits as a client's and marked as examples: a
/// communiqué to the G20 endorsed by cities of every region, a statement
/// whose text was revised after some cities endorsed it (their endorsements
/// wait for confirmation), a closed survey of shortfalls answered by forty
/// cities and cited by the revised statement, and a survey open for answers.
/// The answers are generated from each city's place in the list, not given by the cities.
package enum DemoVoice {
    package struct File: Decodable, Sendable {
        package var communique: StatementItem
        package var revised: StatementItem
        package var survey: SurveyItem
        package var openSurvey: SurveyItem
    }

    package struct StatementItem: Decodable, Sendable {
        package var title: String
        package var language: String
        package var themes: [String]
        package var addressees: [Addressee]
        package var deadlineInDays: Int
        /// Network slugs.
        package var leads: [String]
        package var body: String
        package var revisedBody: String?
        package var endorsers: [[String]]?
        package var confirmers: [[String]]?
        package var waiting: [[String]]?
    }

    package struct SurveyItem: Decodable, Sendable {
        package var title: String
        package var language: String
        package var organiser: String
        package var description: String
        package var questions: [SurveyQuestion]
        package var respondents: [[String]]?
        package var regions: [String]?
    }

    package static let loadIfEmpty = DemoContentFile.loader(
        "voice.json", as: File.self, what: "example statements and surveys",
        isEmpty: { try await Statement.query(on: $0).count() == 0 }, load: { try await load($0, on: $1) })

    /// Loads the file through the edits; returns how many statements and surveys were created.
    package static func load(_ file: File, on db: any Database) async throws -> Int {
        let context = EditContext.examples(on: db)
        let directory = DirectoryOrganisations()
        func cities(_ names: [[String]]?) async throws -> [Organisation] {
            var found: [Organisation] = []
            for pair in names ?? [] where pair.count == 2 {
                if let city = try await directory.city(named: pair[0], inCountry: pair[1], on: db) {
                    found.append(city)
                }
            }
            return found
        }
        func networks(_ slugs: [String]) async throws -> [Organisation] {
            var found: [Organisation] = []
            for slug in slugs { if let network = try await directory.network(slug, on: db) { found.append(network) } }
            return found
        }
        var created = 0

        // The survey first: the revised statement cites it.
        let survey = try await makeSurvey(
            file.survey, organiser: networks([file.survey.organiser]).first, context: context)
        if let survey {
            created += 1
            for (index, city) in try await cities(file.survey.respondents).enumerated() {
                _ = try await SurveyEdits.saveResponse(
                    to: survey, city: city.id, input: .init(answers: answers(index), submit: true), context: context)
            }
            try await SurveyEdits.update(survey, with: SurveyInput(state: "closed"), context: context)
        }
        if let open = try await makeSurvey(
            file.openSurvey, organiser: networks([file.openSurvey.organiser]).first, context: context)
        {
            _ = open
            created += 1
        }

        for item in [file.communique, file.revised] {
            let leads = try await networks(item.leads)
            guard !leads.isEmpty else { continue }
            let statement = try await StatementEdits.create(
                StatementInput(
                    title: item.title, body: item.body, language: item.language, themes: item.themes,
                    addressees: item.addressees,
                    deadline: DateText.day(number: DateText.todayNumber + item.deadlineInDays), leads: leads),
                context: context)
            created += 1
            try await StatementEdits.change(statement, .init(state: "open"), context: context)
            let first = try await cities(item.endorsers) + cities(item.confirmers) + cities(item.waiting)
            for city in first { try await endorse(statement, for: city, on: db, context: context) }
            guard let revisedBody = item.revisedBody else { continue }
            try await StatementEdits.update(statement, with: StatementInput(body: revisedBody), context: context)
            for city in try await cities(item.confirmers) {
                try await endorse(statement, for: city, on: db, context: context)
            }
            if let survey {
                _ = try await StatementEdits.cite(
                    statement, survey: try survey.requireID(), question: "short", option: SurveyQuestion.yes,
                    context: context)
            }
        }
        return created
    }

    private static func makeSurvey(_ item: SurveyItem, organiser: Organisation?, context: EditContext) async throws
        -> Survey?
    {
        guard let organiser else { return nil }
        let survey = try await SurveyEdits.create(
            SurveyInput(
                title: item.title, description: item.description, language: item.language, organiser: organiser,
                resultsPublic: true, answersPublic: false, target: SurveyTarget(regions: item.regions ?? []),
                questions: item.questions),
            context: context)
        try await SurveyEdits.update(survey, with: SurveyInput(state: "open"), context: context)
        return survey
    }

    /// A signatory for the example: the city's international office, named as an example.
    private static func endorse(
        _ statement: Statement, for city: Organisation, on db: any Database, context: EditContext
    )
        async throws
    {
        let name = try await DirectoryOrganisations().name(of: city, on: db) ?? ""
        let signer = User(
            email: "example@example.org", name: "International office of \(name) (example)", organisation: city,
            role: nil, isPlatformAdmin: false)
        signer.signatoryTitle = "Example signatory"
        _ = try await EndorsementEdits.endorse(statement, for: city, input: .init(), signer: signer, context: context)
    }

    /// The answers of the city at `index` in the list: varied by its place, so that results have shape.
    static func answers(_ index: Int) -> [String: SurveyAnswer] {
        let short = index % 5 != 4
        var answers: [String: SurveyAnswer] = [
            "short": .flag(short), "support": .number(Double(1 + (index * 7) % 5)),
            "source": .text(["National government", "Own purchases", "Other cities", "Donations"][(index * 3) % 4]),
        ]
        if short {
            // Each shortfall as often as a rule of the city's place gives it: masks most, funding least.
            let lacked: [(String, Bool)] = [
                ("Masks", index % 5 != 0), ("Gowns", index % 3 == 0), ("Gloves", index % 4 != 1),
                ("Testing capacity", index % 2 == 0), ("Funding", index % 7 < 3 || index % 5 == 0),
            ]
            answers["lacked"] = .texts(lacked.filter(\.1).map(\.0))
            answers["days"] = .number(Double(10 + (index * 37) % 120))
        }
        return answers
    }
}
