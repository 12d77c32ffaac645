import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The surveys' pages: the list, building a survey question by question,
/// a survey's page, the form a city answers through, the results with their
/// breakdowns, and the CSV files of aggregates and of answers.
package struct SurveyWebController {
    package enum SurveyNotice: String, PageNotice {
        case drafted, saved
        case questionAdded = "question-added"
        case questionRemoved = "question-removed"
        case opened, closed
        case answersSaved = "answers-saved"
        case answersSubmitted = "answers-submitted"

        package var message: Message {
            switch self {
            case .drafted:
                Message(
                    "voice.notice.survey-drafted",
                    "The survey is saved as a draft. Add its questions, then open it to the cities it asks.")
            case .saved: Message("voice.notice.survey-saved", "The changes have been saved.")
            case .questionAdded: Message("voice.notice.question-added", "The question has been added.")
            case .questionRemoved: Message("voice.notice.question-removed", "The question has been removed.")
            case .opened: Message("voice.notice.survey-opened", "The survey is open: the cities it asks can answer.")
            case .closed: Message("voice.notice.survey-closed", "The survey is closed: its results stand.")
            case .answersSaved:
                Message(
                    "voice.notice.answers-saved",
                    "The answers are saved. They count in the results once you submit them.")
            case .answersSubmitted:
                Message(
                    "voice.notice.answers-submitted",
                    "The answers are submitted and count in the results. You can still change them until the survey closes."
                )
            }
        }
    }

    // MARK: list

    package struct ListRow: Encodable {
        package var summary: SurveySummaryDTO
        package var state: String
        package var closesOn: String?
    }

    package struct ListPage: Encodable {
        package var layout: Layout
        package var rows: [ListRow]
        package var pager: Pager
        package var mayDraft: Bool
    }

    @Sendable
    package func list(_ request: Request) async throws -> View {
        let page = try PageParameters(from: request)
        let (surveys, total) = try await VoiceRecords.listedSurveys(request: request, page: page)
        var rows: [ListRow] = []
        for survey in surveys {
            rows.append(
                ListRow(
                    summary: try await VoiceRecords.surveySummary(survey, request: request),
                    state: request.text(survey.state.message), closesOn: survey.closesOn))
        }
        let user = request.actor?.user
        return try await request.view.render(
            "Voice/surveys",
            ListPage(
                layout: Layout(title: Message("voice.surveys.title", "Surveys of cities"), request: request),
                rows: rows, pager: Pager(ListPageMetadata(page, total: total), request: request),
                mayDraft: user?.isPlatformAdmin == true
                    || user.flatMap(\.organisation).map { AccessPolicy.holds(.editor, in: [$0], user: user) } ?? false))
    }

    // MARK: the survey's details

    package struct FormPage: Encodable {
        package var layout: Layout
        package var action: String
        package var isNew: Bool
        package var form: SurveyForm
        package var languages: [FormChoice]
        package var organisers: [FormChoice]
        package var networks: [FormChoice]
        package var regions: [FormChoice]
        package var bands: [FormChoice]
        package var targetFixed: Bool
        package var error: String?
    }

    @Sendable
    package func newForm(_ request: Request) async throws -> View {
        try await renderForm(
            request, survey: nil,
            form: SurveyForm(
                language: request.language.rawValue, organiser: request.actor?.user.organisation?.reference,
                resultsPublic: "on"))
    }

    @Sendable
    package func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(SurveyForm.self)
        do {
            let survey = try await SurveyEdits.create(try form.input(isNew: true), context: request.editContext)
            return request.redirect(to: VoicePath.survey.href(survey.id!), showing: SurveyNotice.drafted)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(request, survey: nil, form: form, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }

    @Sendable
    package func editForm(_ request: Request) async throws -> View {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let target = survey.target
        return try await renderForm(
            request, survey: survey,
            form: SurveyForm(
                title: survey.title, description: survey.description, language: survey.language,
                closesOn: survey.closesOn, resultsPublic: survey.resultsPublic ? "on" : nil,
                answersPublic: survey.answersPublic ? "on" : nil, network: target.network.map(String.init),
                regions: target.regions, countries: target.countries.joined(separator: ", "),
                populationBands: target.populationBands.map(\.rawValue)))
    }

    @Sendable
    package func update(_ request: Request) async throws -> Response {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let form = try request.content.decode(SurveyForm.self)
        do {
            var input = try form.input(isNew: false)
            // Once open, the form no longer offers whom the survey asks.
            if survey.state != .draft { input.target = nil }
            try await SurveyEdits.update(survey, with: input, context: request.editContext)
            return request.redirect(to: VoicePath.survey.href(survey.id!), showing: SurveyNotice.saved)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(request, survey: survey, form: form, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }

    private func renderForm(_ request: Request, survey: Survey?, form: SurveyForm, error: String? = nil) async throws
        -> View
    {
        let user = request.actor?.user
        var organisers: [FormChoice] = []
        if let own = user?.organisation, AccessPolicy.holds(.editor, in: [own], user: user) {
            organisers.append(FormChoice(value: own.reference, label: try await request.name(of: own), selected: true))
        }
        let networks = try await Network.query(on: request.db).sort(\.$name).all()
        let title =
            survey.map { Message("voice.survey-form.edit-title", "Edit “{title}”", ["title": .text($0.title)]) }
            ?? Message("voice.survey-form.new-title", "Draft a survey of cities")
        let page = FormPage(
            layout: Layout(title: title, request: request),
            action: request.localized(survey.map { VoicePath.editSurvey.href($0.id!) } ?? VoicePath.surveys.href()),
            isNew: survey == nil, form: form,
            languages: WrittenLanguages.choices(selected: form.language, request: request),
            organisers: organisers,
            networks: networks.map {
                FormChoice(value: "\($0.id!)", label: $0.name, selected: form.network == "\($0.id!)")
            },
            regions: VoiceQueries.regions.map {
                FormChoice(
                    value: $0, label: request.text(ReferenceName.region($0)),
                    selected: form.regions?.contains($0) ?? false)
            },
            bands: PopulationBand.allCases.map {
                FormChoice(
                    value: $0.rawValue, label: request.text($0.message),
                    selected: form.populationBands?.contains($0.rawValue) ?? false)
            }, targetFixed: survey.map { $0.state != .draft } ?? false, error: error)
        return try await request.view.render("Voice/survey-form", page)
    }

    // MARK: a survey

    package struct QuestionRow: Encodable {
        package var question: SurveyQuestion
        package var kind: String
        package var choices: [String]
        package var range: String?
        package var condition: String?
        package var removeAction: String
    }

    package struct SurveyPage: Encodable {
        package var layout: Layout
        package var survey: SurveyDTO
        package var state: String
        package var organiser: String
        package var target: String
        package var closesOn: String?
        package var questions: [QuestionRow]
        package var mayOrganise: Bool
        package var maySeeResults: Bool
        /// The signed-in person's city, when the survey asks it and they may answer for it.
        package var answerLink: String?
        package var answerCity: String?
        package var takesAnswers: Bool
        package var kinds: [FormChoice]
        package var conditions: [FormChoice]
        package var notice: String?
        package var error: String?
    }

    @Sendable
    package func show(_ request: Request) async throws -> View {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        return try await renderSurvey(request, survey, notice: request.notice(SurveyNotice.self))
    }

    private func renderSurvey(_ request: Request, _ survey: Survey, notice: String? = nil, error: String? = nil)
        async throws -> View
    {
        let dto = try await VoiceRecords.survey(survey, request: request)
        let id = dto.id
        let user = request.actor?.user
        var answerLink: String?
        var answerCity: String?
        if let city = user?.cityID, AccessPolicy.holds(.editor, in: [.city(city)], user: user),
            survey.state != .draft, try await VoiceQueries.asks(survey, city: city, on: request.db)
        {
            answerLink = request.localized(VoicePath.response.href(id, city))
            answerCity = try await request.name(of: .city(city))
        }
        let questions = survey.questions
        let page = SurveyPage(
            layout: Layout(title: survey.title, request: request), survey: dto,
            state: request.text(survey.state.message),
            organiser: dto.organiser.name,
            target: request.text(try await Self.targetText(survey.target, request: request)),
            closesOn: survey.closesOn,
            questions: questions.map { question in
                QuestionRow(
                    question: question, kind: request.text(question.kind.message),
                    choices: question.choices,
                    range: Self.rangeText(question, request: request),
                    condition: question.condition.map { condition in
                        request.text(
                            Message(
                                "voice.survey.asked-if", "Asked only if {question} is answered “{answer}”.",
                                [
                                    "question": .text(condition.question),
                                    "answer": .message(
                                        questions.first { $0.id == condition.question }.map {
                                            VoiceRecords.optionName(condition.equals, of: $0)
                                        } ?? .name(condition.equals)),
                                ]))
                    }, removeAction: request.localized(VoicePath.removeQuestion.href(id, question.id)))
            },
            mayOrganise: AccessPolicy.holds(.editor, in: [survey.organiser], user: user),
            maySeeResults: try await VoiceQueries.maySeeResults(survey, request: request), answerLink: answerLink,
            answerCity: answerCity, takesAnswers: survey.takesAnswers(),
            kinds: SurveyQuestion.Kind.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text($0.message), selected: false)
            },
            conditions: questions.filter { [.yesNo, .singleChoice, .multipleChoice].contains($0.kind) }.flatMap {
                question in
                question.options.map { option in
                    FormChoice(
                        value: "\(question.id)=\(option)",
                        label: "\(question.id): \(request.text(VoiceRecords.optionName(option, of: question)))",
                        selected: false)
                }
            }, notice: notice, error: error)
        return try await request.view.render("Voice/survey", page)
    }

    /// "Members of C40 in Africa or Brazil, of 1 to 5 million".
    static func targetText(_ target: SurveyTarget, request: Request) async throws -> Message {
        if target.isEveryCity { return Message("voice.target.every-city", "Every city in the directory") }
        var parts: [Message] = []
        if let network = target.network {
            parts.append(
                Message(
                    "voice.target.members", "members of {network}",
                    ["network": .text(try await request.name(of: .network(network)))]))
        }
        let places =
            target.regions.map(ReferenceName.region)
            + target.countries.map { Message.name(request.countryName(code: $0, fallback: $0)) }
        if !places.isEmpty {
            parts.append(Message("voice.target.places", "in {places}", ["places": .alternatives(places)]))
        }
        if !target.populationBands.isEmpty {
            parts.append(
                Message(
                    "voice.target.bands", "of population {bands}",
                    ["bands": .alternatives(target.populationBands.map { .value(.lowercased($0.message)) })]))
        }
        return Message("voice.target.cities", "Cities: {parts}", ["parts": .list(parts)])
    }

    static func rangeText(_ question: SurveyQuestion, request: Request) -> String? {
        guard question.kind == .number else { return nil }
        let unit: Message.Value = .text(question.unit ?? "")
        switch (question.minimum, question.maximum) {
        case let (minimum?, maximum?):
            return request.text(
                Message(
                    "voice.survey.range-between", "from {minimum} to {maximum} {unit}",
                    ["minimum": .decimal(minimum), "maximum": .decimal(maximum), "unit": unit]))
        case let (minimum?, nil):
            return request.text(
                Message(
                    "voice.survey.range-from", "at least {minimum} {unit}",
                    ["minimum": .decimal(minimum), "unit": unit]))
        case let (nil, maximum?):
            return request.text(
                Message(
                    "voice.survey.range-to", "at most {maximum} {unit}", ["maximum": .decimal(maximum), "unit": unit]))
        case (nil, nil):
            return question.unit
        }
    }

    /// Runs one of the survey page's actions; a refusal the organiser can mend shows the page again with it.
    private func act(_ request: Request, _ action: (Survey) async throws -> SurveyNotice) async throws -> Response {
        try await PageAction.run(
            request, load: { try await VoiceQueries.visibleSurvey($0, request: request) },
            page: { VoicePath.survey.href($0) }, render: { try await renderSurvey(request, $0, error: $1) }, action)
    }

    @Sendable
    package func addQuestion(_ request: Request) async throws -> Response {
        let form = try request.content.decode(QuestionForm.self)
        return try await act(request) { survey in
            let questions = survey.questions + [try form.question(after: survey.questions)]
            try await SurveyEdits.update(survey, with: SurveyInput(questions: questions), context: request.editContext)
            return .questionAdded
        }
    }

    @Sendable
    package func removeQuestion(_ request: Request) async throws -> Response {
        let id = request.parameters.get("question") ?? ""
        return try await act(request) { survey in
            guard survey.questions.contains(where: { $0.id == id }) else {
                throw Refusal(
                    .notFound,
                    Message(
                        "voice.error.no-question", "The survey has no question '{id}' to remove.", ["id": .text(id)]))
            }
            try await SurveyEdits.update(
                survey, with: SurveyInput(questions: survey.questions.filter { $0.id != id }),
                context: request.editContext)
            return .questionRemoved
        }
    }

    package struct StateForm: Content {
        package var state: String?
    }

    @Sendable
    package func changeState(_ request: Request) async throws -> Response {
        let form = try request.content.decode(StateForm.self)
        return try await act(request) { survey in
            try await SurveyEdits.update(survey, with: SurveyInput(state: form.state), context: request.editContext)
            return survey.state == .closed ? .closed : .opened
        }
    }

    // MARK: a city's answers

    package struct AnswerField: Encodable {
        package var question: SurveyQuestion
        package var kind: String
        package var range: String?
        package var condition: String?
        package var options: [FormChoice]
        package var value: String
    }

    package struct ResponsePage: Encodable {
        package var layout: Layout
        package var surveyID: Int
        package var surveyTitle: String
        package var city: String
        package var fields: [AnswerField]
        package var submitted: Bool
        package var updated: String?
        package var mayAnswer: Bool
        package var action: String
        package var notice: String?
        package var error: String?
    }

    @Sendable
    package func responseForm(_ request: Request) async throws -> View {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let city = try request.integerParameter("city")
        if request.actor == nil { throw Abort.redirect(to: AccountsPath.login.href() + "?next=" + request.url.path) }
        let seesDrafts = try VoiceAPIController.requireSight(of: city, in: survey, request: request)
        var response = try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == survey.requireID())
            .filter(\.$city.$id == city).first()
        // Outside the city and the organisers, unfinished answers stay unseen.
        if !seesDrafts, response?.submittedAt == nil { response = nil }
        return try await renderResponse(
            request, survey, city: city, answers: response?.answers ?? [:], response: response,
            notice: request.notice(SurveyNotice.self))
    }

    private func renderResponse(
        _ request: Request, _ survey: Survey, city: Int, answers: [String: SurveyAnswer], response: SurveyResponse?,
        typed: ResponseForm? = nil, notice: String? = nil, error: String? = nil
    ) async throws -> View {
        let id = try survey.requireID()
        let cityName = try await request.name(of: .city(city))
        let questions = survey.questions
        let fields = questions.map { question in
            let answer = answers[question.id]
            // A form sent back with a mistake shows what was typed, not what was saved before.
            let sent = typed?.values["answer-\(question.id)"]
            let given = sent ?? answer?.options(of: question) ?? []
            let saved: String =
                switch answer {
                case .text(let text)?: text
                case .number(let number)? where question.kind == .number: SurveyResultsTable.number(number)
                default: ""
                }
            let value = sent?.first ?? saved
            return AnswerField(
                question: question, kind: question.kind.rawValue, range: Self.rangeText(question, request: request),
                condition: question.condition.map { condition in
                    let earlier = questions.first { $0.id == condition.question }
                    return request.text(
                        Message(
                            "voice.response.answer-if",
                            "Answer only if you answered “{answer}” to question {question}.",
                            [
                                "question": .text(condition.question),
                                "answer": .message(
                                    earlier.map { VoiceRecords.optionName(condition.equals, of: $0) }
                                        ?? .name(condition.equals)),
                            ]))
                },
                options: question.options.map { option in
                    FormChoice(
                        value: option, label: request.text(VoiceRecords.optionName(option, of: question)),
                        selected: given.contains(option))
                }, value: value)
        }
        let page = ResponsePage(
            layout: Layout(
                title: Message(
                    "voice.response.title", "{city}'s answers to “{survey}”",
                    ["city": .text(cityName), "survey": .text(survey.title)]), request: request),
            surveyID: id, surveyTitle: survey.title, city: cityName, fields: fields,
            submitted: response?.submittedAt != nil, updated: response?.updatedAt.map(request.text(minute:)),
            mayAnswer: survey.takesAnswers()
                && AccessPolicy.holds(.editor, in: [.city(city)], user: request.actor?.user),
            action: request.localized(VoicePath.response.href(id, city)), notice: notice, error: error)
        return try await request.view.render("Voice/response", page)
    }

    @Sendable
    package func saveResponse(_ request: Request) async throws -> Response {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let city = try request.integerParameter("city")
        let form = ResponseForm(request)
        var answers: [String: SurveyAnswer] = [:]
        do {
            answers = try form.answers(to: survey.questions)
            let saved = try await SurveyEdits.saveResponse(
                to: survey, city: city, input: .init(answers: answers, submit: form.submit),
                context: request.editContext)
            return request.redirect(
                to: VoicePath.response.href(survey.id!, city),
                showing: saved.submittedAt != nil ? SurveyNotice.answersSubmitted : SurveyNotice.answersSaved)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            let response = try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == survey.requireID())
                .filter(\.$city.$id == city).first()
            return try await renderResponse(
                request, survey, city: city, answers: answers, response: response, typed: form,
                error: request.text(error: problem)
            ).encodeResponse(status: problem.status, for: request)
        }
    }

    // MARK: results

    package struct OptionBar: Encodable {
        package var label: String
        package var count: Int
        package var percent: Double
        package var percentText: String
    }

    package struct ResultBlock: Encodable {
        package var id: String
        package var prompt: String
        package var kind: String
        package var respondents: String
        package var isHidden: Bool
        package var bars: [OptionBar]
        package var isMultiple: Bool
        package var median: String?
    }

    package struct BreakdownRow: Encodable {
        package var group: String
        package var respondents: Int
        /// Per option, "40 %", or the median; empty when hidden.
        package var cells: [String]
        package var isHidden: Bool
    }

    package struct BreakdownTable: Encodable {
        package var prompt: String
        package var columns: [String]
        package var columnCount: Int
        package var rows: [BreakdownRow]
    }

    package struct RespondingCity: Encodable {
        package var name: String
        package var href: String
    }

    package struct ResultsPage: Encodable {
        package var layout: Layout
        package var surveyID: Int
        package var surveyTitle: String
        package var state: String
        package var asked: Int
        package var respondents: Int
        package var results: [ResultBlock]
        package var filters: [FilterMenu]
        package var dimensions: [FormChoice]
        package var breakdown: [BreakdownTable]
        package var breakdownName: String?
        package var cities: [RespondingCity]
        package var csvLink: String
        package var answersLink: String?
    }

    package struct FilterMenu: Encodable {
        package var name: String
        package var label: String
        package var options: [FormChoice]
    }

    @Sendable
    package func results(_ request: Request) async throws -> View {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let report = try await SurveyResultsReport.read(for: survey, request: request)
        let filter = report.filter
        let questions = survey.questions
        let id = try survey.requireID()
        let byText = request.query[String.self, at: "by"] ?? ""
        let dimension = SurveyBreakdown.Dimension(rawValue: byText)
        let blocks = zip(report.questions, questions).map { result, question in
            ResultBlock(
                id: question.id, prompt: question.prompt, kind: request.text(question.kind.message),
                respondents: request.text(
                    Message(
                        "voice.results.n", one: "n = {count} city answered", other: "n = {count} cities answered",
                        count: result.respondents)),
                isHidden: result.isHidden,
                bars: result.options.map { option in
                    Self.bar(
                        request.text(VoiceRecords.optionName(option.value, of: question)), count: option.count,
                        share: option.share, request: request)
                }
                    + result.histogram.map { bin in
                        Self.bar(
                            request.text(
                                Message(
                                    "voice.results.bin", "{lower} to {upper}",
                                    ["lower": .decimal(bin.lower), "upper": .decimal(bin.upper)])), count: bin.count,
                            share: Double(bin.count) / Double(max(1, result.respondents)), request: request)
                    }, isMultiple: question.kind == .multipleChoice,
                median: result.median.map {
                    request.text(
                        Message(
                            "voice.results.median", "Median {median} {unit}",
                            ["median": .decimal($0), "unit": .text(question.unit ?? "")]))
                })
        }
        var tables: [BreakdownTable] = []
        if let dimension, let breakdown = report.breakdowns.first(where: { $0.dimension == dimension }),
            !breakdown.groups.isEmpty
        {
            for (index, question) in questions.enumerated() where question.kind != .text {
                let columns =
                    question.kind == .number
                    ? [request.text(Message("voice.results.median-heading", "Median"))]
                    : question.options.map { request.text(VoiceRecords.optionName($0, of: question)) }
                tables.append(
                    BreakdownTable(
                        prompt: question.prompt, columns: columns, columnCount: columns.count,
                        rows: breakdown.groups.map { group in
                            let result = group.questions[index]
                            let cells: [String] =
                                result.isHidden
                                ? []
                                : question.kind == .number
                                    ? [result.median.map { request.text(value: .decimal($0)) } ?? ""]
                                    : result.options.map { request.text(value: .percent($0.share)) }
                            return BreakdownRow(
                                group: request.text(SurveyResultsReport.groupName(group.group, along: dimension)),
                                respondents: result.respondents, cells: cells, isHidden: result.isHidden)
                        }))
            }
        }
        var cities: [RespondingCity] = []
        if VoiceQueries.maySeeAnswers(survey, request: request) {
            let rows = try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == id)
                .filter(\.$submittedAt != nil).with(\.$city).all()
            cities = rows.map {
                RespondingCity(name: $0.city.name, href: request.localized(VoicePath.response.href(id, $0.$city.id)))
            }.sorted { $0.name < $1.name }
        }
        func menu(_ name: String, _ label: Message, _ values: [String], selected: String?, word: (String) -> Message)
            -> FilterMenu
        {
            FilterMenu(
                name: name, label: request.text(label),
                options: values.map { FormChoice(value: $0, label: request.text(word($0)), selected: $0 == selected) })
        }
        let page = ResultsPage(
            layout: Layout(
                title: Message("voice.results.title", "Results of “{survey}”", ["survey": .text(survey.title)]),
                request: request),
            surveyID: id, surveyTitle: survey.title, state: request.text(survey.state.message),
            asked: try await VoiceQueries.askedCount(survey, on: request.db), respondents: report.respondents,
            results: blocks,
            filters: [
                menu(
                    "region", Message("voice.results.region", "Region"), VoiceQueries.regions, selected: filter.region,
                    word: ReferenceName.region),
                menu(
                    "income", Message("voice.results.income", "Income group"), CityProfile.incomeGroups,
                    selected: filter.incomeGroup, word: ReferenceName.incomeGroup),
                menu(
                    "population", Message("voice.results.population", "Population"),
                    PopulationBand.allCases.map(\.rawValue), selected: filter.populationBand?.rawValue,
                    word: { PopulationBand(rawValue: $0)?.message ?? .name($0) }),
            ],
            dimensions: SurveyBreakdown.Dimension.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text(Self.dimensionName($0)), selected: $0 == dimension)
            }, breakdown: tables, breakdownName: dimension.map { request.text(Self.dimensionName($0)) },
            cities: cities, csvLink: request.localized(VoicePath.resultsCSV.href(id)),
            answersLink: VoiceQueries.isInside([survey.organiser], request: request)
                ? request.localized(VoicePath.answersCSV.href(id)) : nil)
        return try await request.view.render("Voice/results", page)
    }

    static func bar(_ label: String, count: Int, share: Double, request: Request) -> OptionBar {
        OptionBar(
            label: label, count: count, percent: (share * 1000).rounded() / 10,
            percentText: request.text(value: .percent(share)))
    }

    static func dimensionName(_ dimension: SurveyBreakdown.Dimension) -> Message {
        switch dimension {
        case .region: Message("voice.results.by-region", "by region")
        case .incomeGroup: Message("voice.results.by-income", "by income group")
        case .populationBand: Message("voice.results.by-population", "by population")
        }
    }

    /// The aggregates as CSV: one row per question, group and option, hidden figures left empty.
    @Sendable
    package func resultsCSV(_ request: Request) async throws -> Response {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let report = try await SurveyResultsReport.read(for: survey, request: request)
        let csv = try CSVExport.text(
            header: ["question", "prompt", "dimension", "group", "respondents", "option", "count", "share", "median"],
            rows: SurveyResultsTable.rows(questions: survey.questions, report: report))
        return .csvDownload(csv, name: "survey-\(try survey.requireID())-results.csv")
    }

    /// Every city's saved answers as CSV, for the organisers: one row per city (the `submitted` column says
    /// which count in the results), one column per question.
    @Sendable
    package func answersCSV(_ request: Request) async throws -> Response {
        let survey = try await VoiceQueries.visibleSurvey(try request.integerParameter("id"), request: request)
        let id = try survey.requireID()
        let responses = try await SurveyResponse.query(on: request.db).filter(\.$survey.$id == id)
            .with(\.$city).sort(\.$city.$id).all()
        let questions = survey.questions
        let rows = responses.map { response in
            let answers = response.answers
            return ["\(response.$city.id)", response.city.name, response.submittedAt != nil ? "yes" : "no"]
                + questions.map { SurveyResultsTable.cell(answers[$0.id]) }
        }
        let csv = try CSVExport.text(header: ["city_id", "city", "submitted"] + questions.map(\.id), rows: rows)
        return .csvDownload(csv, name: "survey-\(id)-answers.csv")
    }
}
