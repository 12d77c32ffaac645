import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Reading the knowledge module's records, with what the reader may see:
/// published practices for everyone, drafts for their own city only.
package enum KnowledgeQueries {
    /// Whether the request's user belongs to `cityID` (or runs the platform).
    package static func maySeeDrafts(of cityID: Int, request: Request) -> Bool {
        AccessPolicy.holds(.viewer, in: [.city(cityID)], user: request.actor?.user)
    }

    /// A practice the reader may see; a draft of another city is a 404, as if it did not exist.
    package static func visiblePractice(_ id: Int, request: Request) async throws -> Practice {
        guard let practice = try await Practice.find(id, on: request.db),
            practice.isPublished || maySeeDrafts(of: practice.$city.id, request: request)
        else { throw noPractice(id) }
        return practice
    }

    /// The 404 for a practice that does not exist, or that the reader may not see.
    package static func noPractice(_ id: Int) -> Refusal {
        Refusal(
            .notFound, Message("knowledge.error.no-practice", "There is no practice {id}.", ["id": .text(String(id))]))
    }

    /// Practices by id, in the order of the ids.
    package static func practices(ids: [Int], on database: any Database) async throws -> [Practice] {
        guard !ids.isEmpty else { return [] }
        let found = try await Practice.query(on: database).filter(\.$id ~~ ids)
            .with(\.$city) { $0.with(\.$country) }.all()
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id!, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// A city's practices, newest first; drafts only when asked for.
    package static func practices(ofCity cityID: Int, includeDrafts: Bool, on database: any Database) async throws
        -> [Practice]
    {
        let query = Practice.query(on: database).filter(\.$city.$id == cityID)
            .with(\.$city) { $0.with(\.$country) }
        if !includeDrafts { query.filter(\.$publishedAt != nil) }
        return try await query.sort(\.$publishedAt, .descending).sort(\.$id, .descending).all()
    }

    /// A practice in a list, its country named in the request's language; with `terms` (search results),
    /// its title and the passage where the terms occur, in parts that mark the matches.
    package static func summary(_ practice: Practice, terms: SearchTerms? = nil, request: Request)
        -> PracticeSummaryDTO
    {
        var dto = PracticeSummaryDTO(
            id: practice.id!, title: practice.title, summary: practice.summary, language: practice.language,
            stage: practice.stage, themes: practice.themes, city: practice.city.toSummaryDTO(),
            countryName: request.countryName(of: practice.city), publishedAt: practice.publishedAt,
            isExample: practice.isExample)
        if let terms {
            dto.titleParts =
                (Snippet.make(from: practice.title, terms: terms.terms, length: 400)
                ?? Snippet.opening(of: practice.title, length: 400)).parts
            let sections = [practice.summary] + PracticeSearch.searchableBody(of: practice).dropFirst()
            let passage = sections.lazy.compactMap { Snippet.make(from: $0, terms: terms.terms) }.first
            dto.snippet = (passage ?? Snippet.opening(of: practice.summary)).parts
        }
        return dto
    }

    package static func version(_ practice: Practice) -> PracticeDTO.Version {
        .init(
            id: practice.id!, language: practice.language, title: practice.title,
            isOriginal: practice.$original.id == nil, isPublished: practice.isPublished)
    }

    /// The other published versions of each of `practices`, by practice id, originals first.
    package static func otherPublishedVersions(of practices: [Practice], on database: any Database) async throws
        -> [Int: [PracticeDTO.Version]]
    {
        let families = Array(Set(practices.map(\.originalID)))
        guard !families.isEmpty else { return [:] }
        let published = try await Practice.query(on: database).filter(\.$publishedAt != nil)
            .group(.or) { $0.filter(\.$id ~~ families).filter(\.$original.$id ~~ families) }
            .sort(\.$id).all()
        let byFamily = Dictionary(grouping: published, by: \.originalID)
        var others: [Int: [PracticeDTO.Version]] = [:]
        for practice in practices {
            others[practice.id!] = (byFamily[practice.originalID] ?? []).filter { $0.id != practice.id }
                .sorted { ($0.$original.id == nil ? 0 : 1, $0.id!) < ($1.$original.id == nil ? 0 : 1, $1.id!) }
                .map(version)
        }
        return others
    }

    package static func detail(_ practice: Practice, request: Request) async throws -> PracticeDTO {
        let db = request.db
        let id = try practice.requireID()
        let city = try await DirectoryQueries.city(practice.$city.id, on: db)
        let showDrafts = maySeeDrafts(of: practice.$city.id, request: request)
        let versions = try await PracticeEdits.versions(of: practice, on: db)
            .filter { $0.isPublished || showDrafts }
        let reviews = try await PracticeReview.query(on: db).filter(\.$practice.$id == id).with(\.$network)
            .sort(\.$reviewedAt, .descending).all()
        let evidence = try await transfers(ofPractice: id, request: request).filter(\.countsAsEvidence)
        let hasContact = practice.contactName != nil || practice.contactEmail != nil
        return PracticeDTO(
            id: id, city: city.toSummaryDTO(), countryName: request.countryName(of: city), language: practice.language,
            isOriginal: practice.$original.id == nil, title: practice.title, summary: practice.summary,
            problem: practice.problem, method: practice.method,
            knowHow: .init(
                staff: practice.staff, budgetBand: practice.budgetBand, partners: practice.partners,
                legalInstruments: practice.legalInstruments, pitfalls: practice.pitfalls),
            resources: practice.resources, evidence: practice.evidence, stage: practice.stage, themes: practice.themes,
            links: practice.links,
            contact: hasContact
                ? .init(name: practice.contactName, role: practice.contactRole, email: practice.contactEmail) : nil,
            publishedAt: practice.publishedAt, updatedAt: practice.updatedAt, isExample: practice.isExample,
            versions: versions.map(version),
            reviews: reviews.map { review in
                let checklist = ReviewChecklist(
                    missingSections: review.missingSections, readableAlone: review.readableAlone,
                    evidenceGiven: review.evidenceGiven)
                return .init(
                    network: .init(id: review.network.id!, slug: review.network.slug, name: review.network.name),
                    reviewedAt: review.reviewedAt, reviewer: review.reviewerName,
                    missingSections: review.missingSections, readableAlone: review.readableAlone,
                    evidenceGiven: review.evidenceGiven, complete: checklist.isComplete, comment: review.comment)
            },
            evidenceFromTransfers: evidence)
    }

    /// Every city adapting a practice, furthest along first, their countries named in the request's language.
    package static func transfers(ofPractice practiceID: Int, request: Request) async throws -> [TransferDTO] {
        try await transferDTOs(
            PracticeTransfer.query(on: request.db).filter(\.$practice.$id == practiceID), request: request)
    }

    private static func transferDTOs(_ query: QueryBuilder<PracticeTransfer>, request: Request)
        async throws -> [TransferDTO]
    {
        let transfers = try await query.with(\.$city) { $0.with(\.$country) }
            .with(\.$steps).all()
        // Abandoned transfers come last: they are the least to learn from.
        func progress(_ stage: TransferStage) -> Int {
            stage == .abandoned ? -1 : TransferStage.allCases.firstIndex(of: stage)!
        }
        return
            transfers
            .sorted { (progress($0.stage), $0.id!) > (progress($1.stage), $1.id!) }
            .map { transfer in
                TransferDTO(
                    id: transfer.id!, practiceId: transfer.$practice.id, city: transfer.city.toSummaryDTO(),
                    countryName: request.countryName(of: transfer.city), stage: transfer.stage,
                    countsAsEvidence: transfer.countsAsEvidence, isExample: transfer.isExample,
                    steps: transfer.steps.sorted { ($0.date, $0.id!) < ($1.date, $1.id!) }.map {
                        .init(stage: $0.stage, date: $0.date, notes: $0.notes)
                    })
            }
    }

    /// A tracked measure, its category named in the request's language.
    package static func measure(_ measure: TrackedMeasure, request: Request) -> MeasureDTO {
        let category = MeasureCategory(code: measure.categoryCode, name: measure.categoryName)
        return MeasureDTO(
            id: measure.id!, city: measure.city.toSummaryDTO(), date: measure.date,
            category: .init(
                code: category.code, name: request.text(category.message), group: request.text(category.group),
                theme: category.theme.rawValue),
            score: measure.score, targeted: measure.targeted, note: measure.note, sourceUrl: measure.sourceURL,
            tracker: measure.tracker, isExample: measure.isExample)
    }
}
