import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

/// What a city records of a staff member's languages, expertise and training.
package enum StaffProfileEdits {
    package struct Input: Content {
        package var languages: [String]
        package var expertise: [String]
        package var training: [TrainingRecord]
    }

    package static func save(_ input: Input, for user: User, context: EditContext) async throws -> StaffProfile {
        let languages = try list(input.languages, "languages")
        let expertise = try list(input.expertise, "expertise")
        guard input.training.count <= 100 else {
            throw BadRequest(
                Message(
                    "engagement.error.training-count", "'{field}' may list at most 100 records.",
                    ["field": .text("training")]))
        }
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        let training = try input.training.enumerated().map { index, record in
            let title = record.title.trimmingCharacters(in: .whitespaces)
            let provider = record.provider.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty, title.count <= 200 else {
                throw BadRequest(
                    Message(
                        "engagement.error.training-title", "'{field}' is required, at most 200 characters.",
                        ["field": .text("training[\(index)].title")]))
            }
            guard (1950...thisYear).contains(record.year) else {
                throw BadRequest(
                    Message(
                        "engagement.error.training-year",
                        "'{field}' must be a year from 1950 to {thisYear}; got {given}.",
                        [
                            "field": .text("training[\(index)].year"), "thisYear": .year(thisYear),
                            "given": .year(record.year),
                        ]))
            }
            guard provider.count <= 200 else { throw BadRequest.tooLong("training[\(index)].provider", limit: 200) }
            return TrainingRecord(title: title, year: record.year, provider: provider)
        }
        let userID = try user.requireID()
        do {
            return try await context.db.transaction { db in
                let existing = try await StaffProfile.query(on: db).filter(\.$user.$id == userID).first()
                let before = existing.map(Record.init)
                let profile = existing ?? StaffProfile()
                profile.$user.id = userID
                profile.languages = languages
                profile.expertise = expertise
                profile.training = training
                try await profile.save(on: db)
                try await AuditLog.record(
                    context, action: "update", recordType: "staff-profile", recordID: userID.uuidString,
                    organisation: user.organisation,
                    changes: try AuditChanges.between(before, Record(profile)), on: db)
                return profile
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two first saves at once: the other one made the profile.
            throw Refusal(
                .conflict,
                Message(
                    "engagement.error.profile-conflict",
                    "This profile was saved at the same moment by someone else; reload and try again."))
        }
    }

    /// What the audit log compares.
    package struct Record: Encodable {
        package var languages: [String]
        package var expertise: [String]
        package var training: [TrainingRecord]

        package init(_ profile: StaffProfile) {
            languages = profile.languages
            expertise = profile.expertise
            training = profile.training
        }
    }

    private static func list(_ items: [String], _ field: String) throws -> [String] {
        let cleaned = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cleaned.count <= 50 else {
            throw BadRequest(
                Message("engagement.error.list-count", "'{field}' may list at most 50 items.", ["field": .text(field)]))
        }
        if let long = cleaned.first(where: { $0.count > 100 }) {
            throw BadRequest(
                Message(
                    "engagement.error.item-too-long", "'{field}': '{start}…' is longer than 100 characters.",
                    ["field": .text(field), "start": .text(String(long.prefix(20)))]))
        }
        var seen = Set<String>()
        return cleaned.filter { seen.insert($0.lowercased()).inserted }
    }
}
