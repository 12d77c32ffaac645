import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The engagement module's forms and detail pages: the strategy form, an
/// engagement with its value log and handover notes, and a person's page.
/// Who may use each is declared with the route in `EngagementRoutes`.
package struct EngagementWebController {
    // MARK: strategy

    package struct StrategyForm: Content {
        package var objectives: String?
        package var hoursPerMonth: String?
        package var yearlyBudget: String?
        package var costPerHour: String?
        package var currency: String?
        package var reviewOn: String?
        package var newEngagementHours: String?
        package var newEngagementFee: String?
        package var sharesValueRatings: String?
    }

    package struct StrategyPage: Encodable {
        package var layout: Layout
        package var cityID: Int
        package var cityName: String
        package var weights: [PortfolioWebController.FormField]
        package var form: StrategyForm
        package var shares: Bool
        package var error: String?
    }

    @Sendable
    package func editStrategy(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let strategy = try await EngagementQueries.strategy(of: city.id!, on: request.db)
        let weights = Dictionary((strategy?.priorities ?? []).map { ($0.theme, $0.weight) }) { $0 + $1 }
        let form = StrategyForm(
            objectives: strategy?.objectives, hoursPerMonth: strategy.map { NumberText.short($0.hoursPerMonth) },
            yearlyBudget: strategy.map { NumberText.short($0.yearlyBudget) },
            costPerHour: strategy.map { NumberText.short($0.costPerHour) }, currency: strategy?.currency ?? "EUR",
            reviewOn: strategy?.reviewOn, newEngagementHours: NumberText.short(strategy?.newEngagementHours ?? 4),
            newEngagementFee: NumberText.short(strategy?.newEngagementFee ?? 0),
            sharesValueRatings: strategy?.sharesValueRatings == true ? "on" : nil)
        return try await renderStrategy(
            request, city: city, weights: { weights[$0].map(NumberText.short) ?? "0" }, form: form, refusal: nil)
    }

    private func renderStrategy(
        _ request: Request, city: City, weights: (String) -> String, form: StrategyForm, refusal: (any AbortError)?
    ) async throws -> Response {
        let page = StrategyPage(
            layout: Layout(
                title: Message("engagement.strategy-form.heading", "Strategy of {city}", ["city": .text(city.name)]),
                request: request),
            cityID: city.id!, cityName: city.name,
            weights: Theme.allCases.map {
                .init(name: TypedFields.weightField($0), label: request.text($0.message), value: weights($0.rawValue))
            }, form: form, shares: form.sharesValueRatings != nil, error: refusal.map { request.text(error: $0) })
        return try await request.view.render("Engagement/strategy-form", page)
            .encodeResponse(status: refusal?.status ?? .ok, for: request)
    }

    @Sendable
    package func saveStrategy(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let form = try request.content.decode(StrategyForm.self)
        let typed: (String) -> String? = { try? request.content.get(String.self, at: $0) }
        do {
            let input = StrategyInput(
                priorities: try TypedFields.priorities(typed), objectives: form.objectives,
                hoursPerMonth: try FormNumber.parse(form.hoursPerMonth, field: "hoursPerMonth", as: Double.self) ?? 0,
                yearlyBudget: try FormNumber.parse(form.yearlyBudget, field: "yearlyBudget", as: Double.self) ?? 0,
                costPerHour: try FormNumber.parse(form.costPerHour, field: "costPerHour", as: Double.self),
                currency: form.currency,
                reviewOn: form.reviewOn,
                newEngagementHours: try FormNumber.parse(
                    form.newEngagementHours, field: "newEngagementHours", as: Double.self),
                newEngagementFee: try FormNumber.parse(
                    form.newEngagementFee, field: "newEngagementFee", as: Double.self),
                sharesValueRatings: form.sharesValueRatings != nil)
            _ = try await StrategyEdits.save(input, cityID: city.id!, context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderStrategy(
                request, city: city, weights: { typed("weight_\($0)") ?? "" }, form: form, refusal: problem)
        }
        return request.redirect(
            to: EngagementPath.portfolio.href(city.id!), showing: PortfolioWebController.PortfolioNotice.strategy)
    }

    // MARK: engagements

    package struct EngagementForm: Content {
        package var title: String?
        package var kind: String?
        package var network: String?
        package var partnership: String?
        package var owner: String?
        package var backup: String?
        package var sponsor: String?
        package var level: String?
        package var hoursPerMonth: String?
        package var yearlyFee: String?
        package var objectives: String?
        package var status: String?
        package var handoverNotes: String?

        package init() {}

        package init(_ engagement: EngagementDTO) {
            title = engagement.title
            kind = engagement.kind
            network = engagement.network.map { "\($0.id)" }
            partnership = engagement.partnership.map { "\($0.id)" }
            owner = engagement.owner?.id.uuidString
            backup = engagement.backup?.id.uuidString
            sponsor = engagement.sponsor
            level = engagement.level
            hoursPerMonth = NumberText.short(engagement.hoursPerMonth)
            yearlyFee = NumberText.short(engagement.yearlyFee)
            objectives = engagement.objectives
            status = engagement.status
            handoverNotes = engagement.handoverNotes
        }

        /// Every field of the form is sent: an empty network, owner or backup clears it.
        package func input() throws -> EngagementInput {
            var input = EngagementInput()
            input.title = title ?? ""
            input.kind = kind
            input.level = level
            input.status = status
            input.sponsor = sponsor ?? ""
            input.objectives = objectives ?? ""
            input.handoverNotes = handoverNotes ?? ""
            input.hoursPerMonth = try FormNumber.parse(hoursPerMonth, field: "hoursPerMonth", as: Double.self) ?? 0
            input.yearlyFee = try FormNumber.parse(yearlyFee, field: "yearlyFee", as: Double.self) ?? 0
            input.network = .set(try Self.chosenID(network, "network"))
            input.partnership = .set(try Self.chosenID(partnership, "partnership"))
            input.owner = .set(try Self.person(owner, "owner"))
            input.backup = .set(try Self.person(backup, "backup"))
            return input
        }

        /// The id of a record chosen from a list; empty is none.
        private static func chosenID(_ text: String?, _ field: String) throws -> Int? {
            let text = (text ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let id = Int(text) else {
                throw BadRequest(
                    Message(
                        "engagement.error.choose-id", "'{field}' must be chosen from the list; got '{given}'.",
                        ["field": .text(field), "given": .text(text)]))
            }
            return id
        }

        private static func person(_ text: String?, _ field: String) throws -> UUID? {
            let text = (text ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let id = UUID(uuidString: text) else {
                throw BadRequest(
                    Message(
                        "engagement.error.choose-person", "'{field}' must be chosen from the list.",
                        ["field": .text(field)]))
            }
            return id
        }
    }

    package struct EngagementFormPage: Encodable {
        package var layout: Layout
        package var heading: String
        package var action: String
        package var cityID: Int
        package var cityName: String
        package var form: EngagementForm
        package var kinds: [FormChoice]
        package var levels: [FormChoice]
        package var statuses: [FormChoice]
        package var networks: [FormChoice]
        package var partnerships: [FormChoice]
        package var people: [FormChoice]
        package var backups: [FormChoice]
        package var error: String?
    }

    private func renderForm(
        _ request: Request, heading: Message, action: String, city: City, form: EngagementForm,
        refusal: (any AbortError)?
    ) async throws -> Response {
        let networks = try await Network.query(on: request.db).sort(\.$name).all()
        let cityID = try city.requireID()
        let partnerships = try await Partnership.query(on: request.db)
            .group(.or) { $0.filter(\.$cityA.$id == cityID).filter(\.$cityB.$id == cityID) }
            .with(\.$cityA).with(\.$cityB).all()
            .map { EngagementQueries.partnershipRef($0, of: cityID) }.sorted { $0.partnerName < $1.partnerName }
        // The city's active people, and whoever is named now even if they have left, so that saving keeps them.
        let named = [form.owner, form.backup].compactMap { $0.flatMap(UUID.init(uuidString:)) }
        let people = try await User.query(in: .city(city.id!), on: request.db)
            .group(.or) { $0.filter(\.$deactivatedAt == nil).filter(\.$id ~~ named) }.sort(\.$name).all()
        func choices<C: RawRepresentable & CaseIterable>(_ all: C.Type, _ chosen: String?, _ label: (C) -> String)
            -> [FormChoice] where C.RawValue == String
        {
            C.allCases.map { FormChoice(value: $0.rawValue, label: label($0), selected: $0.rawValue == chosen) }
        }
        let heading = request.text(heading)
        let page = EngagementFormPage(
            layout: Layout(title: heading, request: request), heading: heading,
            action: action, cityID: city.id!, cityName: city.name, form: form,
            kinds: choices(EngagementKind.self, form.kind) { request.text($0.label) },
            levels: choices(EngagementLevel.self, form.level) { request.text($0.label) },
            statuses: choices(EngagementStatus.self, form.status ?? "active") { request.text($0.label) },
            networks: networks.map {
                FormChoice(value: "\($0.id!)", label: $0.name, selected: "\($0.id!)" == form.network)
            },
            partnerships: partnerships.map {
                FormChoice(value: "\($0.id)", label: $0.partnerName, selected: "\($0.id)" == form.partnership)
            },
            people: people.map { Self.choice($0, chosen: form.owner, request: request) },
            backups: people.map { Self.choice($0, chosen: form.backup, request: request) },
            error: refusal.map { request.text(error: $0) })
        return try await request.view.render("Engagement/engagement-form", page)
            .encodeResponse(status: refusal?.status ?? .ok, for: request)
    }

    private static func choice(_ person: User, chosen: String?, request: Request) -> FormChoice {
        FormChoice(
            value: person.id!.uuidString,
            label: person.isActive
                ? person.name
                : request.text(
                    Message(
                        "engagement.engagement-form.person-has-left", "{name} (has left)",
                        ["name": .text(person.name)])),
            selected: person.id!.uuidString == chosen)
    }

    private static func newHeading(_ city: City) -> Message {
        Message("engagement.engagement-form.heading-new", "New engagement of {city}", ["city": .text(city.name)])
    }

    @Sendable
    package func newEngagement(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        var form = EngagementForm()
        form.kind = EngagementKind.membership.rawValue
        form.level = EngagementLevel.technical.rawValue
        form.status = EngagementStatus.active.rawValue
        return try await renderForm(
            request, heading: Self.newHeading(city), action: EngagementPath.engagements.href(city.id!), city: city,
            form: form, refusal: nil)
    }

    @Sendable
    package func createEngagement(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let form = try request.content.decode(EngagementForm.self)
        do {
            let engagement = try await EngagementEdits.create(
                try form.input(), cityID: city.id!, context: request.editContext)
            return request.redirect(to: EngagementPath.engagement.href(engagement.id!), showing: EngagementNotice.saved)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(
                request, heading: Self.newHeading(city), action: EngagementPath.engagements.href(city.id!),
                city: city, form: form, refusal: problem)
        }
    }

    @Sendable
    package func editEngagement(_ request: Request) async throws -> Response {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        let city = try await DirectoryQueries.city(engagement.$city.id, on: request.db)
        return try await renderForm(
            request,
            heading: Message(
                "engagement.engagement-form.heading-edit", "Edit “{title}”", ["title": .text(engagement.title)]),
            action: EngagementPath.engagementEdit.href(engagement.id!), city: city,
            form: EngagementForm(try await EngagementQueries.engagement(engagement, on: request.db)), refusal: nil)
    }

    @Sendable
    package func updateEngagement(_ request: Request) async throws -> Response {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        let form = try request.content.decode(EngagementForm.self)
        do {
            try await EngagementEdits.update(engagement, with: try form.input(), context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            let city = try await DirectoryQueries.city(engagement.$city.id, on: request.db)
            return try await renderForm(
                request, heading: Message("engagement.engagement-form.heading-edit-any", "Edit an engagement"),
                action: EngagementPath.engagementEdit.href(engagement.id!),
                city: city,
                form: form, refusal: problem)
        }
        return request.redirect(to: EngagementPath.engagement.href(engagement.id!), showing: EngagementNotice.saved)
    }

    package struct EngagementPage: Encodable {
        package var layout: Layout
        package var cityName: String
        package var row: PortfolioWebController.Row
        package var entries: [ValueEntryDTO]
        package var kinds: [FormChoice]
        package var today: String
        package var mayEdit: Bool
        package var notice: String?
        package var error: String?
    }

    /// `/engagements/{id}`: the engagement, its value log and its handover notes.
    @Sendable
    package func engagement(_ request: Request) async throws -> Response {
        try await renderEngagement(request, refusal: nil)
    }

    private func renderEngagement(_ request: Request, refusal: (any AbortError)?) async throws -> Response {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        let city = try await DirectoryQueries.city(engagement.$city.id, on: request.db)
        let dto = try await EngagementQueries.engagement(engagement, on: request.db)
        let page = EngagementPage(
            layout: Layout(title: engagement.title, request: request), cityName: city.name,
            row: PortfolioWebController().row(dto, request: request),
            entries: try await EngagementQueries.valueLog(of: engagement.id!, on: request.db).map { entry in
                // The kind as the reader reads it, not its code.
                var shown = entry
                shown.kind = ValueKind(rawValue: entry.kind).map { request.text($0.label) } ?? entry.kind
                return shown
            },
            kinds: ValueKind.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text($0.label), selected: false)
            },
            today: DateText.day(Date()),
            mayEdit: AccessPolicy.holds(.editor, in: [.city(city.id!)], user: request.actor?.user),
            notice: request.notice(EngagementNotice.self), error: refusal.map { request.text(error: $0) })
        return try await request.view.render("Engagement/engagement", page)
            .encodeResponse(status: refusal?.status ?? .ok, for: request)
    }

    package struct ValueForm: Content {
        package var date: String?
        package var kind: String?
        package var rating: String?
        package var note: String?
        package var link: String?
    }

    @Sendable
    package func recordValue(_ request: Request) async throws -> Response {
        let engagement = try await EngagementQueries.visibleEngagement(
            try request.integerParameter("id"), request: request)
        let form = try request.content.decode(ValueForm.self)
        do {
            guard let rating = Int(form.rating ?? "") else {
                throw BadRequest(
                    Message(
                        "engagement.error.rating-typed", "'{field}' must be a whole number from 1 to 5.",
                        ["field": .text("rating")]))
            }
            _ = try await EngagementEdits.recordValue(
                .init(date: form.date, kind: form.kind ?? "", rating: rating, note: form.note, link: form.link),
                on: engagement, context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderEngagement(request, refusal: problem)
        }
        return request.redirect(
            to: EngagementPath.engagement.href(engagement.id!), showing: EngagementNotice.logged, at: "value")
    }

    // MARK: people

    package struct PersonPage: Encodable {
        package var layout: Layout
        package var cityID: Int
        package var cityName: String
        package var person: StaffQueries.PersonDTO
        package var mayEdit: Bool
        package var languages: String
        package var expertise: String
        package var training: String
        package var error: String?
    }

    package struct ProfileForm: Content {
        package var languages: String?
        package var expertise: String?
        /// One record a line: "Title | year | provider".
        package var training: String?
    }

    /// `/cities/{id}/people/{userID}`: what a person carries and brings.
    @Sendable
    package func person(_ request: Request) async throws -> Response {
        try await renderPerson(request, form: nil, refusal: nil)
    }

    private func renderPerson(_ request: Request, form: ProfileForm?, refusal: (any AbortError)?) async throws
        -> Response
    {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let user = try await StaffQueries.user(
            request.parameters.get("userID").flatMap(UUID.init(uuidString:)), ofCity: city.id!, on: request.db)
        var person = try await StaffQueries.person(user, on: request.db)
        // Role and statuses as the reader reads them, not their codes.
        person.role = person.role.map { code in Role(rawValue: code).map { request.text($0.label) } ?? code }
        let worded = { (reference: StaffQueries.EngagementRef) in
            var shown = reference
            shown.status =
                EngagementStatus(rawValue: reference.status).map { request.text($0.label) } ?? reference.status
            return shown
        }
        person.owns = person.owns.map(worded)
        person.backsUp = person.backsUp.map(worded)
        let page = PersonPage(
            layout: Layout(title: person.name, request: request), cityID: city.id!,
            cityName: city.name, person: person,
            mayEdit: AccessPolicy.holds(.editor, in: [.city(city.id!)], user: request.actor?.user),
            languages: form?.languages ?? person.languages.joined(separator: ", "),
            expertise: form?.expertise ?? person.expertise.joined(separator: ", "),
            training: form?.training
                ?? person.training.map { "\($0.title) | \($0.year) | \($0.provider)" }.joined(separator: "\n"),
            error: refusal.map { request.text(error: $0) })
        return try await request.view.render("Engagement/person", page)
            .encodeResponse(status: refusal?.status ?? .ok, for: request)
    }

    @Sendable
    package func saveProfile(_ request: Request) async throws -> Response {
        let cityID = try request.integerParameter("id")
        let user = try await StaffQueries.user(
            request.parameters.get("userID").flatMap(UUID.init(uuidString:)), ofCity: cityID, on: request.db)
        let form = try request.content.decode(ProfileForm.self)
        do {
            let training = try (form.training ?? "").split(whereSeparator: \.isNewline).enumerated().compactMap {
                index, line -> TrainingRecord? in
                let parts = line.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard !(parts.count == 1 && parts[0].isEmpty) else { return nil }
                guard parts.count >= 2, let year = Int(parts[1]) else {
                    throw BadRequest(
                        Message(
                            "engagement.error.training-line", "Training, line {line}: write 'Title | year | provider'.",
                            ["line": .count(index + 1)]))
                }
                return TrainingRecord(title: parts[0], year: year, provider: parts.count > 2 ? parts[2] : "")
            }
            func list(_ text: String?) -> [String] { (text ?? "").split(separator: ",").map(String.init) }
            _ = try await StaffProfileEdits.save(
                .init(languages: list(form.languages), expertise: list(form.expertise), training: training), for: user,
                context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderPerson(request, form: form, refusal: problem)
        }
        return request.redirect(to: EngagementPath.person.href(cityID, user.id!.uuidString), redirectType: .normal)
    }
}

/// What an engagement's page says after a change.
package enum EngagementNotice: String, PageNotice {
    case saved, logged

    package var message: Message {
        switch self {
        case .saved: Message("engagement.engagement.notice.saved", "The engagement is saved.")
        case .logged: Message("engagement.engagement.notice.logged", "The value is logged.")
        }
    }
}
