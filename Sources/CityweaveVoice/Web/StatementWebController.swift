import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The statements' pages: the list, the drafting form, a statement's public
/// page with its text, signatories, counts and map, the forms its leads and
/// signatories act through, and the plain list of signatories to embed elsewhere.
package struct StatementWebController {
    // MARK: list

    package struct ListRow: Encodable {
        package var summary: StatementSummaryDTO
        package var state: String
        package var leads: String
        package var deadline: String?
    }

    package struct ListPage: Encodable {
        package var layout: Layout
        package var rows: [ListRow]
        package var pager: Pager
        package var states: [FormChoice]
        package var mayDraft: Bool
    }

    @Sendable
    package func list(_ request: Request) async throws -> View {
        let page = try PageParameters(from: request)
        let stateText = request.query[String.self, at: "state"] ?? ""
        let state = stateText.isEmpty ? nil : try FieldChoice.parse(StatementState.self, stateText, field: "state")
        let (statements, total) = try await VoiceRecords.listedStatements(request: request, state: state, page: page)
        let counts = try await VoiceRecords.endorsementCounts(of: statements, on: request.db)
        var rows: [ListRow] = []
        for statement in statements {
            let summary = try await VoiceRecords.statementSummary(
                statement, endorsements: counts[statement.id!] ?? 0, request: request)
            rows.append(
                ListRow(
                    summary: summary, state: request.text(statement.state.message),
                    leads: request.text(value: .list(summary.leads.map { .name($0.name) })),
                    deadline: statement.deadline))
        }
        let user = request.actor?.user
        return try await request.view.render(
            "Voice/statements",
            ListPage(
                layout: Layout(title: Message("voice.statements.title", "Joint statements"), request: request),
                rows: rows, pager: Pager(ListPageMetadata(page, total: total), request: request),
                states: StatementState.allCases.map {
                    FormChoice(value: $0.rawValue, label: request.text($0.message), selected: $0 == state)
                },
                mayDraft: user?.isPlatformAdmin == true
                    || user.flatMap(\.organisation).map { AccessPolicy.holds(.editor, in: [$0], user: user) } ?? false))
    }

    // MARK: drafting

    package struct FormPage: Encodable {
        package struct AddresseeRow: Encodable {
            package var index: Int
            package var kinds: [FormChoice]
            package var name: String
        }

        package var layout: Layout
        package var action: String
        package var isNew: Bool
        package var form: StatementForm
        package var languages: [FormChoice]
        package var themes: [FormChoice]
        package var addressees: [AddresseeRow]
        /// The organisations the writer may lead for; empty for a platform administrator, who types one.
        package var leads: [FormChoice]
        package var error: String?
    }

    @Sendable
    package func newForm(_ request: Request) async throws -> View {
        let own = request.actor?.user.organisation
        return try await renderForm(
            request, statement: nil,
            form: StatementForm(
                language: request.language.rawValue == "en" ? "en" : request.language.rawValue, lead: own?.reference))
    }

    @Sendable
    package func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(StatementForm.self)
        do {
            let statement = try await StatementEdits.create(try form.input(isNew: true), context: request.editContext)
            return request.redirect(to: VoicePath.statement.href(statement.id!), showing: StatementNotice.drafted)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(
                request, statement: nil, form: form, error: request.text(error: problem)
            ).encodeResponse(status: problem.status, for: request)
        }
    }

    @Sendable
    package func editForm(_ request: Request) async throws -> View {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        return try await renderForm(
            request, statement: statement,
            form: StatementForm(
                title: statement.title, body: statement.body, language: statement.language, themes: statement.themes,
                addresseeKinds: statement.addressees.map(\.kind.rawValue),
                addresseeNames: statement.addressees.map(\.name), deadline: statement.deadline))
    }

    @Sendable
    package func update(_ request: Request) async throws -> Response {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        let form = try request.content.decode(StatementForm.self)
        let version = statement.version
        do {
            try await StatementEdits.update(statement, with: try form.input(isNew: false), context: request.editContext)
            return request.redirect(
                to: VoicePath.statement.href(statement.id!),
                showing: statement.version == version ? StatementNotice.saved : StatementNotice.newVersion)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(request, statement: statement, form: form, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }

    private func renderForm(_ request: Request, statement: Statement?, form: StatementForm, error: String? = nil)
        async throws -> View
    {
        let isNew = statement == nil
        let user = request.actor?.user
        var leads: [FormChoice] = []
        if let own = user?.organisation, AccessPolicy.holds(.editor, in: [own], user: user) {
            leads.append(FormChoice(value: own.reference, label: try await request.name(of: own), selected: true))
        }
        let kinds = form.addresseeKinds ?? []
        let names = form.addresseeNames ?? []
        let rows = (0..<StatementForm.addresseeRows).map { index in
            FormPage.AddresseeRow(
                index: index,
                kinds: Addressee.Kind.allCases.map { kind in
                    FormChoice(
                        value: kind.rawValue, label: request.text(kind.message),
                        selected: index < kinds.count && kinds[index] == kind.rawValue)
                }, name: index < names.count ? names[index] : "")
        }
        let title =
            statement.map { Message("voice.statement-form.edit-title", "Edit “{title}”", ["title": .text($0.title)]) }
            ?? Message("voice.statement-form.new-title", "Draft a joint statement")
        let page = FormPage(
            layout: Layout(title: title, request: request),
            action: request.localized(
                statement.map { VoicePath.editStatement.href($0.id!) } ?? VoicePath.statements.href()),
            isNew: isNew, form: form, languages: WrittenLanguages.choices(selected: form.language, request: request),
            themes: Theme.allCases.map {
                FormChoice(
                    value: $0.rawValue, label: request.text($0.message),
                    selected: form.themes?.contains($0.rawValue) ?? false)
            },
            addressees: rows, leads: leads, error: error)
        return try await request.view.render("Voice/statement-form", page)
    }

    // MARK: a statement

    package enum StatementNotice: String, PageNotice {
        case drafted, saved
        case newVersion = "new-version"
        case stateChanged = "state"
        case translated, cited, uncited
        case endorsed, confirmed, updated, withdrawn

        package var message: Message {
            switch self {
            case .drafted:
                Message(
                    "voice.notice.drafted",
                    "The draft is saved. Only your organisation sees it until you open it for endorsement.")
            case .saved: Message("voice.notice.saved", "The changes have been saved.")
            case .newVersion:
                Message(
                    "voice.notice.new-version",
                    "The text has changed: this is a new version. Endorsements of the earlier text now wait for their signatories to confirm them."
                )
            case .stateChanged: Message("voice.notice.state", "The statement's state has changed.")
            case .translated: Message("voice.notice.translated", "The translation has been saved.")
            case .cited: Message("voice.notice.cited", "The survey's figure is cited.")
            case .uncited: Message("voice.notice.uncited", "The citation has been removed.")
            case .endorsed: Message("voice.notice.endorsed", "Your organisation endorses the statement.")
            case .confirmed:
                Message("voice.notice.confirmed", "Your organisation's endorsement now stands for the current text.")
            case .updated: Message("voice.notice.updated", "Your organisation's endorsement has been updated.")
            case .withdrawn: Message("voice.notice.withdrawn", "Your organisation's endorsement has been withdrawn.")
            }
        }
    }

    package struct SignatoryRow: Encodable {
        package var organisation: String
        package var href: String?
        package var signer: String
        package var title: String
        package var date: String
        package var comment: String
        package var isExample: Bool
    }

    package struct CountRow: Encodable {
        package var group: String
        package var count: Int
        package var percent: Double
        package var percentText: String
    }

    package struct CountTable: Encodable {
        package var heading: String
        package var rows: [CountRow]
    }

    package struct TextVersion: Encodable {
        package var language: String
        package var languageName: String
        package var title: String
        package var body: String
        package var isOriginal: Bool
        package var isCurrent: Bool
        package var href: String
        package var selected: Bool
    }

    /// What the signed-in person's organisation may do, if it may sign.
    package struct Signing: Encodable {
        package var organisation: String
        package var action: String
        package var withdrawAction: String
        /// "endorse", "confirm" (an earlier text was endorsed) or "endorsed".
        package var status: String
        package var comment: String
        package var version: Int
    }

    /// The signatories a statement's page lists at a time.
    static let signatoriesPerPage = 50

    package struct StatementPage: Encodable {
        package var layout: Layout
        package var statement: StatementDTO
        package var state: String
        package var leads: String
        package var addressees: String
        package var themes: String
        package var texts: [TextVersion]
        package var shown: TextVersion
        package var deadline: String?
        package var opened: String?
        /// A page of the organisations that endorse the current text.
        package var current: [SignatoryRow]
        package var pager: Pager
        package var earlier: [SignatoryRow]
        /// The endorsements of an earlier text past those listed.
        package var moreEarlier: Int
        package var counts: [CountTable]
        package var cities: Int
        package var networks: Int
        /// The map of the cities that endorse the current text, served as an image of its own (``map(_:)``).
        package var mapTitle: String
        package var mapHref: String
        package var mapCredit: String
        package var mapWidth = Int(WorldMap.width)
        package var mapHeight = Int(WorldMap.height)
        package var mayLead: Bool
        package var nextStates: [FormChoice]
        package var signing: Signing?
        package var languages: [FormChoice]
        /// The figures of closed surveys with public results the leads may cite.
        package var citableFigures: [FormChoice]
        package var takesEndorsements: Bool
        package var notice: String?
        package var error: String?
    }

    @Sendable
    package func show(_ request: Request) async throws -> View {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        return try await renderStatement(request, statement, notice: request.notice(StatementNotice.self))
    }

    private func renderStatement(
        _ request: Request, _ statement: Statement, notice: String? = nil, error: String? = nil
    ) async throws -> View {
        let dto = try await VoiceRecords.statement(statement, request: request)
        let id = dto.id
        let listed = try PageParameters(from: request, defaultPer: Self.signatoriesPerPage)
        let current = try await Signatory.of(id, .of(version: statement.version), page: listed, on: request.db)
        let earlier = try await Signatory.of(
            id, .notOf(version: statement.version), page: PageParameters(page: 1, per: Self.signatoriesPerPage),
            on: request.db)
        func row(_ signatory: Signatory) -> SignatoryRow {
            SignatoryRow(
                organisation: signatory.name(request),
                href: signatory.organisation.kind == .city
                    ? request.localized(DirectoryPath.city.href(signatory.organisation.id)) : nil,
                signer: signatory.signerName, title: signatory.signerTitle,
                date: request.text(day: signatory.endorsedAt),
                comment: signatory.comment, isExample: signatory.isExample)
        }
        let counts = try await SignatoryCounts.read(id, version: statement.version, on: request.db)
        func table(_ heading: Message, _ counts: [SignatoryCounts.Count], name: (String) -> Message) -> CountTable {
            let total = max(1, counts.map(\.count).reduce(0, +))
            return CountTable(
                heading: request.text(heading),
                rows: counts.map { count in
                    let share = Double(count.count) / Double(total)
                    return CountRow(
                        group: request.text(name(count.group)), count: count.count,
                        percent: (share * 1000).rounded() / 10,
                        percentText: request.text(value: .percent(share)))
                })
        }
        let chosen = request.query[String.self, at: "language"]
        let path = VoicePath.statement.href(id)
        var texts = [
            TextVersion(
                language: statement.language, languageName: LanguageName.of(statement.language, in: request.language),
                title: statement.title, body: statement.body, isOriginal: true, isCurrent: true,
                href: request.localized(path), selected: false)
        ]
        texts += dto.translations.map {
            TextVersion(
                language: $0.language, languageName: LanguageName.of($0.language, in: request.language),
                title: $0.title,
                body: $0.body, isOriginal: false, isCurrent: $0.isCurrent,
                href: request.localized(path) + "?language=\($0.language)", selected: false)
        }
        // The text in the reader's language when there is one, unless they chose another.
        let shownIndex =
            texts.firstIndex { $0.language == chosen } ?? texts.firstIndex { $0.language == request.language.rawValue }
            ?? 0
        texts[shownIndex].selected = true
        let leads = try await VoiceQueries.leads(of: id, on: request.db)
        let user = request.actor?.user
        let mayLead = AccessPolicy.holds(.editor, in: leads, user: user)
        var signing: Signing?
        if let user, let organisation = user.organisation, user.signs(for: organisation), statement.state == .open {
            let own = try await EndorsementEdits.endorsement(of: id, by: organisation, on: request.db)
            let status = own.map { $0.version == statement.version ? "endorsed" : "confirm" } ?? "endorse"
            signing = Signing(
                organisation: try await request.name(of: organisation),
                action: request.localized(VoicePath.endorsement.href(id, organisation.reference)),
                withdrawAction: request.localized(VoicePath.withdrawEndorsement.href(id, organisation.reference)),
                status: status, comment: own?.comment ?? "", version: statement.version)
        }
        let citable =
            mayLead
            ? try await Survey.query(on: request.db).filter(\.$state != .draft).filter(\.$resultsPublic == true)
                .sort(\.$id, .descending).all().filter { $0.isOver() } : []
        let page = StatementPage(
            layout: Layout(title: statement.title, request: request), statement: dto,
            state: request.text(statement.state.message),
            leads: request.text(value: .list(dto.leads.map { .name($0.name) })),
            addressees: request.text(
                value: .list(
                    statement.addressees.map {
                        Message(
                            "voice.statement.addressee", "{name} ({kind})",
                            ["name": .text($0.name), "kind": .message($0.kind.message)])
                    })),
            themes: request.text(
                value: .list(statement.themes.compactMap(Theme.init(rawValue:)).map { $0.message })),
            texts: texts, shown: texts[shownIndex], deadline: statement.deadline,
            opened: statement.openedAt.map(request.text(day:)),
            current: current.map(row),
            pager: Pager(ListPageMetadata(listed, total: dto.endorsements), request: request),
            earlier: earlier.map(row), moreEarlier: max(0, dto.awaitingConfirmation - earlier.count),
            counts: [
                table(Message("voice.statement.by-region", "By region"), counts.byRegion, name: ReferenceName.region),
                table(
                    Message("voice.statement.by-income", "By income group of the country"), counts.byIncomeGroup,
                    name: ReferenceName.incomeGroup),
                table(
                    Message("voice.statement.by-size", "By population"), counts.byPopulationBand,
                    name: { PopulationBand(rawValue: $0)?.message ?? .name($0) }),
            ], cities: counts.cities, networks: counts.networks,
            mapTitle: request.text(Self.mapTitle), mapHref: request.localized(VoicePath.statementMap.href(id)),
            mapCredit: request.text(WorldBaseMap.credit), mayLead: mayLead,
            nextStates: statement.state.next.map {
                FormChoice(value: $0.rawValue, label: request.text($0.message), selected: false)
            }, signing: signing,
            languages: WrittenLanguages.choices(selected: nil, request: request).filter {
                $0.value != statement.language
            },
            citableFigures: try citable.flatMap { try Self.figures(of: $0, request: request) },
            takesEndorsements: statement.takesEndorsements(), notice: notice, error: error)
        return try await request.view.render("Voice/statement", page)
    }

    /// Runs one of the statement page's actions; a refusal the person can mend shows the page again with it.
    private func act(
        _ request: Request, _ action: (Statement) async throws -> StatementNotice
    ) async throws -> Response {
        try await PageAction.run(
            request, load: { try await VoiceQueries.visibleStatement($0, request: request) },
            page: { VoicePath.statement.href($0) }, render: { try await renderStatement(request, $0, error: $1) },
            action)
    }

    @Sendable
    package func changeState(_ request: Request) async throws -> Response {
        let change = try request.content.decode(StatementEdits.StateChange.self)
        return try await act(request) { statement in
            try await StatementEdits.change(statement, change, context: request.editContext)
            return .stateChanged
        }
    }

    package struct TranslationForm: Content {
        package var language: String?
        package var title: String?
        package var body: String?
    }

    @Sendable
    package func translate(_ request: Request) async throws -> Response {
        let form = try request.content.decode(TranslationForm.self)
        return try await act(request) { statement in
            try await StatementEdits.translate(
                statement, language: form.language, title: form.title, body: form.body, context: request.editContext)
            return .translated
        }
    }

    /// Each figure of `survey` a statement may cite: every answer of a question with options, and the median
    /// of a number. The value is `survey|question|option`.
    static func figures(of survey: Survey, request: Request) throws -> [FormChoice] {
        let id = try survey.requireID()
        return survey.questions.flatMap { question -> [FormChoice] in
            let options: [String?] =
                question.kind == .number ? [nil] : question.kind == .text ? [] : question.options.map { $0 }
            return options.map { option in
                let answer =
                    option.map { VoiceRecords.optionName($0, of: question) }
                    ?? Message("voice.statement.median-figure", "median")
                return FormChoice(
                    value: "\(id)|\(question.id)|\(option ?? "")",
                    label: request.text(
                        Message(
                            "voice.statement.figure", "{survey} — {question}: {answer}",
                            [
                                "survey": .text(survey.title), "question": .text(question.prompt),
                                "answer": .message(answer),
                            ])), selected: false)
            }
        }
    }

    package struct CitationForm: Content {
        /// `survey|question|option`, as ``figures(of:request:)`` offers them.
        package var figure: String?
    }

    @Sendable
    package func cite(_ request: Request) async throws -> Response {
        let form = try request.content.decode(CitationForm.self)
        return try await act(request) { statement in
            let parts = (form.figure ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let survey = Int(parts[0]) else { throw BadRequest.required("figure") }
            _ = try await StatementEdits.cite(
                statement, survey: survey, question: parts[1], option: parts[2], context: request.editContext)
            return .cited
        }
    }

    @Sendable
    package func removeCitation(_ request: Request) async throws -> Response {
        try await act(request) { statement in
            guard
                let citation = try await StatementCitation.find(
                    try request.integerParameter("citation"), on: request.db),
                citation.$statement.id == statement.id
            else {
                throw Refusal(.notFound, Message("voice.error.no-citation", "The statement has no such citation."))
            }
            try await StatementEdits.removeCitation(citation, context: request.editContext)
            return .uncited
        }
    }

    @Sendable
    package func endorse(_ request: Request) async throws -> Response {
        let input = try request.content.decode(EndorsementEdits.Input.self)
        return try await act(request) { statement in
            let (_, outcome) = try await EndorsementEdits.endorse(
                statement, for: try request.organisationParameter("organisation"), input: input,
                signer: try request.requireActor().user, context: request.editContext)
            return switch outcome {
            case .endorsed: .endorsed
            case .confirmed: .confirmed
            case .updated: .updated
            }
        }
    }

    @Sendable
    package func withdraw(_ request: Request) async throws -> Response {
        try await act(request) { statement in
            try await EndorsementEdits.withdraw(
                statement, for: try request.organisationParameter("organisation"), context: request.editContext)
            return .withdrawn
        }
    }

    static let mapTitle = Message("voice.statement.map-title", "Cities that endorse the current text")

    /// The cities that endorse the current text on a world map, as an SVG image: thousands of dots are written
    /// here in one pass rather than by the page's template.
    @Sendable
    package func map(_ request: Request) async throws -> Response {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        var map = request.worldMap(title: request.text(Self.mapTitle))
        for place in try await Signatory.places(statement.requireID(), version: statement.version, on: request.db) {
            map.addDot(at: place.point, label: place.name, href: nil, population: place.population)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: map.svgDocument))
    }

    // MARK: the plain list to embed

    package struct SignatoriesPage: Encodable {
        package var language: String
        package var direction: String
        package var title: String
        package var statementHref: String
        package var rows: [SignatoryRow]
    }

    /// The signatories of the current text on a page without the site's frame, for another site to embed.
    @Sendable
    package func signatories(_ request: Request) async throws -> View {
        let statement = try await VoiceQueries.visibleStatement(try request.integerParameter("id"), request: request)
        let id = try statement.requireID()
        request.isEmbeddable = true
        let rows = try await Signatory.of(id, .of(version: statement.version), on: request.db).map {
            SignatoryRow(
                organisation: $0.name(request), href: nil, signer: $0.signerName, title: $0.signerTitle,
                date: request.text(day: $0.endorsedAt), comment: $0.comment, isExample: $0.isExample)
        }
        return try await request.view.render(
            "Voice/signatories",
            SignatoriesPage(
                language: request.language.tag, direction: request.language.isRightToLeft ? "rtl" : "ltr",
                title: statement.title,
                statementHref: request.baseURL + request.localized(VoicePath.statement.href(id)),
                rows: rows))
    }
}
