import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// The directory's writes, shared by the API and the pages. Each checks its
/// input, writes in one transaction and records itself in the audit log.
/// Authorization has happened before: see the route policies in `DirectoryRoutes`.
package enum DirectoryEdits {
    package static var thisYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    // MARK: profiles

    package static func updateProfile(of city: City, with update: CityProfileUpdate, context: EditContext) async throws
    {
        try await saveProfile(
            city, recordType: "city", owner: .city(try city.requireID()), snapshot: CityProfileSnapshot.init,
            change: update.apply, context: context)
    }

    package static func updateProfile(of network: Network, with update: NetworkProfileUpdate, context: EditContext)
        async throws
    {
        try await saveProfile(
            network, recordType: "network", owner: .network(try network.requireID()),
            snapshot: NetworkProfileSnapshot.init, change: update.apply, context: context)
    }

    /// Applies a checked change to an organisation's own record and logs the fields that moved.
    private static func saveProfile<Record: Model & Sendable, Snapshot: Encodable>(
        _ record: Record, recordType: String, owner: Organisation, snapshot: (Record) -> Snapshot,
        change: (Record) throws -> Void, context: EditContext
    ) async throws {
        let before = snapshot(record)
        try change(record)
        let changes = try AuditChanges.between(before, snapshot(record))
        guard !changes.changes.isEmpty else { return }
        try await context.db.transaction { db in
            try await record.update(on: db)
            try await AuditLog.record(
                context, action: "update", recordType: recordType, recordID: "\(owner.id)", organisation: owner,
                changes: changes, on: db)
        }
    }

    // MARK: partnerships

    package struct NewPartnership: Content {
        package var partnerCityId: Int
        package var kind: String
        package var since: Int?
        package var source: String?
    }

    /// Records a partnership of `city` with another city.
    package static func addPartnership(to city: City, _ input: NewPartnership, context: EditContext) async throws
        -> Partnership
    {
        let cityID = try city.requireID()
        let kind = try FieldChoice.parse(PartnershipKind.self, input.kind, field: "kind")
        guard input.partnerCityId != cityID else {
            throw BadRequest(
                Message(
                    "directory.error.partner-itself", "'{field}': a city cannot partner itself.",
                    ["field": .text("partnerCityId")]))
        }
        guard try await City.find(input.partnerCityId, on: context.db) != nil else {
            throw DirectoryQueries.noCityWithID(input.partnerCityId, field: "partnerCityId")
        }
        try checkYear(input.since, field: "since")
        let (a, b) = (min(cityID, input.partnerCityId), max(cityID, input.partnerCityId))
        let existing = try await Partnership.query(on: context.db).filter(\.$cityA.$id == a).filter(\.$cityB.$id == b)
            .filter(\.$kind == kind).first()
        let alreadyRecorded = Refusal(.conflict, partnershipRecorded(kind))
        guard existing == nil else { throw alreadyRecorded }
        let source = try text(input.source, field: "source", limit: 500)
        let partnership = Partnership()
        partnership.$cityA.id = a
        partnership.$cityB.id = b
        partnership.kind = kind
        partnership.since = input.since
        partnership.source = source.isEmpty ? "Recorded in Cityweave by \(context.user?.email ?? "")" : source
        try await refusingDuplicates(alreadyRecorded) {
            try await context.db.transaction { db in
                try await partnership.create(on: db)
                try await AuditLog.record(
                    context, action: "create", recordType: "partnership",
                    recordID: "\(try partnership.requireID())",
                    organisation: .city(cityID),
                    changes: AuditChanges([
                        ("cities", nil, "\(a)–\(b)"), ("kind", nil, kind.rawValue),
                        ("since", nil, input.since.map(String.init)),
                    ]), on: db)
            }
        }
        return partnership
    }

    /// What refuses a partnership recorded already: a sentence for each kind, which languages word differently.
    private static func partnershipRecorded(_ kind: PartnershipKind) -> Message {
        switch kind {
        case .sisterCity:
            Message(
                "directory.error.partnership-recorded.sister-city", "This sister city partnership is already recorded.")
        case .friendship:
            Message(
                "directory.error.partnership-recorded.friendship", "This friendship partnership is already recorded.")
        case .memorandum:
            Message(
                "directory.error.partnership-recorded.memorandum",
                "This memorandum of understanding partnership is already recorded.")
        case .economicPartnership:
            Message(
                "directory.error.partnership-recorded.economic-partnership",
                "This metro-to-metro economic partnership is already recorded.")
        }
    }

    package static func partnership(_ id: Int, on database: any Database) async throws -> Partnership {
        guard let partnership = try await Partnership.find(id, on: database) else {
            throw Refusal(
                .notFound,
                Message(
                    "directory.error.no-partnership", "There is no partnership with the id {id}.",
                    ["id": .text(String(id))]))
        }
        return partnership
    }

    package static func removePartnership(_ partnership: Partnership, context: EditContext) async throws {
        let owner = context.user?.organisation
        let organisation: Organisation =
            owner == .city(partnership.$cityB.id) ? .city(partnership.$cityB.id) : .city(partnership.$cityA.id)
        try await context.db.transaction { db in
            try await partnership.deleteOnce(
                on: db,
                orElse: Refusal(
                    .notFound, Message("directory.error.partnership-removed", "This partnership was removed already.")))
            try await AuditLog.record(
                context, action: "delete", recordType: "partnership", recordID: "\(try partnership.requireID())",
                organisation: organisation,
                changes: AuditChanges([
                    ("cities", "\(partnership.$cityA.id)–\(partnership.$cityB.id)", nil),
                    ("kind", partnership.kind.rawValue, nil),
                ]), on: db)
        }
    }

    // MARK: members

    package struct NewMember: Content {
        package var cityId: Int
        package var role: String?
        package var since: Int?
    }

    /// Adds a city to a network's members.
    package static func addMember(to network: Network, _ input: NewMember, context: EditContext) async throws
        -> Membership
    {
        guard try await City.find(input.cityId, on: context.db) != nil else {
            throw DirectoryQueries.noCityWithID(input.cityId, field: "cityId")
        }
        try checkYear(input.since, field: "since")
        let role = try text(input.role, field: "role", limit: 60)
        return try await context.db.transaction { db in
            try await createMembership(
                network: network, cityID: input.cityId, role: role.isEmpty ? "member" : role, since: input.since,
                source: "Recorded in Cityweave by \(context.user?.email ?? "")", context: context, on: db)
        }
    }

    private static func createMembership(
        network: Network, cityID: Int, role: String, since: Int?, source: String, context: EditContext,
        on db: any Database
    ) async throws -> Membership {
        let networkID = try network.requireID()
        let existing = try await Membership.query(on: db).filter(\.$network.$id == networkID)
            .filter(\.$city.$id == cityID).first()
        let alreadyMember = Refusal(
            .conflict,
            Message(
                "directory.error.city-already-member", "City {id} is already a member of {network}.",
                ["id": .text(String(cityID)), "network": .text(network.name)]))
        guard existing == nil else { throw alreadyMember }
        let membership = Membership()
        membership.$network.id = networkID
        membership.$city.id = cityID
        membership.role = role
        membership.since = since
        membership.source = source
        try await refusingDuplicates(alreadyMember) { try await membership.create(on: db) }
        try await AuditLog.record(
            context, action: "create", recordType: "membership", recordID: "\(try membership.requireID())",
            organisation: .network(networkID),
            changes: AuditChanges([("city", nil, "\(cityID)"), ("role", nil, role)]), on: db)
        return membership
    }

    package static func removeMember(_ cityID: Int, from network: Network, context: EditContext) async throws {
        let networkID = try network.requireID()
        let notMember = Refusal(
            .notFound,
            Message(
                "directory.error.city-not-member", "City {id} is not a member of {network}.",
                ["id": .text(String(cityID)), "network": .text(network.name)]))
        guard
            let membership = try await Membership.query(on: context.db).filter(\.$network.$id == networkID)
                .filter(\.$city.$id == cityID).first()
        else { throw notMember }
        try await context.db.transaction { db in
            try await membership.deleteOnce(on: db, orElse: notMember)
            try await AuditLog.record(
                context, action: "delete", recordType: "membership", recordID: "\(try membership.requireID())",
                organisation: .network(networkID),
                changes: AuditChanges([("city", "\(cityID)", nil), ("role", membership.role, nil)]), on: db)
        }
    }

    // MARK: membership requests

    package struct NewMembershipRequest: Content {
        package var networkId: String
        package var message: String?
    }

    /// A city asks to join a network.
    package static func requestMembership(of city: City, _ input: NewMembershipRequest, context: EditContext)
        async throws
        -> MembershipRequest
    {
        let cityID = try city.requireID()
        let network: Network
        do {
            network = try await DirectoryQueries.network(input.networkId, on: context.db)
        } catch let error as any AbortError where error.status == .notFound {
            throw BadRequest(
                Message(
                    "directory.error.network-field-unknown", "'{field}': there is no network '{network}'.",
                    ["field": .text("networkId"), "network": .text(input.networkId)]))
        }
        let networkID = try network.requireID()
        let message = try text(input.message, field: "message", limit: 2000)
        if try await Membership.query(on: context.db).filter(\.$network.$id == networkID)
            .filter(\.$city.$id == cityID).first() != nil
        {
            throw Refusal(
                .conflict,
                Message(
                    "directory.error.already-member", "{city} is already a member of {network}.",
                    ["city": .text(city.name), "network": .text(network.name)]))
        }
        if try await MembershipRequest.query(on: context.db).filter(\.$network.$id == networkID)
            .filter(\.$city.$id == cityID).filter(\.$status == .pending).first() != nil
        {
            throw Refusal(
                .conflict,
                Message(
                    "directory.error.already-asked", "{city} has already asked to join {network}.",
                    ["city": .text(city.name), "network": .text(network.name)]))
        }
        let membershipRequest = MembershipRequest()
        membershipRequest.$network.id = networkID
        membershipRequest.$city.id = cityID
        membershipRequest.message = message
        membershipRequest.status = .pending
        membershipRequest.$requestedBy.id = context.user?.id
        try await context.db.transaction { db in
            try await membershipRequest.create(on: db)
            try await AuditLog.record(
                context, action: "create", recordType: "membership_request",
                recordID: "\(try membershipRequest.requireID())", organisation: .city(cityID),
                changes: AuditChanges([("network", nil, network.slug), ("status", nil, "pending")]), on: db)
        }
        return membershipRequest
    }

    package static func membershipRequest(_ id: Int, on database: any Database) async throws -> MembershipRequest {
        guard let found = try await MembershipRequest.find(id, on: database) else {
            throw Refusal(
                .notFound,
                Message(
                    "directory.error.no-membership-request", "There is no membership request with the id {id}.",
                    ["id": .text(String(id))]))
        }
        return found
    }

    /// The network accepts (the city becomes a member) or declines a request.
    package static func decide(_ membershipRequest: MembershipRequest, accept: Bool, context: EditContext) async throws
    {
        guard membershipRequest.status == .pending else {
            throw Refusal(
                .conflict,
                membershipRequest.status == .accepted
                    ? Message("directory.error.request-accepted", "This request was already accepted.")
                    : Message("directory.error.request-declined", "This request was already declined."))
        }
        let network = try await membershipRequest.$network.get(on: context.db)
        try await context.db.transaction { db in
            membershipRequest.status = accept ? .accepted : .declined
            membershipRequest.decidedAt = Date()
            membershipRequest.$decidedBy.id = context.user?.id
            try await membershipRequest.update(on: db)
            try await AuditLog.record(
                context, action: accept ? "accept" : "decline", recordType: "membership_request",
                recordID: "\(try membershipRequest.requireID())", organisation: .network(try network.requireID()),
                changes: AuditChanges([("status", "pending", membershipRequest.status.rawValue)]), on: db)
            if accept {
                _ = try await createMembership(
                    network: network, cityID: membershipRequest.$city.id, role: "member", since: thisYear,
                    source: "Membership request accepted in Cityweave", context: context, on: db)
            }
        }
    }

    package static func pendingRequests(to network: Network, on database: any Database) async throws
        -> [MembershipRequest]
    {
        try await MembershipRequest.query(on: database).filter(\.$network.$id == network.requireID())
            .filter(\.$status == .pending).with(\.$city).sort(\.$createdAt).all()
    }

    // MARK: checks

    package static func checkYear(_ year: Int?, field: String) throws {
        if let year, !(1800...thisYear).contains(year) {
            throw BadRequest(
                Message(
                    "directory.error.year", "'{field}' must be a year from 1800 to {last}; got {given}.",
                    ["field": .text(field), "last": .year(thisYear), "given": .year(year)]))
        }
    }

    package static func text(_ value: String?, field: String, limit: Int) throws -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= limit else {
            throw BadRequest(
                Message(
                    "directory.error.too-long", "'{field}' must have at most {limit} characters.",
                    ["field": .text(field), "limit": .count(limit)]))
        }
        return trimmed
    }
}
