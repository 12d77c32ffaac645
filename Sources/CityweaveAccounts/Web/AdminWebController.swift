import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// An organisation's administration: its people, invitations and audit log.
/// Platform administrators see every organisation.
package struct AdminWebController {
    package struct PeoplePage: Encodable {
        package struct PersonRow: Encodable {
            package var id: String
            package var name: String
            package var email: String
            package var organisation: String
            package var role: String
            package var contactFor: String
            package var active: Bool
            package var invited: Bool
            package var isSelf: Bool
            package var isSignatory: Bool
            package var signatoryTitle: String
        }

        package struct PendingInvitation: Encodable {
            package var email: String
            package var organisation: String
            package var role: String
            package var expires: String
        }

        package var layout: Layout
        package var organisation: String
        package var isPlatformAdmin: Bool
        package var people: [PersonRow]
        package var invitations: [PendingInvitation]
        /// The roles a person can be given, for the forms' menus.
        package var roles: [FormChoice]
        package var newLink: String?
        package var notice: String?
    }

    /// The people of the admin's organisation (of every organisation, for platform administrators).
    @Sendable
    package func people(_ request: Request) async throws -> View {
        try await renderPeople(request, notice: request.notice(PeopleNotice.self))
    }

    /// What the people page says after a change.
    package enum PeopleNotice: String, PageNotice {
        case updated, deactivated, reactivated, signatory, notSignatory

        package var message: Message {
            switch self {
            case .updated: Message("accounts.notice.updated", "The changes have been saved.")
            case .deactivated:
                Message(
                    "accounts.notice.deactivated",
                    "The account has been deactivated: its sessions have ended and its tokens are refused.")
            case .reactivated: Message("accounts.notice.reactivated", "The account can sign in again.")
            case .signatory:
                Message(
                    "accounts.notice.signatory",
                    "The person may now endorse statements on the organisation's behalf.")
            case .notSignatory:
                Message(
                    "accounts.notice.not-signatory",
                    "The person may no longer endorse statements on the organisation's behalf.")
            }
        }
    }

    private func renderPeople(_ request: Request, notice: String? = nil, newLink: String? = nil) async throws -> View {
        let actor = try request.requireActor()
        let scope = actor.user.isPlatformAdmin ? nil : actor.user.organisation
        let users = (scope.map { User.query(in: $0, on: request.db) } ?? User.query(on: request.db)).sort(\.$name)
        let invitations = Invitation.query(on: request.db).filter(\.$acceptedAt == nil)
            .filter(\.$expiresAt > Date()).sort(\.$expiresAt)
        switch scope?.kind {
        case .city: invitations.filter(\.$cityID == scope?.id)
        case .network: invitations.filter(\.$networkID == scope?.id)
        case nil: break
        }
        var names = OrganisationNames(request: request)
        var rows: [PeoplePage.PersonRow] = []
        for user in try await users.all() {
            rows.append(
                .init(
                    id: try user.requireID().uuidString, name: user.name, email: user.email,
                    organisation: try await names.name(of: user.organisation, platformAdmin: user.isPlatformAdmin),
                    role: user.role?.rawValue ?? "", contactFor: user.contactFor, active: user.isActive,
                    invited: user.passwordHash == nil, isSelf: user.id == actor.user.id, isSignatory: user.isSignatory,
                    signatoryTitle: user.signatoryTitle))
        }
        var pending: [PeoplePage.PendingInvitation] = []
        for invitation in try await invitations.all() {
            pending.append(
                .init(
                    email: invitation.email,
                    organisation: try await names.name(
                        of: invitation.organisation, platformAdmin: invitation.isPlatformAdmin),
                    role: invitation.role.map { request.text($0.label) } ?? "",
                    expires: request.text(minute: invitation.expiresAt)))
        }
        let page = PeoplePage(
            layout: Layout(title: Message("accounts.people.heading", "People"), request: request),
            organisation: try await names.name(of: scope, platformAdmin: scope == nil),
            isPlatformAdmin: actor.user.isPlatformAdmin, people: rows, invitations: pending,
            roles: Role.allCases.map { FormChoice(value: $0.rawValue, label: request.text($0.label), selected: false) },
            newLink: newLink, notice: notice)
        return try await request.view.render("Accounts/people", page)
    }

    package struct InvitationForm: Content {
        package var email: String?
        package var role: String?
        /// Platform administrators only: `city:ID`, `network:ID-or-slug`, or `platform`.
        package var organisation: String?
    }

    /// Invites someone; the page shows the one-time link to pass on.
    @Sendable
    package func invite(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        let form = try request.content.decode(InvitationForm.self)
        let (organisation, role, makesPlatformAdmin) = try await Self.placement(
            of: form, by: actor.user, in: request.application.organisations, on: request.db)
        let secret = try await request.db.transaction { db in
            let created = try await Invitations.create(
                email: form.email ?? "", organisation: organisation, role: role, isPlatformAdmin: makesPlatformAdmin,
                invitedBy: actor.user, on: db)
            try await AuditLog.record(
                request.editContext, action: "invite", recordType: "invitation",
                recordID: try created.0.requireID().uuidString,
                organisation: organisation,
                changes: AuditChanges([
                    ("email", nil, created.0.email), ("role", nil, role?.rawValue ?? "platform admin"),
                ]), on: db)
            return created.secret
        }
        let link = Invitations.link(secret: secret, baseURL: request.baseURL)
        return try await renderPeople(request, newLink: link).encodeResponse(status: .created, for: request)
    }

    /// Where the invited person will work and with which role. An
    /// organisation's admin invites to their own organisation; a platform
    /// administrator names the organisation, or `platform` for another platform administrator.
    private static func placement(
        of form: InvitationForm, by inviter: User, in directory: any OrganisationDirectory, on database: any Database
    ) async throws
        -> (Organisation?, Role?, isPlatformAdmin: Bool)
    {
        var organisation = inviter.organisation
        if inviter.isPlatformAdmin {
            organisation = try await Self.organisation(
                from: form.organisation ?? "", in: directory, on: database)
            if organisation == nil { return (nil, nil, true) }
        }
        guard let organisation else {
            throw BadRequest(
                Message(
                    "accounts.invitation.organisation.required",
                    "'{field}' is required: the city or network the person will work for.",
                    ["field": .text("organisation")]))
        }
        guard let role = Role(rawValue: form.role ?? "") else {
            throw BadRequest(
                Message(
                    "accounts.invitation.role.invalid", "'{field}' must be one of viewer, editor, admin.",
                    ["field": .text("role")]))
        }
        return (organisation, role, false)
    }

    /// `city:ID`, `network:ID` or `network:slug`; nil for `platform`.
    package static func organisation(
        from text: String, in directory: any OrganisationDirectory, on database: any Database
    ) async throws -> Organisation? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "platform" { return nil }
        let parts = trimmed.split(separator: ":", maxSplits: 1).map(String.init)
        let unreadable = BadRequest(
            Message(
                "accounts.invitation.organisation.invalid",
                "'{field}' must be city:ID, network:ID or platform; got '{value}'.",
                ["field": .text("organisation"), "value": .text(trimmed)]))
        guard parts.count == 2 else { throw unreadable }
        switch parts[0] {
        case "city":
            guard let id = Int(parts[1]), try await directory.name(of: .city(id), on: database) != nil else {
                throw BadRequest(
                    Message(
                        "accounts.invitation.organisation.no-city", "'{field}': there is no city with the id '{id}'.",
                        ["field": .text("organisation"), "id": .text(parts[1])]))
            }
            return .city(id)
        case "network":
            guard let network = try await directory.network(parts[1], on: database) else {
                throw Refusal(
                    .notFound,
                    Message(
                        "accounts.invitation.organisation.no-network", "There is no network '{network}'.",
                        ["network": .text(parts[1])]))
            }
            return network
        default:
            throw unreadable
        }
    }

    /// The longest "contact for" a person may be given.
    package static let maximumContactLength = 500

    package struct PersonForm: Content {
        package var role: String?
        package var contactFor: String?
    }

    /// Changes a person's role and what they are the contact for.
    @Sendable
    package func updatePerson(_ request: Request) async throws -> Response {
        let target = try await Self.targetUser(request)
        let form = try request.content.decode(PersonForm.self)
        let before = PersonSnapshot(target)
        if let text = form.role, target.organisation != nil {
            guard let role = Role(rawValue: text) else {
                throw BadRequest(
                    Message(
                        "accounts.person.role.invalid",
                        "'{field}' must be one of viewer, editor, admin; got '{value}'.",
                        ["field": .text("role"), "value": .text(text)]))
            }
            if target.role == .admin, role != .admin { try await Self.requireAnotherAdmin(besides: target, request) }
            target.role = role
        }
        if let contactFor = form.contactFor {
            let trimmed = contactFor.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= Self.maximumContactLength else {
                throw BadRequest(
                    Message(
                        "accounts.person.contact.too-long", one: "'{field}' must have at most {count} character.",
                        other: "'{field}' must have at most {count} characters.", count: Self.maximumContactLength,
                        ["field": .text("contactFor")]))
            }
            target.contactFor = trimmed
        }
        try await save(target, before: before, action: "update", request: request)
        return request.redirect(to: AccountsPath.people.href(), showing: PeopleNotice.updated)
    }

    /// The longest title a signatory signs under.
    package static let maximumTitleLength = 200

    package struct SignatoryForm: Content {
        /// `on` to name the person a signatory; anything else, or nothing, to take it back.
        package var signatory: String?
        package var title: String?
    }

    /// Names a person of the organisation as one who may endorse statements on its behalf, under a
    /// title, or takes that back. Only people of a city or a network can be named.
    @Sendable
    package func designateSignatory(_ request: Request) async throws -> Response {
        let target = try await Self.targetUser(request)
        let form = try request.content.decode(SignatoryForm.self)
        guard target.organisation != nil else {
            throw BadRequest(
                Message(
                    "accounts.person.signatory-without-organisation",
                    "Only people of a city or a network can sign for it."))
        }
        let designates = form.signatory == "on"
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if designates, title.isEmpty { throw BadRequest.required("title") }
        guard title.count <= Self.maximumTitleLength else {
            throw BadRequest.tooLong("title", limit: Self.maximumTitleLength)
        }
        let before = PersonSnapshot(target)
        target.isSignatory = designates
        if designates { target.signatoryTitle = title }
        try await save(
            target, before: before, action: designates ? "designate signatory" : "revoke signatory", request: request)
        return request.redirect(
            to: AccountsPath.people.href(), showing: designates ? PeopleNotice.signatory : PeopleNotice.notSignatory)
    }

    /// Deactivates a person: they cannot sign in, their sessions end and their tokens stop working at once.
    @Sendable
    package func deactivate(_ request: Request) async throws -> Response {
        let target = try await Self.targetUser(request)
        guard target.id != request.actor?.user.id else {
            throw BadRequest(
                Message(
                    "accounts.person.deactivate-self",
                    "You cannot deactivate your own account; ask another administrator."))
        }
        if target.role == .admin { try await Self.requireAnotherAdmin(besides: target, request) }
        let before = PersonSnapshot(target)
        target.deactivatedAt = Date()
        try await save(target, before: before, action: "deactivate", request: request) { db in
            try await SessionStore.endAll(of: target.requireID(), on: db)
        }
        return request.redirect(to: AccountsPath.people.href(), showing: PeopleNotice.deactivated)
    }

    /// Lets a deactivated person sign in again.
    @Sendable
    package func reactivate(_ request: Request) async throws -> Response {
        let target = try await Self.targetUser(request)
        let before = PersonSnapshot(target)
        target.deactivatedAt = nil
        try await save(target, before: before, action: "reactivate", request: request)
        return request.redirect(to: AccountsPath.people.href(), showing: PeopleNotice.reactivated)
    }

    /// What the audit log records of a person.
    private struct PersonSnapshot: Encodable {
        var role: Role?
        var contactFor: String
        var active: Bool
        var signatory: Bool
        var signatoryTitle: String

        init(_ user: User) {
            role = user.role
            contactFor = user.contactFor
            active = user.isActive
            signatory = user.isSignatory
            signatoryTitle = user.signatoryTitle
        }
    }

    private func save(
        _ target: User, before: PersonSnapshot, action: String, request: Request,
        also: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws {
        let changes = try AuditChanges.between(before, PersonSnapshot(target))
        try await request.db.transaction { db in
            try await target.update(on: db)
            try await also?(db)
            try await AuditLog.record(
                request.editContext, action: action, recordType: "user", recordID: try target.requireID().uuidString,
                organisation: target.organisation, changes: changes, on: db)
        }
    }

    private static func targetUser(_ request: Request) async throws -> User {
        guard let id = request.parameters.get("userID").flatMap(UUID.init(uuidString:)),
            let user = try await User.find(id, on: request.db)
        else { throw Refusal(.notFound, Message("accounts.person.unknown", "There is no such person.")) }
        return user
    }

    /// An organisation always keeps an active administrator, so that it can manage itself.
    private static func requireAnotherAdmin(besides user: User, _ request: Request) async throws {
        guard let organisation = user.organisation else { return }
        let otherAdmins = try await User.query(in: organisation, on: request.db).filter(\.$role == .admin)
            .filter(\.$deactivatedAt == nil).filter(\.$id != user.requireID()).count()
        guard otherAdmins > 0 else {
            throw BadRequest(
                Message(
                    "accounts.person.only-admin",
                    "{name} is the organisation's only administrator; make someone else admin first.",
                    ["name": .text(user.name)]))
        }
    }

    // MARK: audit log

    package struct AuditPage: Encodable {
        package struct EntryRow: Encodable {
            package var at: String
            package var actor: String
            package var organisation: String
            package var action: String
            package var record: String
            package var changes: [AuditChanges.Change]
            package var ip: String
        }

        package var layout: Layout
        package var organisation: String
        package var entries: [EntryRow]
        package var pager: Pager
        package var filters: AuditFilter
        package var actions: [String]
        package var recordTypes: [String]
    }

    /// The audit log of the admin's organisation (all of it for platform administrators), with filters.
    @Sendable
    package func audit(_ request: Request) async throws -> View {
        let actor = try request.requireActor()
        let filter = try AuditFilter(from: request)
        let scope = actor.user.isPlatformAdmin ? nil : actor.user.organisation
        let (entries, metadata) = try await AuditQueries.entries(
            filter: filter, visibleTo: scope, page: try PageParameters(from: request, defaultPer: 50), on: request.db)
        var names = OrganisationNames(request: request)
        var rows: [AuditPage.EntryRow] = []
        for entry in entries {
            rows.append(
                .init(
                    at: request.text(minute: entry.at), actor: entry.actorEmail,
                    organisation: try await names.name(of: entry.organisation, platformAdmin: false),
                    action: entry.action, record: "\(entry.recordType) \(entry.recordID)",
                    changes: AuditChanges.parse(entry.changes), ip: entry.ip))
        }
        let page = AuditPage(
            layout: Layout(title: Message("accounts.audit.heading", "Audit log"), request: request),
            organisation: try await names.name(of: scope, platformAdmin: scope == nil), entries: rows,
            pager: Pager(metadata, request: request), filters: filter,
            actions: try await AuditQueries.distinct(\.$action, visibleTo: scope, on: request.db),
            recordTypes: try await AuditQueries.distinct(\.$recordType, visibleTo: scope, on: request.db))
        return try await request.view.render("Accounts/audit", page)
    }
}

/// Names of organisations, looked up once per page.
package struct OrganisationNames {
    package let request: Request
    private var cache: [Organisation: String] = [:]

    package init(request: Request) { self.request = request }

    package mutating func name(of organisation: Organisation?, platformAdmin: Bool) async throws -> String {
        guard let organisation else {
            return platformAdmin ? request.text(Message("accounts.people.platform", "Platform")) : "—"
        }
        if let known = cache[organisation] { return known }
        let name = try await request.name(of: organisation)
        cache[organisation] = name
        return name
    }
}

extension Request {
    /// Where users reach this server: `CITYWEAVE_PUBLIC_URL`, or the Host the request was sent to.
    package var baseURL: String {
        if let configured = application.cityweave.publicURL { return configured }
        let host = headers.first(name: .host) ?? "127.0.0.1:8080"
        return (isSecureOrigin ? "https://" : "http://") + host
    }
}
