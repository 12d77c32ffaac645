import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The knowledge module's forms: recording, editing, translating,
/// publishing and deleting a practice; reviewing it for a network;
/// declaring and moving a transfer. Who may use each is declared with the
/// route in `KnowledgeRoutes`.
package struct PracticeFormWebController {
    package typealias Choice = PracticeWebController.Choice

    /// The practice form as the browser sends it: every field, as text.
    package struct PracticeForm: Content {
        package var city: Int?
        package var translationOf: Int?
        package var language: String?
        package var title: String?
        package var summary: String?
        package var problem: String?
        /// One step per line.
        package var method: String?
        package var staff: String?
        package var budgetBand: String?
        package var partners: String?
        package var legalInstruments: String?
        package var pitfalls: String?
        package var resources: String?
        package var evidence: String?
        package var stage: String?
        package var themes: [String]?
        /// One link per line: "Title | https://…" or just the address.
        package var links: String?
        package var contactName: String?
        package var contactRole: String?
        package var contactEmail: String?

        package init() {}

        package init(_ practice: Practice) {
            language = practice.language
            title = practice.title
            summary = practice.summary
            problem = practice.problem
            method = practice.method.joined(separator: "\n")
            staff = practice.staff
            budgetBand = practice.budgetBand?.rawValue
            partners = practice.partners
            legalInstruments = practice.legalInstruments
            pitfalls = practice.pitfalls
            resources = practice.resources
            evidence = practice.evidence
            stage = practice.stage.rawValue
            themes = practice.themes
            links = practice.links.map { "\($0.title) | \($0.url)" }.joined(separator: "\n")
            contactName = practice.contactName
            contactRole = practice.contactRole
            contactEmail = practice.contactEmail
        }

        /// Every field of the form is sent: an empty one clears the value.
        package var input: PracticeInput {
            var input = PracticeInput()
            input.language = .set(language ?? "")
            input.title = .set(title ?? "")
            input.summary = .set(summary ?? "")
            input.problem = .set(problem ?? "")
            input.method = .set(Self.lines(method))
            input.staff = .set(staff ?? "")
            input.budgetBand = .set(budgetBand.nonEmpty)
            input.partners = .set(partners ?? "")
            input.legalInstruments = .set(legalInstruments ?? "")
            input.pitfalls = .set(pitfalls ?? "")
            input.resources = .set(resources ?? "")
            input.evidence = .set(evidence ?? "")
            input.stage = .set(stage ?? "")
            input.themes = .set(themes ?? [])
            input.links = .set(
                Self.lines(links).map { line in
                    guard let bar = line.lastIndex(of: "|") else { return PracticeLink(title: "", url: line) }
                    return PracticeLink(
                        title: line[..<bar].trimmingCharacters(in: .whitespaces),
                        url: line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces))
                })
            input.contactName = .set(contactName.nonEmpty)
            input.contactRole = .set(contactRole.nonEmpty)
            input.contactEmail = .set(contactEmail.nonEmpty)
            return input
        }

        private static func lines(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
    }

    package struct FormPage: Encodable {
        package var layout: Layout
        package var heading: String
        package var action: String
        package var cityID: Int?
        package var cityName: String
        package var translationOf: Int?
        package var form: PracticeForm
        package var budgetBands: [Choice]
        package var stages: [Choice]
        package var themes: [Choice]
        package var error: String?
    }

    /// The form, with the refusal of what was sent when there is one.
    private func render(
        _ request: Request, heading: Message, action: String, cityID: Int?, cityName: String, translationOf: Int?,
        form: PracticeForm, refusal: (any AbortError)? = nil
    ) async throws -> Response {
        let chosen = Set(form.themes ?? [])
        let heading = request.text(heading)
        let page = FormPage(
            layout: Layout(title: heading, request: request), heading: heading,
            action: action, cityID: cityID, cityName: cityName, translationOf: translationOf, form: form,
            budgetBands: BudgetBand.allCases.map {
                Choice(value: $0.rawValue, label: request.text($0.message), selected: $0.rawValue == form.budgetBand)
            },
            stages: PracticeStage.allCases.map {
                Choice(value: $0.rawValue, label: request.text($0.message), selected: $0.rawValue == form.stage)
            },
            themes: Theme.allCases.map {
                Choice(value: $0.rawValue, label: request.text($0.message), selected: chosen.contains($0.rawValue))
            },
            error: refusal.map { request.text(error: $0) })
        return try await request.view.render("Knowledge/practice-form", page).encodeResponse(
            status: refusal?.status ?? .ok, for: request)
    }

    /// The heading of the form for a new practice of `city`.
    private func newPracticeHeading(_ city: City) -> Message {
        Message("knowledge.practice-form.new-heading", "New practice of {city}", ["city": .text(city.name)])
    }

    /// `/cities/{id}/practices/new`: the form for a new practice of the city.
    @Sendable
    package func new(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        var form = PracticeForm()
        form.language = "en"
        return try await render(
            request, heading: newPracticeHeading(city), action: KnowledgePath.practices.href(), cityID: city.id,
            cityName: city.name, translationOf: nil, form: form)
    }

    /// `/practices/{id}/translate`: the form for a version in another language, filled with the original.
    @Sendable
    package func translate(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let city = try await DirectoryQueries.city(practice.$city.id, on: request.db)
        var form = PracticeForm(practice)
        form.language = ""
        return try await render(
            request,
            heading: Message(
                "knowledge.practice-form.translate-heading", "Translate “{title}”",
                ["title": .text(practice.title)]),
            action: KnowledgePath.practices.href(), cityID: city.id, cityName: city.name, translationOf: practice.id,
            form: form)
    }

    @Sendable
    package func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(PracticeForm.self)
        let cityID = form.city ?? 0
        do {
            let practice = try await PracticeEdits.create(
                form.input, cityID: cityID, translationOf: form.translationOf, context: request.editContext)
            return request.redirect(to: KnowledgePath.practice.href(practice.id!), showing: PracticeNotice.created)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            let city = try await DirectoryQueries.city(cityID, on: request.db)
            return try await render(
                request,
                heading: form.translationOf == nil
                    ? newPracticeHeading(city)
                    : Message("knowledge.practice-form.translate-any-heading", "Translate a practice"),
                action: KnowledgePath.practices.href(), cityID: cityID, cityName: city.name,
                translationOf: form.translationOf, form: form, refusal: problem)
        }
    }

    /// `/practices/{id}/edit`.
    @Sendable
    package func edit(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let city = try await DirectoryQueries.city(practice.$city.id, on: request.db)
        return try await render(
            request,
            heading: Message(
                "knowledge.practice-form.edit-heading", "Edit “{title}”", ["title": .text(practice.title)]),
            action: KnowledgePath.practiceEdit.href(practice.id!), cityID: nil, cityName: city.name,
            translationOf: nil, form: PracticeForm(practice))
    }

    @Sendable
    package func update(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let form = try request.content.decode(PracticeForm.self)
        do {
            try await PracticeEdits.update(practice, with: form.input, context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            let city = try await DirectoryQueries.city(practice.$city.id, on: request.db)
            return try await render(
                request, heading: Message("knowledge.practice-form.edit-any-heading", "Edit a practice"),
                action: KnowledgePath.practiceEdit.href(practice.id!), cityID: nil, cityName: city.name,
                translationOf: nil, form: form, refusal: problem)
        }
        return request.redirect(to: KnowledgePath.practice.href(practice.id!), redirectType: .normal)
    }

    @Sendable
    package func publish(_ request: Request) async throws -> Response {
        try await setPublished(request, true)
    }

    @Sendable
    package func withdraw(_ request: Request) async throws -> Response {
        try await setPublished(request, false)
    }

    private func setPublished(_ request: Request, _ published: Bool) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        try await PracticeEdits.setPublished(practice, published, context: request.editContext)
        return request.redirect(
            to: KnowledgePath.practice.href(practice.id!), showing: published ? PracticeNotice.published : .withdrawn)
    }

    @Sendable
    package func delete(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        try await PracticeEdits.delete(practice, context: request.editContext)
        return request.redirect(to: DirectoryPath.city.href(practice.$city.id), redirectType: .normal)
    }

    package struct ReviewForm: Content {
        package var readableAlone: String?
        package var evidenceGiven: String?
        package var comment: String?
    }

    /// A network's editor labels the practice as reviewed; unticked boxes are not sent.
    @Sendable
    package func review(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let networkID = try await DirectoryQueries.networkID(request.parameters.get("network") ?? "", on: request.db)
        let form = try request.content.decode(ReviewForm.self)
        _ = try await ReviewEdits.review(
            practice, networkID: networkID,
            input: .init(
                readableAlone: form.readableAlone != nil, evidenceGiven: form.evidenceGiven != nil,
                comment: form.comment),
            context: request.editContext)
        return request.redirect(
            to: KnowledgePath.practice.href(practice.id!), showing: PracticeNotice.reviewed, at: "reviews")
    }

    package struct TransferForm: Content {
        package var city: Int?
        package var stage: String
        package var date: String?
        package var notes: String?
    }

    @Sendable
    package func declareTransfer(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let form = try request.content.decode(TransferForm.self)
        _ = try await TransferEdits.declare(
            practice, cityID: form.city ?? 0, step: .init(stage: form.stage, date: form.date, notes: form.notes),
            context: request.editContext)
        return request.redirect(
            to: KnowledgePath.practice.href(practice.id!), showing: PracticeNotice.declared, at: "transfers")
    }

    @Sendable
    package func advanceTransfer(_ request: Request) async throws -> Response {
        let transfer = try await TransferEdits.transfer(
            try request.integerParameter("transferID"), ofPractice: try request.integerParameter("id"), on: request.db)
        let form = try request.content.decode(TransferForm.self)
        try await TransferEdits.advance(
            transfer, step: .init(stage: form.stage, date: form.date, notes: form.notes), context: request.editContext)
        return request.redirect(
            to: KnowledgePath.practice.href(transfer.$practice.id), showing: PracticeNotice.advanced, at: "transfers")
    }

    package struct EvidenceForm: Content {
        package var countsAsEvidence: String
    }

    @Sendable
    package func citeTransfer(_ request: Request) async throws -> Response {
        let transfer = try await TransferEdits.transfer(
            try request.integerParameter("transferID"), ofPractice: try request.integerParameter("id"), on: request.db)
        let counts = try request.content.decode(EvidenceForm.self).countsAsEvidence == "true"
        try await TransferEdits.setEvidence(transfer, counts, context: request.editContext)
        return request.redirect(
            to: KnowledgePath.practice.href(transfer.$practice.id), showing: counts ? PracticeNotice.cited : .uncited,
            at: "transfers")
    }
}
