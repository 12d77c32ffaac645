import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The directory's forms: a city's profile, partnerships and membership
/// requests; a network's profile, members and the requests made to it.
/// Who may use each is declared with the route in `DirectoryRoutes`.
package struct DirectoryEditWebController {
    package struct Option: Encodable {
        package var value: String
        package var label: String
        package var selected: Bool
    }

    // MARK: city profile

    package struct CityEditPage: Encodable {
        package var layout: Layout
        package var cityID: Int
        package var name: String
        package var governments: [Option]
        package var autonomies: [Option]
        package var budgetShare: String
        package var staff: String
        package var languages: String
        package var error: String?
    }

    package struct CityProfileForm: Content {
        package var formOfGovernment: String?
        package var fiscalAutonomy: String?
        package var internationalBudgetShare: String?
        package var internationalStaff: String?
        package var workingLanguages: String?

        /// Every field of the form is sent: an empty one clears the value.
        package func update() throws -> CityProfileUpdate {
            var update = CityProfileUpdate()
            update.formOfGovernment = .set(formOfGovernment.nonEmpty)
            update.fiscalAutonomy = .set(fiscalAutonomy.nonEmpty)
            update.internationalBudgetShare = .set(
                try FormNumber.parse(internationalBudgetShare, field: "internationalBudgetShare", as: Double.self))
            update.internationalStaff = .set(
                try FormNumber.parse(internationalStaff, field: "internationalStaff", as: Int.self))
            update.workingLanguages = .set(
                (workingLanguages ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init))
            return update
        }
    }

    /// The form for a city's context profile.
    @Sendable
    package func editCity(_ request: Request) async throws -> View {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        return try await renderCityEdit(request, city: city, error: nil)
    }

    private func renderCityEdit(_ request: Request, city: City, error: String?) async throws -> View {
        let page = CityEditPage(
            layout: Layout(
                title: Message("directory.city-edit.title", "Edit {city}", ["city": .text(city.name)]), request: request
            ), cityID: try city.requireID(), name: city.name,
            governments: FormOfGovernment.allCases.map {
                Option(value: $0.rawValue, label: request.text($0.message), selected: $0 == city.formOfGovernment)
            },
            autonomies: FiscalAutonomy.allCases.map {
                Option(value: $0.rawValue, label: request.text($0.message), selected: $0 == city.fiscalAutonomy)
            },
            budgetShare: city.internationalBudgetShare.map { String($0) } ?? "",
            staff: city.internationalStaff.map(String.init) ?? "",
            languages: city.workingLanguages.joined(separator: ", "), error: error)
        return try await request.view.render("Directory/city-edit", page)
    }

    /// Saves a city's context profile.
    @Sendable
    package func updateCity(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        do {
            let update = try request.content.decode(CityProfileForm.self).update()
            try await DirectoryEdits.updateProfile(of: city, with: update, context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            let reloaded = try await DirectoryQueries.city(try city.requireID(), on: request.db)
            return try await renderCityEdit(request, city: reloaded, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
        return request.redirect(to: DirectoryPath.city.href(try city.requireID()), redirectType: .normal)
    }

    // MARK: partnerships and membership requests

    package struct PartnershipForm: Content {
        /// A city id, or a name that search finds ("Guangzhou", "Portland, US").
        package var partner: String?
        package var kind: String?
        package var since: String?
        package var source: String?
    }

    /// Records a partnership from the city's page.
    @Sendable
    package func addPartnership(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let form = try request.content.decode(PartnershipForm.self)
        let partner = try await DirectoryQueries.cityReference(form.partner ?? "", field: "partner", on: request.db)
        _ = try await DirectoryEdits.addPartnership(
            to: city,
            .init(
                partnerCityId: partner, kind: form.kind ?? "",
                since: try FormNumber.parse(form.since, field: "since", as: Int.self), source: form.source),
            context: request.editContext)
        return request.redirect(
            to: DirectoryPath.city.href(try city.requireID()) + "#partnerships", redirectType: .normal)
    }

    package struct ReturnForm: Content {
        /// The city page to go back to.
        package var city: Int?
    }

    /// Deletes a partnership from either city's page.
    @Sendable
    package func removePartnership(_ request: Request) async throws -> Response {
        let partnership = try await DirectoryEdits.partnership(try request.integerParameter("id"), on: request.db)
        try await DirectoryEdits.removePartnership(partnership, context: request.editContext)
        let back = try request.content.decode(ReturnForm.self).city ?? partnership.$cityA.id
        return request.redirect(to: DirectoryPath.city.href(back) + "#partnerships", redirectType: .normal)
    }

    /// Asks to join a network from the city's page.
    @Sendable
    package func requestMembership(_ request: Request) async throws -> Response {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let input = try request.content.decode(DirectoryEdits.NewMembershipRequest.self)
        _ = try await DirectoryEdits.requestMembership(of: city, input, context: request.editContext)
        return request.redirect(to: DirectoryPath.city.href(try city.requireID()), showing: CityNotice.requested)
    }

    // MARK: network profile

    package struct NetworkEditPage: Encodable {
        package var layout: Layout
        package var slug: String
        package var name: String
        package var acronym: String
        package var founded: String
        package var scopes: [Option]
        package var region: String
        package var themes: String
        package var website: String
        package var description: String
        package var error: String?
    }

    package struct NetworkProfileForm: Content {
        package var name: String?
        package var acronym: String?
        package var founded: String?
        package var scope: String?
        package var region: String?
        package var themes: String?
        package var website: String?
        package var description: String?

        package func update() throws -> NetworkProfileUpdate {
            var update = NetworkProfileUpdate()
            update.name = .set(name ?? "")
            update.acronym = .set(acronym ?? "")
            update.founded = .set(try FormNumber.parse(founded, field: "founded", as: Int.self))
            update.scope = .set(scope ?? "")
            update.region = .set(region ?? "")
            update.themes = .set((themes ?? "").split(separator: ",").map(String.init))
            update.website = .set(website ?? "")
            update.description = .set(description ?? "")
            return update
        }
    }

    /// The form for a network's profile.
    @Sendable
    package func editNetwork(_ request: Request) async throws -> View {
        let network = try await DirectoryQueries.network(request.parameters.get("slug") ?? "", on: request.db)
        return try await renderNetworkEdit(request, network: network, error: nil)
    }

    private func renderNetworkEdit(_ request: Request, network: Network, error: String?) async throws -> View {
        let page = NetworkEditPage(
            layout: Layout(
                title: Message("directory.network-edit.title", "Edit {network}", ["network": .text(network.name)]),
                request: request), slug: network.slug, name: network.name,
            acronym: network.acronym,
            founded: network.founded.map(String.init) ?? "",
            scopes: NetworkScope.allCases.map {
                Option(value: $0.rawValue, label: request.text($0.message), selected: $0 == network.scope)
            },
            region: network.region, themes: network.themes.joined(separator: ", "), website: network.website,
            description: network.details, error: error)
        return try await request.view.render("Directory/network-edit", page)
    }

    /// Saves a network's profile.
    @Sendable
    package func updateNetwork(_ request: Request) async throws -> Response {
        let network = try await DirectoryQueries.network(request.parameters.get("slug") ?? "", on: request.db)
        do {
            let update = try request.content.decode(NetworkProfileForm.self).update()
            try await DirectoryEdits.updateProfile(of: network, with: update, context: request.editContext)
        } catch let problem as AbortError where problem.isMendableInTheForm {
            let reloaded = try await DirectoryQueries.network(network.slug, on: request.db)
            return try await renderNetworkEdit(request, network: reloaded, error: request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
        return request.redirect(to: DirectoryPath.network.href(network.slug), redirectType: .normal)
    }

    // MARK: network members

    package struct ManagePage: Encodable {
        package struct RequestRow: Encodable {
            package var id: Int
            package var cityID: Int
            package var city: String
            package var message: String
            package var requested: String
        }

        package struct MemberRow: Encodable {
            package var cityID: Int
            package var name: String
            package var country: String
            package var role: String
            package var since: String
        }

        package var layout: Layout
        package var slug: String
        package var name: String
        package var requests: [RequestRow]
        package var members: [MemberRow]
        package var pager: Pager
        package var notice: String?
    }

    /// The network's members and the requests to join it, for its editors.
    @Sendable
    package func manageNetwork(_ request: Request) async throws -> View {
        let network = try await DirectoryQueries.network(request.parameters.get("slug") ?? "", on: request.db)
        let pending = try await DirectoryEdits.pendingRequests(to: network, on: request.db)
        let (members, metadata) = try await DirectoryQueries.members(
            of: network, page: try PageParameters(from: request, defaultPer: 50),
            sort: SortRequest(key: .name, descending: false),
            on: request.db)
        let page = ManagePage(
            layout: Layout(
                title: Message(
                    "directory.network-manage.title", "Members of {network}", ["network": .text(network.name)]),
                request: request), slug: network.slug,
            name: network.name,
            requests: pending.map {
                .init(
                    id: $0.id ?? 0, cityID: $0.$city.id, city: $0.city.name, message: $0.message,
                    requested: $0.createdAt.map(request.text(day:)) ?? "")
            },
            members: members.map {
                .init(
                    cityID: $0.city.id ?? 0, name: $0.city.name, country: request.countryName(of: $0.city),
                    role: request.membershipRole($0.role),
                    since: $0.since.map(String.init) ?? "")
            },
            pager: Pager(metadata, request: request),
            notice: request.notice(MembersNotice.self))
        return try await request.view.render("Directory/network-manage", page)
    }

    package struct MemberForm: Content {
        package var city: String?
        package var role: String?
        package var since: String?
    }

    /// Adds a member city from the management page.
    @Sendable
    package func addMember(_ request: Request) async throws -> Response {
        let network = try await DirectoryQueries.network(request.parameters.get("slug") ?? "", on: request.db)
        let form = try request.content.decode(MemberForm.self)
        let cityID = try await DirectoryQueries.cityReference(form.city ?? "", field: "city", on: request.db)
        _ = try await DirectoryEdits.addMember(
            to: network,
            .init(
                cityId: cityID, role: form.role, since: try FormNumber.parse(form.since, field: "since", as: Int.self)),
            context: request.editContext)
        return request.redirect(to: DirectoryPath.networkManage.href(network.slug), showing: MembersNotice.added)
    }

    /// Removes a member city from the management page.
    @Sendable
    package func removeMember(_ request: Request) async throws -> Response {
        let network = try await DirectoryQueries.network(request.parameters.get("slug") ?? "", on: request.db)
        try await DirectoryEdits.removeMember(
            try request.integerParameter("cityID"), from: network, context: request.editContext)
        return request.redirect(to: DirectoryPath.networkManage.href(network.slug), showing: MembersNotice.removed)
    }

    /// Accepts a request from the management page: the city becomes a member.
    @Sendable
    package func accept(_ request: Request) async throws -> Response {
        try await decide(request, accept: true)
    }

    /// Declines a request from the management page.
    @Sendable
    package func decline(_ request: Request) async throws -> Response {
        try await decide(request, accept: false)
    }

    private func decide(_ request: Request, accept: Bool) async throws -> Response {
        let membershipRequest = try await DirectoryEdits.membershipRequest(
            try request.integerParameter("id"), on: request.db)
        try await DirectoryEdits.decide(membershipRequest, accept: accept, context: request.editContext)
        let network = try await membershipRequest.$network.get(on: request.db)
        return request.redirect(to: DirectoryPath.networkManage.href(network.slug), redirectType: .normal)
    }
}

/// What a network's members page says after a change.
package enum MembersNotice: String, PageNotice {
    case added, removed

    package var message: Message {
        switch self {
        case .added: Message("directory.notice.member-added", "The city is now a member.")
        case .removed: Message("directory.notice.member-removed", "The city is no longer a member.")
        }
    }
}
