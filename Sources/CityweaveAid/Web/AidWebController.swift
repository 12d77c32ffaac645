import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The aid module's pages: the overview with the catalogue and the recent
/// runs, a page per resource (map and unmet need), the offer and request
/// forms and pages, a run's proposals with the cities' answers, and the
/// ledger. Who may use each is declared with the route in `AidRoutes`.
package struct AidWebController {
    package struct AllocationRow: Encodable {
        package var allocation: AllocationDTO
        package var statusLabel: String
        /// The quantity in the resource's unit: "60 masks".
        package var amount: String
        package var distance: String
        /// The sides the signed-in person may answer for, now.
        package var answerAs: [FormChoice]
        /// The sides that accepted and may still decline before the help ships.
        package var backOutAs: [FormChoice]
        package var mayShip: Bool
        package var mayReceive: Bool
    }

    // MARK: overview

    package struct ResourceRow: Encodable {
        package var resource: AidResourceDTO
        package var name: String
        package var unit: String
        package var categoryLabel: String
        package var offers: Int
        package var offered: String
        package var requests: Int
        package var requested: String
    }

    package struct RunRow: Encodable {
        package var id: Int
        package var when: String
        package var scope: String
        package var offersConsidered: Int
        package var requestsConsidered: Int
    }

    /// The resources of one humanitarian cluster.
    package struct ClusterGroup: Encodable {
        package var label: String
        package var resources: [ResourceRow]
    }

    package struct OverviewPage: Encodable {
        package var layout: Layout
        package var resources: [ResourceRow]
        package var clusters: [ClusterGroup]
        package var runs: [RunRow]
        package var runScopes: [FormChoice]
        package var signedIn: Bool
    }

    /// `/aid`: what is offered and asked, resource by resource, and the recent matching runs.
    @Sendable
    package func overview(_ request: Request) async throws -> View {
        let resources = try await AidQueries.resources(on: request.db)
        let offers = try await AidQueries.currentPosts(.offer, .init(status: .open), on: request.db)
        let requests = try await AidQueries.currentPosts(.request, .init(status: .open), on: request.db)
        let offersByResource = Dictionary(grouping: offers, by: \.$resource.id)
        let requestsByResource = Dictionary(grouping: requests, by: \.$resource.id)
        let rows = resources.map { resource in
            let offered = offersByResource[resource.id!] ?? []
            let requested = requestsByResource[resource.id!] ?? []
            return ResourceRow(
                resource: AidResourceDTO(resource), name: request.text(resource.label),
                unit: request.text(AidUnit.label(resource.unit)), categoryLabel: request.text(resource.category.label),
                offers: offered.count, offered: request.text(count: offered.map(\.free).reduce(0, +)),
                requests: requested.count, requested: request.text(count: requested.map(\.free).reduce(0, +)))
        }
        let runs = try await AidQueries.recentRuns(limit: 10, on: request.db).map { run in
            RunRow(
                id: run.id!, when: run.createdAt.map(request.text(minute:)) ?? "", scope: request.text(scope(of: run)),
                offersConsidered: run.offersConsidered, requestsConsidered: run.requestsConsidered)
        }
        let page = OverviewPage(
            layout: Layout(title: Message("aid.overview.title", "Mutual aid"), request: request), resources: rows,
            clusters: AidCluster.allCases.compactMap { cluster in
                let members = rows.filter { $0.resource.cluster == cluster }
                return members.isEmpty ? nil : ClusterGroup(label: request.text(cluster.label), resources: members)
            }, runs: runs,
            runScopes: try await runScopes(request), signedIn: request.actor != nil)
        return try await request.view.render("Aid/overview", page)
    }

    /// What a run went over: every city or a network's members, and one resource or all of them.
    private func scope(of run: MatchingRun) -> Message {
        let cities =
            run.network.map {
                Message("aid.overview.scope.network", "members of {network}", ["network": .text($0.name)])
            } ?? Message("aid.overview.scope.every-city", "every city")
        guard let resource = run.resource else { return cities }
        return Message(
            "aid.overview.scope.resource", "{cities}, {resource}",
            ["cities": .message(cities), "resource": .message(resource.label)])
    }

    /// What the signed-in person may run the matching over: every city (platform administrators), their network.
    private func runScopes(_ request: Request) async throws -> [FormChoice] {
        guard let user = request.actor?.user, user.isActive else { return [] }
        var scopes: [FormChoice] = []
        if user.isPlatformAdmin {
            scopes.append(
                FormChoice(
                    value: "", label: request.text(Message("aid.overview.run-over.every-city", "Every city")),
                    selected: true))
        }
        if let networkID = user.networkID, AccessPolicy.holds(.editor, in: [.network(networkID)], user: user),
            let network = try await Network.find(networkID, on: request.db)
        {
            let members = Message(
                "aid.overview.run-over.network", "Members of {network}", ["network": .text(network.name)])
            scopes.append(FormChoice(value: "\(networkID)", label: request.text(members), selected: false))
        }
        return scopes
    }

    // MARK: a resource

    package struct ResourcePage: Encodable {
        package var layout: Layout
        package var resource: AidResourceDTO
        package var name: String
        package var unit: String
        package var map: MapView
        package var chart: UnmetChart
        package var offers: [AidPostRow]
        package var requests: [AidPostRow]
    }

    /// Days the unmet-need chart covers.
    package static let chartDays = 90

    /// `/aid/resources/{code}`: open offers and needs on a map, the unmet quantity over time, both lists.
    @Sendable
    package func resource(_ request: Request) async throws -> View {
        let code = request.parameters.get("code") ?? ""
        guard let resource = try await AidResource.query(on: request.db).filter(\.$code == code).first() else {
            throw Refusal(
                .notFound,
                Message("aid.error.no-resource-page", "There is no resource '{code}'.", ["code": .text(code)]))
        }
        let dto = AidResourceDTO(resource)
        let name = request.text(resource.label)
        var filter = AidQueries.PostFilter(status: .open)
        filter.resource = resource.id
        let offers = try await AidQueries.currentPosts(.offer, filter, on: request.db)
        let requests = try await AidQueries.currentPosts(.request, filter, on: request.db)
        var map = request.worldMap(
            title: request.text(
                Message(
                    "aid.resource.map-title", "Open requests (highlighted) and offers of {resource}",
                    ["resource": .message(resource.label)])))
        for post in offers + requests {
            let values: [String: Message.Value] = [
                "city": .text(post.city.name), "amount": .message(AidUnit.amount(post.free, in: resource.unit)),
            ]
            let label =
                switch post.kind {
                case .offer: Message("aid.resource.map-dot.offer", "{city}: offer of {amount}", values)
                case .request: Message("aid.resource.map-dot.request", "{city}: request of {amount}", values)
                }
            map.addDot(
                at: GeoPoint(latitude: post.city.latitude, longitude: post.city.longitude), label: request.text(label),
                href: post.kind.pagePath(post.id!), population: post.city.population,
                highlighted: post.kind == .request)
        }
        let today = DateText.todayNumber
        let first = today - Self.chartDays + 1
        let series = try await AidQueries.unmetSeries(
            of: try resource.requireID(), from: first, to: today, on: request.db)
        let page = ResourcePage(
            layout: Layout(title: name, request: request), resource: dto, name: name,
            unit: request.text(AidUnit.label(resource.unit)), map: map,
            chart: UnmetChart(series: series, firstDay: first) { request.text(AidUnit.amount($0, in: resource.unit)) },
            offers: offers.map { AidPostRow($0, request: request) },
            requests: requests.map { AidPostRow($0, request: request) })
        return try await request.view.render("Aid/resource", page)
    }

    // MARK: posting

    package struct FormPage: Encodable {
        package var layout: Layout
        package var kind: String
        package var action: String
        package var heading: String
        package var cities: [FormChoice]
        package var resources: [FormChoice]
        package var urgencies: [FormChoice]
        package var payers: [FormChoice]
        package var form: AidPostForm
        package var abroad: Bool
        package var error: String?
    }

    @Sendable
    package func newOffer(_ request: Request) async throws -> Response { try await new(.offer, request) }

    @Sendable
    package func newRequest(_ request: Request) async throws -> Response { try await new(.request, request) }

    private func new(_ kind: AidPostKind, _ request: Request) async throws -> Response {
        var form = AidPostForm()
        form.resource = request.query[String.self, at: "resource"]
        form.availableFrom = DateText.day(Date())
        form.urgency = AidUrgency.high.rawValue
        form.transportPaidBy = kind == .offer ? TransportPayer.offerer.rawValue : TransportPayer.requester.rawValue
        form.crossesBorders = kind == .request ? "on" : nil
        form.contact = request.actor?.user.email
        return try await renderForm(kind, request, form: form, error: nil)
    }

    private func renderForm(
        _ kind: AidPostKind, _ request: Request, form: AidPostForm, error: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = request.actor?.user
        var cities: [FormChoice] = []
        if let cityID = user?.cityID, AccessPolicy.holds(.editor, in: [.city(cityID)], user: user),
            let city = try await City.find(cityID, on: request.db)
        {
            cities.append(FormChoice(value: "\(cityID)", label: city.name, selected: true))
        }
        let resources = try await AidQueries.resources(on: request.db).map { resource in
            let label = Message(
                "aid.post-form.resource-choice", "{resource} ({unit})",
                ["resource": .message(resource.label), "unit": .message(AidUnit.label(resource.unit))])
            return FormChoice(
                value: resource.code, label: request.text(label), selected: resource.code == form.resource)
        }
        let heading =
            switch kind {
            case .offer: Message("aid.post-form.title.offer", "Offer help")
            case .request: Message("aid.post-form.title.request", "Ask for help")
            }
        let page = FormPage(
            layout: Layout(title: heading, request: request), kind: kind.rawValue,
            action: request.localized(kind.createPath), heading: request.text(heading), cities: cities,
            resources: resources,
            urgencies: AidUrgency.allCases.map {
                FormChoice(value: $0.rawValue, label: request.text($0.label), selected: $0.rawValue == form.urgency)
            },
            payers: TransportPayer.allCases.map {
                FormChoice(
                    value: $0.rawValue, label: request.text($0.label), selected: $0.rawValue == form.transportPaidBy)
            }, form: form, abroad: form.crossesBorders != nil, error: error)
        return try await request.view.render("Aid/post-form", page).encodeResponse(status: status, for: request)
    }

    @Sendable
    package func createOffer(_ request: Request) async throws -> Response { try await create(.offer, request) }

    @Sendable
    package func createRequest(_ request: Request) async throws -> Response { try await create(.request, request) }

    private func create(_ kind: AidPostKind, _ request: Request) async throws -> Response {
        let form = try request.content.decode(AidPostForm.self)
        do {
            let post = try await AidPostEdits.create(
                try form.input(kind: kind), kind: kind, context: request.editContext)
            return request.redirect(to: kind.pagePath(post.id!), showing: PostNotice.posted)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderForm(
                kind, request, form: form, error: request.text(error: problem), status: problem.status)
        }
    }

    // MARK: an offer or a request

    package struct PostPage: Encodable {
        package var layout: Layout
        package var post: AidPostDTO
        package var row: AidPostRow
        package var allocations: [AllocationRow]
        package var mayEdit: Bool
        package var today: String
        package var notice: String?
    }

    @Sendable
    package func offer(_ request: Request) async throws -> View { try await post(.offer, request) }

    @Sendable
    package func request(_ request: Request) async throws -> View { try await post(.request, request) }

    private func post(_ kind: AidPostKind, _ request: Request) async throws -> View {
        let post = try await AidQueries.post(try request.integerParameter("id"), kind: kind, on: request.db)
        let id = try post.requireID()
        let allocations = try await AidQueries.allocations(
            { $0.filter(kind == .offer ? \.$offer.$id : \.$request.$id, .equal, id).filter(\.$status != .superseded) },
            wording: { request.text($0) }, on: request.db)
        let row = AidPostRow(post, request: request)
        let title =
            switch kind {
            case .offer: Message("aid.post.title.offer", "Offer of {city}", ["city": .text(post.city.name)])
            case .request: Message("aid.post.title.request", "Request of {city}", ["city": .text(post.city.name)])
            }
        let page = PostPage(
            layout: Layout(title: title, request: request),
            post: row.post, row: row, allocations: allocations.map { allocationRow($0, request) },
            mayEdit: AccessPolicy.holds(.editor, in: [.city(post.$city.id)], user: request.actor?.user),
            today: DateText.day(Date()),
            notice: request.notice(PostNotice.self))
        return try await request.view.render("Aid/post", page)
    }

    @Sendable
    package func withdrawOffer(_ request: Request) async throws -> Response { try await withdraw(.offer, request) }

    @Sendable
    package func withdrawRequest(_ request: Request) async throws -> Response { try await withdraw(.request, request) }

    private func withdraw(_ kind: AidPostKind, _ request: Request) async throws -> Response {
        let post = try await AidQueries.post(try request.integerParameter("id"), kind: kind, on: request.db)
        try await AidPostEdits.withdraw(post, context: request.editContext)
        return request.redirect(to: kind.pagePath(post.id!), showing: PostNotice.withdrawn)
    }

    // MARK: matching runs and allocations

    package struct RunPage: Encodable {
        package var layout: Layout
        package var run: MatchingRunDTO
        package var rows: [AllocationRow]
        /// Units the run proposed to move, all allocations together.
        package var units: Int
        package var solveTime: String
        package var weightedUnitsMet: String
        package var totalCost: String
        package var today: String
        package var notice: String?
        package var error: String?
    }

    @Sendable
    package func createRun(_ request: Request) async throws -> Response {
        struct RunForm: Content {
            var network: String?
            var resource: String?
        }
        let form = try request.content.decode(RunForm.self)
        let input = MatchingRuns.Input(
            network: form.network.flatMap { Int($0) }, resource: form.resource.flatMap { $0.isEmpty ? nil : $0 })
        let run = try await MatchingRuns.run(input, request: request)
        return request.redirect(to: AidPath.run.href(run.id!), showing: RunNotice.ran)
    }

    @Sendable
    package func run(_ request: Request) async throws -> Response {
        try await renderRun(try request.integerParameter("id"), request, error: nil)
    }

    private func renderRun(_ id: Int, _ request: Request, error: String?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let run = try await AidQueries.run(id, wording: { request.text($0) }, on: request.db)
        let page = RunPage(
            layout: Layout(
                title: Message("aid.run.title", "Matching run {id}", ["id": .text("\(id)")]), request: request),
            run: run, rows: run.allocations.map { allocationRow($0, request) },
            units: run.allocations.reduce(0) { $0 + $1.quantity },
            solveTime: request.text(
                Message("aid.run.solve-time", "{milliseconds} ms", ["milliseconds": .decimal(run.solveMilliseconds)])),
            weightedUnitsMet: request.text(count: Int(run.weightedUnitsMet)),
            totalCost: request.text(count: Int(run.totalCost)),
            today: DateText.day(Date()),
            notice: request.notice(RunNotice.self), error: error)
        return try await request.view.render("Aid/run", page).encodeResponse(status: status, for: request)
    }

    private func allocationRow(_ allocation: AllocationDTO, _ request: Request) -> AllocationRow {
        let user = request.actor?.user
        let offerer = AccessPolicy.holds(.editor, in: [.city(allocation.from.id)], user: user)
        let requester = AccessPolicy.holds(.editor, in: [.city(allocation.to.id)], user: user)
        let open = [.proposed, .accepted].contains(allocation.status)
        var answerAs: [FormChoice] = []
        if open, offerer, allocation.offererDecision == nil {
            answerAs.append(
                FormChoice(value: AllocationSide.offerer.rawValue, label: allocation.from.name, selected: false))
        }
        if open, requester, allocation.requesterDecision == nil {
            answerAs.append(
                FormChoice(value: AllocationSide.requester.rawValue, label: allocation.to.name, selected: false))
        }
        // A city that accepted may still back out until the help ships.
        var backOutAs: [FormChoice] = []
        if [.accepted, .committed].contains(allocation.status) {
            if offerer, allocation.offererDecision == .accepted {
                backOutAs.append(
                    FormChoice(value: AllocationSide.offerer.rawValue, label: allocation.from.name, selected: false))
            }
            if requester, allocation.requesterDecision == .accepted {
                backOutAs.append(
                    FormChoice(value: AllocationSide.requester.rawValue, label: allocation.to.name, selected: false))
            }
        }
        return AllocationRow(
            allocation: allocation, statusLabel: request.text(allocation.status.label),
            amount: request.text(AidUnit.amount(allocation.quantity, in: allocation.unit)),
            distance: request.text(count: Int(allocation.distanceKm.rounded())), answerAs: answerAs,
            backOutAs: backOutAs,
            mayShip: offerer && allocation.status == .committed,
            mayReceive: requester && allocation.status == .shipped)
    }

    /// `POST /aid/allocations/{id}/{accept|decline|ship|receive}` from a run's page; back to that page.
    @Sendable
    package func step(_ request: Request) async throws -> Response {
        let id = try request.integerParameter("id")
        let allocation = try await AllocationEdits.allocation(id, on: request.db)
        struct StepForm: Content {
            var side: String?
            var quantity: String?
            var date: String?
        }
        let form = try request.content.decode(StepForm.self)
        let step = request.parameters.get("step") ?? ""
        do {
            let quantity = try FormNumber.parse(form.quantity, field: "quantity", as: Int.self)
            switch step {
            case "accept":
                try await AllocationEdits.accept(id, side: form.side, context: request.editContext)
            case "decline":
                try await AllocationEdits.decline(id, side: form.side, context: request.editContext)
            case "ship":
                try await AllocationEdits.ship(id, quantity: quantity, date: form.date, context: request.editContext)
            case "receive":
                try await AllocationEdits.receive(id, quantity: quantity, date: form.date, context: request.editContext)
            default:
                throw Refusal(
                    .notFound,
                    Message("aid.error.no-step", "An allocation can be accepted, declined, shipped or received."))
            }
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await renderRun(
                allocation.$run.id, request, error: request.text(error: problem), status: problem.status)
        }
        return request.redirect(
            to: AidPath.run.href(allocation.$run.id), showing: RunNotice.saved, at: "allocation-\(id)")
    }

    // MARK: ledger

    package struct LedgerPage: Encodable {
        package struct EntryRow: Encodable {
            package var entry: LedgerDTO.Entry
            /// The quantity in the resource's unit: "90 masks".
            package var amount: String
        }

        package struct TotalRow: Encodable {
            package var total: LedgerDTO.Total
            package var amount: String
        }

        package var layout: Layout
        package var ledger: LedgerDTO
        package var entries: [EntryRow]
        package var totals: [TotalRow]
        package var pager: Pager
        package var csvHref: String
    }

    /// `/aid/ledger?city=&partner=`: who gave what to whom, newest first.
    @Sendable
    package func ledger(_ request: Request) async throws -> View {
        let city = try request.integerQuery("city")
        let partner = try request.integerQuery("partner")
        let ledger = try await AidQueries.ledger(
            city: city, partner: partner, page: try PageParameters(from: request, defaultPer: 50), on: request.db)
        var query = URLComponents()
        query.queryItems = [
            city.map { URLQueryItem(name: "city", value: "\($0)") },
            partner.map { URLQueryItem(name: "partner", value: "\($0)") },
        ].compactMap { $0 }
        let title =
            switch (ledger.city, ledger.partner) {
            case (let city?, let partner?):
                Message(
                    "aid.ledger.title.pair", "Aid between {city} and {partner}",
                    ["city": .text(city.name), "partner": .text(partner.name)])
            case (let city?, nil):
                Message("aid.ledger.title.city", "Aid given and received by {city}", ["city": .text(city.name)])
            default: Message("aid.ledger.title", "Aid ledger")
            }
        let amount = { (quantity: Int, unit: String) in request.text(AidUnit.amount(quantity, in: unit)) }
        return try await request.view.render(
            "Aid/ledger",
            LedgerPage(
                layout: Layout(title: title, request: request), ledger: ledger,
                entries: ledger.entries.map { .init(entry: $0, amount: amount($0.quantity, $0.unit)) },
                totals: ledger.totals.map { .init(total: $0, amount: amount($0.quantity, $0.unit)) },
                pager: Pager(ledger.metadata, request: request),
                csvHref: AidPath.ledgerCSV.href() + (query.queryItems!.isEmpty ? "" : query.string ?? "")))
    }

    @Sendable
    package func ledgerCSV(_ request: Request) async throws -> Response {
        let city = try request.integerQuery("city")
        let partner = try request.integerQuery("partner")
        let ledger = try await AidQueries.ledger(city: city, partner: partner, page: nil, on: request.db)
        let csv = try CSVExport.text(
            header: [
                "date", "from_city", "from_country", "to_city", "to_country", "resource", "quantity", "unit", "status",
                "allocation_id",
            ],
            rows: ledger.entries.map { entry in
                [
                    entry.date, entry.from.name, entry.from.countryCode, entry.to.name, entry.to.countryCode,
                    entry.resource, "\(entry.quantity)", entry.unit, entry.status.rawValue, "\(entry.allocation)",
                ]
            })
        let name = ["aid-ledger", city.map(String.init), partner.map(String.init)].compactMap { $0 }
            .joined(separator: "-")
        return Response.csvDownload(csv, name: name + ".csv")
    }
}

/// What an offer's or a request's page says after a change.
package enum PostNotice: String, PageNotice {
    case posted, withdrawn

    package var message: Message {
        switch self {
        case .posted: Message("aid.notice.posted", "Posted. A matching run will propose allocations.")
        case .withdrawn: Message("aid.notice.withdrawn", "Withdrawn.")
        }
    }
}

/// What a matching run's page says after a change.
package enum RunNotice: String, PageNotice {
    case ran, saved

    package var message: Message {
        switch self {
        case .ran: Message("aid.notice.ran", "The matching ran. Each city answers the proposals it is part of.")
        case .saved: Message("aid.notice.saved", "Saved.")
        }
    }
}
