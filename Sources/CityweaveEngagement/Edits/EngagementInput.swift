import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import Vapor

/// An engagement's fields as a client sends them: all the required ones to
/// create one, any of them to change one (left out stays; null clears the
/// network, the owner or the backup). ``apply(to:cityID:on:)`` checks
/// everything before it changes anything.
package struct EngagementInput: Decodable, Sendable {
    package var title: String?
    package var kind: String?
    package var network: FieldUpdate<Int> = .unchanged
    package var partnership: FieldUpdate<Int> = .unchanged
    package var owner: FieldUpdate<UUID> = .unchanged
    package var backup: FieldUpdate<UUID> = .unchanged
    package var sponsor: String?
    package var level: String?
    package var hoursPerMonth: Double?
    package var yearlyFee: Double?
    package var objectives: String?
    package var status: String?
    package var handoverNotes: String?

    private enum CodingKeys: String, CodingKey {
        case title, kind, network, partnership, owner, backup, sponsor, level, hoursPerMonth, yearlyFee, objectives,
            status,
            handoverNotes
    }

    package init() {}

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        network = try container.update(Int.self, forKey: .network)
        partnership = try container.update(Int.self, forKey: .partnership)
        owner = try container.update(UUID.self, forKey: .owner)
        backup = try container.update(UUID.self, forKey: .backup)
        sponsor = try container.decodeIfPresent(String.self, forKey: .sponsor)
        level = try container.decodeIfPresent(String.self, forKey: .level)
        hoursPerMonth = try container.decodeIfPresent(Double.self, forKey: .hoursPerMonth)
        yearlyFee = try container.decodeIfPresent(Double.self, forKey: .yearlyFee)
        objectives = try container.decodeIfPresent(String.self, forKey: .objectives)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        handoverNotes = try container.decodeIfPresent(String.self, forKey: .handoverNotes)
    }

    /// Checks every field against the engagement as it is (a new one for
    /// `cityID` when it has no id) and applies them, or throws a 400 naming
    /// the first bad field. Owners and backups must be active people of the
    /// engagement's city: a city's work is not handed to another's staff.
    package func apply(to engagement: Engagement, cityID: Int, on database: any Database) async throws {
        let isNew = engagement.id == nil
        let title = try Self.text(title ?? (isNew ? nil : engagement.title), "title", required: true, limit: 200)
        let kind = try Self.choice(EngagementKind.self, kind, current: isNew ? nil : engagement.kind, "kind")
        let level = try Self.choice(EngagementLevel.self, level, current: isNew ? nil : engagement.level, "level")
        let status = try Self.choice(
            EngagementStatus.self, status, current: isNew ? .active : engagement.status, "status")
        let hours = try Capacity.amount(
            hoursPerMonth ?? (isNew ? 0 : engagement.hoursPerMonth), "hoursPerMonth", allowZero: true, limit: 10_000)
        let fee = try Capacity.amount(yearlyFee ?? (isNew ? 0 : engagement.yearlyFee), "yearlyFee", allowZero: true)
        let sponsor = try Self.text(sponsor ?? (isNew ? "" : engagement.sponsor), "sponsor", limit: 200)
        let objectives = try Self.text(
            objectives ?? (isNew ? "" : engagement.objectives), "objectives", limit: 5_000)
        let notes = try Self.text(
            handoverNotes ?? (isNew ? "" : engagement.handoverNotes), "handoverNotes", limit: 20_000)

        let networkID = network.applied(to: isNew ? nil : engagement.$network.id)
        if let networkID, try await Network.find(networkID, on: database) == nil {
            throw BadRequest(
                Message(
                    "engagement.error.no-such-network", "'{field}': there is no network {id}.",
                    ["field": .text("network"), "id": .text("\(networkID)")]))
        }
        if kind == .membership, networkID == nil {
            throw BadRequest(
                Message(
                    "engagement.error.membership-network",
                    "'{field}' is required for a membership: the network the city is a member of.",
                    ["field": .text("network")]))
        }
        let partnershipID = partnership.applied(to: isNew ? nil : engagement.$partnership.id)
        if let partnershipID {
            guard kind == .partnership else {
                throw BadRequest(
                    Message(
                        "engagement.error.partnership-kind",
                        "'{field}' is for engagements of kind partnership; this one is {kind}.",
                        ["field": .text("partnership"), "kind": .text(kind.rawValue)]))
            }
            guard let tie = try await Partnership.find(partnershipID, on: database),
                [tie.$cityA.id, tie.$cityB.id].contains(cityID)
            else {
                throw BadRequest(
                    Message(
                        "engagement.error.not-a-partnership", "'{field}': {id} is not one of this city's partnerships.",
                        ["field": .text("partnership"), "id": .text("\(partnershipID)")]))
            }
        }
        let ownerID = try await Self.person(
            owner, current: isNew ? nil : engagement.$owner.id, "owner", cityID, database)
        let backupID = try await Self.person(
            backup, current: isNew ? nil : engagement.$backup.id, "backup", cityID, database)
        if let ownerID, ownerID == backupID {
            throw BadRequest(
                Message(
                    "engagement.error.backup-is-owner", "'{field}' must be someone other than the owner.",
                    ["field": .text("backup")]))
        }

        engagement.$city.id = cityID
        engagement.title = title
        engagement.kind = kind
        engagement.level = level
        engagement.status = status
        engagement.hoursPerMonth = hours
        engagement.yearlyFee = fee
        engagement.sponsor = sponsor
        engagement.objectives = objectives
        engagement.handoverNotes = notes
        engagement.$network.id = networkID
        engagement.$partnership.id = partnershipID
        engagement.$owner.id = ownerID
        engagement.$backup.id = backupID
    }

    private static func text(_ value: String?, _ field: String, required: Bool = false, limit: Int) throws -> String {
        let text = try DirectoryEdits.text(value, field: field, limit: limit)
        if required, text.isEmpty { throw BadRequest.required(field) }
        return text
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, _ text: String?, current: Choice?, _ field: String
    ) throws -> Choice where Choice.RawValue == String {
        if let text { return try FieldChoice.parse(type, text, field: field) }
        guard let current else { throw BadRequest.required(field) }
        return current
    }

    /// A person who may carry the engagement: an active user of its city.
    private static func person(
        _ update: FieldUpdate<UUID>, current: UUID?, _ field: String, _ cityID: Int, _ database: any Database
    ) async throws -> UUID? {
        guard case .set(let id) = update else { return current }
        guard let id else { return nil }
        // Sent back as it was (a form sends every field): a person who has left stays named until replaced.
        if id == current { return id }
        guard let user = try await User.find(id, on: database), user.cityID == cityID else {
            throw BadRequest(
                Message(
                    "engagement.error.not-a-person", "'{field}': {id} is not one of this city's people.",
                    ["field": .text(field), "id": .text(id.uuidString)]))
        }
        guard user.isActive else {
            throw BadRequest(
                Message(
                    "engagement.error.person-deactivated", "'{field}': {name} has been deactivated.",
                    ["field": .text(field), "name": .text(user.name)]))
        }
        return id
    }
}
