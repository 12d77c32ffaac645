import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Reads of the engagement module, shaped for the API and the pages. Every
/// one of them is private to the city: routes check that the reader is one
/// of its people before calling them.
package enum EngagementQueries {
    /// An engagement the reader may see; another city's is a 404.
    package static func visibleEngagement(_ id: Int, request: Request) async throws -> Engagement {
        guard let engagement = try await Engagement.find(id, on: request.db),
            AccessPolicy.holds(.viewer, in: [.city(engagement.$city.id)], user: request.actor?.user)
        else {
            throw Refusal(
                .notFound,
                Message("engagement.engagement.not-found", "There is no engagement {id}.", ["id": .text("\(id)")]))
        }
        return engagement
    }

    package static func latestStrategy(of cityID: Int, on database: any Database) async throws -> CityStrategy? {
        try await CityStrategy.query(on: database).filter(\.$city.$id == cityID).sort(\.$revision, .descending)
            .first()
    }

    package static func strategy(of cityID: Int, on database: any Database) async throws -> StrategyDTO? {
        let revisions = try await CityStrategy.query(on: database).filter(\.$city.$id == cityID)
            .sort(\.$revision, .descending).all()
        guard let latest = revisions.first else { return nil }
        return StrategyDTO(
            cityID: cityID, revision: latest.revision, priorities: latest.priorities, objectives: latest.objectives,
            hoursPerMonth: latest.hoursPerMonth, yearlyBudget: latest.yearlyBudget, costPerHour: latest.costPerHour,
            currency: latest.currency, reviewOn: latest.reviewOn, newEngagementHours: latest.newEngagementHours,
            newEngagementFee: latest.newEngagementFee, sharesValueRatings: latest.sharesValueRatings,
            savedAt: latest.createdAt, savedBy: latest.authorName, isExample: latest.isExample,
            history: revisions.map {
                StrategyDTO.RevisionDTO(
                    revision: $0.revision, savedAt: $0.createdAt, savedBy: $0.authorName, priorities: $0.priorities,
                    hoursPerMonth: $0.hoursPerMonth, yearlyBudget: $0.yearlyBudget)
            })
    }

    /// The first day of the twelve months that count as recent.
    package static func recentSince(_ now: Date = Date()) -> String {
        DateText.day(now.addingTimeInterval(-365 * 86_400))
    }

    /// A city's engagements, current ones first, with who carries them and the value they gave.
    package static func engagements(of cityID: Int, on database: any Database) async throws -> [EngagementDTO] {
        let engagements = try await Engagement.query(on: database).filter(\.$city.$id == cityID)
            .with(\.$network).with(\.$partnership) { $0.with(\.$cityA).with(\.$cityB) }
            .with(\.$owner).with(\.$backup).sort(\.$title).all()
        let costPerHour = try await latestStrategy(of: cityID, on: database)?.costPerHour ?? 0
        let entries = try await ValueEntry.query(on: database)
            .filter(\.$engagement.$id ~~ engagements.compactMap(\.id)).all()
        let byEngagement = Dictionary(grouping: entries, by: { $0.$engagement.id })
        return engagements.map { dto($0, entries: byEngagement[$0.id!] ?? [], costPerHour: costPerHour) }
            .sorted { ($0.status == "ended" ? 1 : 0, $0.title) < ($1.status == "ended" ? 1 : 0, $1.title) }
    }

    /// One engagement with its relations loaded.
    package static func engagement(_ engagement: Engagement, on database: any Database) async throws -> EngagementDTO {
        try await engagement.$network.load(on: database)
        if let partnership = try await engagement.$partnership.get(on: database) {
            try await partnership.$cityA.load(on: database)
            try await partnership.$cityB.load(on: database)
        }
        try await engagement.$owner.load(on: database)
        try await engagement.$backup.load(on: database)
        let entries = try await engagement.$valueEntries.get(on: database)
        let costPerHour = try await latestStrategy(of: engagement.$city.id, on: database)?.costPerHour ?? 0
        return dto(engagement, entries: entries, costPerHour: costPerHour)
    }

    private static func dto(_ engagement: Engagement, entries: [ValueEntry], costPerHour: Double) -> EngagementDTO {
        EngagementDTO(
            id: engagement.id!, cityID: engagement.$city.id, title: engagement.title, kind: engagement.kind.rawValue,
            network: engagement.network.map(networkRef),
            partnership: engagement.partnership.map { partnershipRef($0, of: engagement.$city.id) },
            owner: engagement.owner.map(personRef),
            backup: engagement.backup.map(personRef), sponsor: engagement.sponsor, level: engagement.level.rawValue,
            hoursPerMonth: engagement.hoursPerMonth, yearlyFee: engagement.yearlyFee,
            objectives: engagement.objectives, status: engagement.status.rawValue,
            handoverNotes: engagement.handoverNotes,
            needsOwner: engagement.needsCarrying && !(engagement.owner?.isActive ?? false),
            yearlyCost: engagement.yearlyFee + engagement.hoursPerMonth * 12 * costPerHour,
            value: valueSummary(entries), isExample: engagement.isExample, updatedAt: engagement.updatedAt)
    }

    package static func valueSummary(_ entries: [ValueEntry], since: String = recentSince()) -> ValueSummaryDTO {
        let recent = entries.filter { $0.date >= since }
        let score = recent.reduce(0) { $0 + $1.rating }
        return ValueSummaryDTO(
            entries: entries.count, recentEntries: recent.count,
            recentMeanRating: recent.isEmpty ? nil : Double(score) / Double(recent.count), recentScore: score,
            lastDate: entries.map(\.date).max())
    }

    package static func networkRef(_ network: Network) -> NetworkRefDTO {
        NetworkRefDTO(id: network.id!, slug: network.slug, name: network.name)
    }

    /// A partnership with its cities loaded, named by the other city.
    package static func partnershipRef(_ partnership: Partnership, of cityID: Int) -> PartnershipRefDTO {
        let partner = partnership.$cityA.id == cityID ? partnership.cityB : partnership.cityA
        return PartnershipRefDTO(
            id: partnership.id!, kind: partnership.kind.rawValue, partnerCityID: partner.id!, partnerName: partner.name)
    }

    package static func personRef(_ user: User) -> PersonRefDTO {
        PersonRefDTO(id: user.id!, name: user.name, isActive: user.isActive)
    }

    /// An engagement's value log, newest first.
    package static func valueLog(of engagementID: Int, on database: any Database) async throws -> [ValueEntryDTO] {
        try await ValueEntry.query(on: database).filter(\.$engagement.$id == engagementID).with(\.$recordedBy)
            .sort(\.$date, .descending).sort(\.$id, .descending).all().map(valueEntryDTO)
    }

    package static func valueEntryDTO(_ entry: ValueEntry) -> ValueEntryDTO {
        ValueEntryDTO(
            id: entry.id!, engagementID: entry.$engagement.id, date: entry.date, kind: entry.kind.rawValue,
            rating: entry.rating, note: entry.note, link: entry.link, recordedBy: entry.recordedBy?.name,
            isExample: entry.isExample)
    }

    /// Every value entry of a city's engagements, newest first, for export.
    package static func valueLog(ofCity cityID: Int, on database: any Database) async throws -> [(
        String, ValueEntryDTO
    )] {
        let engagements = try await Engagement.query(on: database).filter(\.$city.$id == cityID).all()
        let titles = Dictionary(uniqueKeysWithValues: engagements.map { ($0.id!, $0.title) })
        let entries = try await ValueEntry.query(on: database).filter(\.$engagement.$id ~~ Array(titles.keys))
            .with(\.$recordedBy).sort(\.$date, .descending).sort(\.$id, .descending).all()
        return entries.map { (titles[$0.$engagement.id] ?? "", valueEntryDTO($0)) }
    }

    package static func plans(of cityID: Int, on database: any Database) async throws -> [PortfolioPlanDTO] {
        try await PortfolioPlan.query(on: database).filter(\.$city.$id == cityID).sort(\.$id, .descending).all()
            .map(planDTO)
    }

    package static func planDTO(_ plan: PortfolioPlan) -> PortfolioPlanDTO {
        PortfolioPlanDTO(
            id: plan.id!, cityID: plan.$city.id, name: plan.name, savedAt: plan.createdAt, savedBy: plan.authorName,
            advice: plan.advice)
    }
}
