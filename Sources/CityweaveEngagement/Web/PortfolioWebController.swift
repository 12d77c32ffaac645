import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// A city's portfolio pages: the cockpit (strategy, engagements, who must
/// take over what, cost against value, the advisor with its what-if), the
/// printable report for the mayor's office, the CSV exports and saved plans.
package struct PortfolioWebController {
    package struct ThemeWeight: Encodable {
        package var label: String
        /// 0 to 100, the bar's width.
        package var share: Int
        /// The share as the reader's locale writes it: "31%", "31 %".
        package var shareText: String
    }

    package struct PortfolioPage: Encodable {
        package var layout: Layout
        package var cityID: Int
        package var cityName: String
        package var mayEdit: Bool
        package var strategy: StrategyDTO?
        package var weights: [ThemeWeight]
        package var revisions: [RevisionRow]
        package var engagements: [Row]
        package var needsOwner: [Row]
        package var chart: CostValueChart
        package var currency: String
        package var totals: Totals
        package var advice: AdviceView?
        package var whatIf: WhatIfForm
        package var plans: [PortfolioPlanDTO]
        package var error: String?
        package var notice: String?
    }

    /// One engagement as a table row, its numbers written out.
    package struct Row: Encodable {
        package var engagement: EngagementDTO
        package var kind: String
        package var level: String
        package var status: String
        package var hours: String
        package var fee: String
        package var cost: String
        package var meanRating: String
    }

    package struct Totals: Encodable {
        package var hours: String
        package var fees: String
        package var cost: String
        package var hoursCapacity: String
        package var budget: String
    }

    package struct AdviceView: Encodable {
        package var advice: PortfolioAdviceDTO
        package var objective: String
        package var upperBound: String
        package var gapPercent: String
        package var yearlyFees: String
        package var hours: String
        package var hoursCapacity: String
        package var budget: String
        package var actions: [ActionView]
        package var coverage: [CoverageRow]
    }

    package struct ActionView: Encodable {
        package var action: PortfolioAdviceDTO.Action
        package var hours: String
        package var fee: String
        package var fit: String
        package var redundancy: String
        /// For a network to join: that its hours and fee are assumed, and where the figures come from.
        package var assumption: String
    }

    package struct CoverageRow: Encodable {
        package var label: String
        package var weight: String
        package var networks: Int
    }

    /// A strategy revision with its numbers written out.
    package struct RevisionRow: Encodable {
        package var revision: Int
        package var savedBy: String
        package var savedOn: String
        package var priorities: [ThemeWeight]
        package var hours: String
        package var budget: String
    }

    /// The what-if fields, as typed: weights by theme, hours and budget.
    package struct WhatIfForm: Encodable {
        package var themes: [FormField]
        package var hoursPerMonth: String
        package var yearlyBudget: String
        package var isWhatIf: Bool
    }

    package struct FormField: Encodable {
        package var name: String
        package var label: String
        package var value: String
    }

    /// `/cities/{id}/portfolio`; `weight_<theme>`, `hoursPerMonth` and `yearlyBudget` in the query make a what-if.
    @Sendable
    package func portfolio(_ request: Request) async throws -> Response {
        try await renderPortfolio(request, refusal: nil)
    }

    /// The portfolio page; `refusal` is why a form posted to it (saving a plan) changed nothing.
    private func renderPortfolio(_ request: Request, refusal: (any AbortError)?) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let cityID = try city.requireID()
        let strategy = try await EngagementQueries.strategy(of: cityID, on: request.db)
        let engagements = try await EngagementQueries.engagements(of: cityID, on: request.db)
        let currency = strategy?.currency ?? "EUR"
        let form = whatIfForm(request, strategy: strategy)
        var refusal = refusal
        var advice: AdviceView?
        if strategy != nil || form.isWhatIf {
            do {
                advice = view(
                    try await PortfolioAdvising.advise(
                        cityID: cityID, whatIf: try whatIf(request), request: request), currency: currency,
                    request: request)
            } catch let problem as AbortError where problem.isMendableInTheForm {
                refusal = refusal ?? problem
            }
        }
        let rows = engagements.map { row($0, request: request) }
        let page = PortfolioPage(
            layout: Layout(
                title: Message("engagement.portfolio.title", "Portfolio of {city}", ["city": .text(city.name)]),
                request: request),
            cityID: cityID, cityName: city.name,
            mayEdit: AccessPolicy.holds(.editor, in: [.city(cityID)], user: request.actor?.user), strategy: strategy,
            weights: weights(strategy?.priorities ?? [], request: request),
            revisions: revisions(strategy, request: request), engagements: rows,
            needsOwner: rows.filter { $0.engagement.needsOwner },
            chart: CostValueChart(engagements, currency: currency) { request.text($0) },
            currency: currency,
            totals: totals(engagements.filter(\.drawsOnCapacity), strategy: strategy, request: request),
            advice: advice, whatIf: form, plans: try await EngagementQueries.plans(of: cityID, on: request.db),
            error: refusal.map { request.text(error: $0) }, notice: request.notice(PortfolioNotice.self))
        return try await request.view.render("Engagement/portfolio", page)
            .encodeResponse(status: refusal?.status ?? .ok, for: request)
    }

    /// What the portfolio says after the strategy changed.
    package enum PortfolioNotice: String, PageNotice {
        case strategy

        package var message: Message {
            Message("engagement.portfolio.notice.strategy", "The strategy is saved as a new revision.")
        }
    }

    /// What a plan's page says when it was just saved.
    package enum PlanNotice: String, PageNotice {
        case saved

        package var message: Message { Message("engagement.plan.notice.saved", "The proposal is saved as a plan.") }
    }

    package struct ReportPage: Encodable {
        /// The page's language (`lang`) and direction (`dir`): the report stands outside the site's frame.
        package var language: String
        package var direction: String
        package var cityName: String
        package var date: String
        package var strategy: StrategyDTO?
        package var weights: [ThemeWeight]
        package var engagements: [Row]
        package var needsOwner: [Row]
        package var totals: Totals
        package var currency: String
        package var advice: AdviceView?
    }

    /// `/cities/{id}/portfolio/report`: one printable page for the mayor's office.
    @Sendable
    package func report(_ request: Request) async throws -> View {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let cityID = try city.requireID()
        let strategy = try await EngagementQueries.strategy(of: cityID, on: request.db)
        let engagements = try await EngagementQueries.engagements(of: cityID, on: request.db)
            .filter(\.drawsOnCapacity)
        let currency = strategy?.currency ?? "EUR"
        let advice =
            strategy == nil
            ? nil
            : view(
                try await PortfolioAdvising.advise(cityID: cityID, whatIf: .init(), request: request),
                currency: currency, request: request)
        let rows = engagements.map { row($0, request: request) }
        return try await request.view.render(
            "Engagement/report",
            ReportPage(
                language: request.language.tag, direction: request.language.isRightToLeft ? "rtl" : "ltr",
                cityName: city.name, date: request.text(day: Date()), strategy: strategy,
                weights: weights(strategy?.priorities ?? [], request: request), engagements: rows,
                needsOwner: rows.filter { $0.engagement.needsOwner },
                totals: totals(engagements, strategy: strategy, request: request), currency: currency,
                advice: advice))
    }

    /// `/cities/{id}/portfolio/engagements.csv`.
    @Sendable
    package func engagementsCSV(_ request: Request) async throws -> Response {
        let cityID = try request.integerParameter("id")
        let engagements = try await EngagementQueries.engagements(of: cityID, on: request.db)
        let csv = try CSVExport.text(
            header: [
                "id", "title", "kind", "network", "owner", "backup", "sponsor", "level", "hours_per_month",
                "yearly_fee", "yearly_cost", "status", "needs_owner", "value_entries_12_months",
                "mean_rating_12_months", "objectives", "handover_notes",
            ],
            rows: engagements.map { e in
                [
                    "\(e.id)", e.title, e.kind, e.network?.name ?? "", e.owner?.name ?? "", e.backup?.name ?? "",
                    e.sponsor, e.level, NumberText.short(e.hoursPerMonth), NumberText.short(e.yearlyFee),
                    NumberText.short(e.yearlyCost), e.status, e.needsOwner ? "yes" : "no", "\(e.value.recentEntries)",
                    e.value.recentMeanRating.map { String(format: "%.2f", $0) } ?? "", e.objectives, e.handoverNotes,
                ]
            })
        return Response.csvDownload(csv, name: "engagements-\(cityID).csv")
    }

    /// `/cities/{id}/portfolio/value-log.csv`.
    @Sendable
    package func valueLogCSV(_ request: Request) async throws -> Response {
        let cityID = try request.integerParameter("id")
        let entries = try await EngagementQueries.valueLog(ofCity: cityID, on: request.db)
        let csv = try CSVExport.text(
            header: ["engagement_id", "engagement", "date", "kind", "rating", "note", "link", "recorded_by"],
            rows: entries.map { title, entry in
                [
                    "\(entry.engagementID)", title, entry.date, entry.kind, "\(entry.rating)", entry.note, entry.link,
                    entry.recordedBy ?? "",
                ]
            })
        return Response.csvDownload(csv, name: "value-log-\(cityID).csv")
    }

    package struct PlanForm: Content {
        package var name: String?
        package var hoursPerMonth: String?
        package var yearlyBudget: String?
    }

    /// Saves the proposal for the what-if on the page as a plan.
    @Sendable
    package func savePlan(_ request: Request) async throws -> Response {
        let cityID = try request.integerParameter("id")
        let form = try request.content.decode(PlanForm.self)
        let plan: PortfolioPlan
        do {
            plan = try await PlanEdits.save(
                PlanEdits.Input(
                    name: form.name ?? "",
                    whatIf: try whatIf(request, fields: { try? request.content.get(String.self, at: $0) })),
                cityID: cityID,
                advise: { try await PortfolioAdvising.advise(cityID: cityID, whatIf: $0, request: request) },
                context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderPortfolio(request, refusal: problem)
        }
        return request.redirect(
            to: EngagementPath.plan.href(cityID, try plan.requireID()), showing: PlanNotice.saved)
    }

    package struct PlanPage: Encodable {
        package var layout: Layout
        package var cityID: Int
        package var cityName: String
        package var plan: PortfolioPlanDTO
        package var currency: String
        package var savedOn: String
        package var notice: String?
        package var advice: AdviceView
        package var weights: [ThemeWeight]
    }

    @Sendable
    package func plan(_ request: Request) async throws -> View {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let planID = try request.integerParameter("planID")
        guard let plan = try await PortfolioPlan.find(planID, on: request.db), plan.$city.id == city.id else {
            throw Refusal(
                .notFound,
                Message(
                    "engagement.plan.not-found", "{city} has no plan {plan}.",
                    ["city": .text(city.name), "plan": .text("\(planID)")]))
        }
        let dto = EngagementQueries.planDTO(plan)
        return try await request.view.render(
            "Engagement/plan",
            PlanPage(
                layout: Layout(title: plan.name, request: request), cityID: city.id!, cityName: city.name, plan: dto,
                currency: dto.advice.settings.currency,
                savedOn: plan.createdAt.map(request.text(minute:)) ?? "", notice: request.notice(PlanNotice.self),
                advice: view(dto.advice, currency: dto.advice.settings.currency, request: request),
                weights: weights(dto.advice.settings.priorities, request: request)))
    }

    // MARK: view models

    package func row(_ engagement: EngagementDTO, request: Request) -> Row {
        Row(
            engagement: engagement,
            kind: EngagementKind(rawValue: engagement.kind).map { request.text($0.label) } ?? engagement.kind,
            level: EngagementLevel(rawValue: engagement.level).map { request.text($0.label) } ?? engagement.level,
            status: EngagementStatus(rawValue: engagement.status).map { request.text($0.label) } ?? engagement.status,
            hours: request.text(value: .decimal(engagement.hoursPerMonth)),
            fee: request.text(value: .money(engagement.yearlyFee)),
            cost: request.text(value: .money(engagement.yearlyCost)),
            meanRating: engagement.value.recentMeanRating.map { request.text(value: .fixed($0, digits: 1)) } ?? "–")
    }

    /// What the current engagements take, against the strategy's capacity.
    private func totals(_ current: [EngagementDTO], strategy: StrategyDTO?, request: Request) -> Totals {
        let notSet = request.text(Message("engagement.portfolio.not-set", "not set"))
        return Totals(
            hours: request.text(value: .decimal(current.reduce(0) { $0 + $1.hoursPerMonth })),
            fees: request.text(value: .money(current.reduce(0) { $0 + $1.yearlyFee })),
            cost: request.text(value: .money(current.reduce(0) { $0 + $1.yearlyCost })),
            hoursCapacity: strategy.map { request.text(value: .decimal($0.hoursPerMonth)) } ?? notSet,
            budget: strategy.map { request.text(value: .money($0.yearlyBudget)) } ?? notSet)
    }

    package func weights(_ priorities: [StrategyPriority], request: Request) -> [ThemeWeight] {
        let total = priorities.reduce(0) { $0 + $1.weight }
        return priorities.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }.map {
            let share = total > 0 ? $0.weight / total : 0
            return ThemeWeight(
                label: themeName($0.theme, request: request) ?? $0.theme, share: Int((share * 100).rounded()),
                shareText: request.text(value: .percent(share)))
        }
    }

    /// A theme's name in the reader's language; nil for a code no theme has.
    private func themeName(_ code: String, request: Request) -> String? {
        Theme(rawValue: code).map { request.text($0.message) }
    }

    package func view(_ advice: PortfolioAdviceDTO, currency: String, request: Request) -> AdviceView {
        AdviceView(
            advice: advice, objective: request.text(value: .fixed(advice.objective, digits: 3)),
            upperBound: request.text(value: .fixed(advice.upperBound, digits: 3)),
            gapPercent: request.text(value: .fixed(advice.gap * 100, digits: 2)),
            yearlyFees: request.text(value: .money(advice.yearlyFees)),
            hours: request.text(value: .decimal(advice.hoursPerMonth)),
            hoursCapacity: request.text(value: .decimal(advice.settings.hoursPerMonth)),
            budget: request.text(value: .money(advice.settings.yearlyBudget)),
            actions: advice.actions.map {
                ActionView(
                    action: $0, hours: request.text(value: .decimal($0.hoursPerMonth)),
                    fee: request.text(value: .money($0.yearlyFee)), fit: request.text(value: .percent($0.scores.fit)),
                    redundancy: request.text(value: .percent($0.scores.redundancy)),
                    assumption: $0.isEstimate ? request.text(assumption(advice.settings)) : "")
            },
            coverage: advice.coverage.map {
                // A saved plan keeps the label worded for whoever saved it: the theme is named anew for this reader.
                CoverageRow(
                    label: themeName($0.theme, request: request) ?? $0.label,
                    weight: request.text(value: .decimal($0.weight)),
                    networks: $0.networks)
            })
    }

    /// "assumed", with the source of the figures when the advice names it (plans saved earlier do not).
    private func assumption(_ settings: PortfolioAdviceDTO.Settings) -> Message {
        let hours = settings.newEngagementHoursSource.flatMap(AssumptionSource.init(rawValue:))
        let fee = settings.newEngagementFeeSource.flatMap(AssumptionSource.init(rawValue:))
        switch (hours, fee) {
        case (let hours?, let fee?) where hours == fee:
            return Message(
                "engagement.advice.assumed-from", "assumed: {source}", ["source": .message(hours.phrase(plural: true))])
        case (let hours?, let fee?):
            return Message(
                "engagement.advice.assumed-each", "assumed: hours, {hoursSource}; fee, {feeSource}",
                ["hoursSource": .message(hours.phrase()), "feeSource": .message(fee.phrase())])
        default: return Message("engagement.advice.assumed", "assumed")
        }
    }

    package func revisions(_ strategy: StrategyDTO?, request: Request) -> [RevisionRow] {
        (strategy?.history ?? []).map { revision in
            RevisionRow(
                revision: revision.revision, savedBy: revision.savedBy,
                savedOn: revision.savedAt.map(request.text(day:)) ?? "",
                priorities: weights(revision.priorities, request: request),
                hours: request.text(value: .decimal(revision.hoursPerMonth)),
                budget: request.text(value: .money(revision.yearlyBudget)))
        }
    }

    private func whatIfForm(_ request: Request, strategy: StrategyDTO?) -> WhatIfForm {
        let weights = Dictionary((strategy?.priorities ?? []).map { ($0.theme, $0.weight) }) { $0 + $1 }
        func typed(_ name: String) -> String? { request.query[String.self, at: name] }
        let themes = Theme.allCases.map { theme in
            FormField(
                name: TypedFields.weightField(theme), label: request.text(theme.message),
                value: typed(TypedFields.weightField(theme)) ?? weights[theme.rawValue].map(NumberText.short) ?? "0")
        }
        let isWhatIf = request.query[String.self, at: "whatif"] != nil
        return WhatIfForm(
            themes: themes,
            hoursPerMonth: typed("hoursPerMonth") ?? strategy.map { NumberText.short($0.hoursPerMonth) } ?? "",
            yearlyBudget: typed("yearlyBudget") ?? strategy.map { NumberText.short($0.yearlyBudget) } ?? "",
            isWhatIf: isWhatIf)
    }

    /// The what-if of the page's query.
    private func whatIf(_ request: Request) throws -> PortfolioAdvising.WhatIf {
        guard request.query[String.self, at: "whatif"] != nil else { return .init() }
        return try whatIf(request, fields: { request.query[String.self, at: $0] })
    }

    /// A what-if from form fields: a weight per theme, the hours and the budget, each a number or a 400 naming it.
    private func whatIf(_ request: Request, fields: (String) -> String?) throws -> PortfolioAdvising.WhatIf {
        let priorities = try TypedFields.priorities(fields)
        return PortfolioAdvising.WhatIf(
            priorities: priorities.isEmpty ? nil : priorities,
            hoursPerMonth: try FormNumber.parse(fields("hoursPerMonth"), field: "hoursPerMonth", as: Double.self),
            yearlyBudget: try FormNumber.parse(fields("yearlyBudget"), field: "yearlyBudget", as: Double.self))
    }
}
