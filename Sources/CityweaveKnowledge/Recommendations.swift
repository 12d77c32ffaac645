import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// "Done in cities like mine": gathers what ``PracticeRecommender`` needs
/// from the database (city profiles, practices and their themes, a city's
/// interests) and turns its rankings into answers.
package enum Recommendations {
    /// The profiles of every city taking part in knowledge exchange (see
    /// ``PublishedPractices``) and of `cityID`, which may have no published
    /// practice yet.
    package static func activeProfiles(
        including cityID: Int, from snapshot: PublishedPractices.Snapshot, on sql: any SQLDatabase
    )
        async throws -> [Int: CityProfile]
    {
        guard snapshot.profiles[cityID] == nil else { return snapshot.profiles }
        return snapshot.profiles.merging(try await CityProfiles.read(where: "c.id = \(bind: cityID)", on: sql)) { $1 }
    }

    /// What a city is interested in: the themes of its networks and of
    /// its work (its published practices and those it adapts).
    package static func interests(of cityID: Int, from snapshot: PublishedPractices.Snapshot, on database: any Database)
        async throws -> ThemeSet
    {
        var themes = snapshot.workThemes[cityID] ?? []
        let networks = try await Membership.query(on: database).filter(\.$city.$id == cityID).with(\.$network).all()
        for membership in networks {
            themes.formUnion(ThemeSet(membership.network.themes.compactMap(Theme.init(rawValue:))))
        }
        return themes
    }

    /// Practices of other cities ranked for `city`, with reasons in the request's language.
    package static func practices(
        for city: City, limit: Int, from published: PublishedPractices, request: Request
    ) async throws -> [RecommendedPracticeDTO] {
        let database = request.db
        let snapshot = try await published.current(on: database)
        let ranked = PracticeRecommender.rank(
            practices: snapshot.candidates, for: CityProfiles.profile(of: city),
            interests: try await interests(of: city.id!, from: snapshot, on: database),
            cities: snapshot.profiles, limit: limit)
        let practices = try await KnowledgeQueries.practices(ids: ranked.map(\.id), on: database)
        return zip(ranked, practices).map { recommendation, practice in
            RecommendedPracticeDTO(
                practice: KnowledgeQueries.summary(practice, request: request), score: recommendation.score,
                reasons: reasons(recommendation).map { request.text($0) },
                sharedThemes: recommendation.sharedThemes.map(\.rawValue))
        }
    }

    /// Cities like the practice's city that work on its themes (they have
    /// practices on them or adapt them), each with a contact where one of
    /// their practices names one; reasons in the request's language.
    package static func peers(
        of practice: Practice, limit: Int, from published: PublishedPractices, request: Request
    ) async throws -> [PeerCityDTO] {
        let database = request.db
        let sql = database as! any SQLDatabase
        let snapshot = try await published.current(on: database)
        let profiles = try await activeProfiles(including: practice.$city.id, from: snapshot, on: sql)
        guard let home = profiles[practice.$city.id] else { return [] }
        let peers = snapshot.workThemes.compactMap { cityID, themes in
            profiles[cityID].map { PeerCandidate(profile: $0, themes: themes) }
        }
        let ranked = PracticeRecommender.rankPeers(
            peers, like: home, themes: practice.themeSet, limit: limit)
        let cities = try await DirectoryQueries.cities(ids: ranked.map(\.id), on: database)
        // The peers' published practices in one query, newest first: each
        // peer's contact is that of its newest practice on these themes.
        let published = try await Practice.query(on: database).filter(\.$city.$id ~~ ranked.map(\.id))
            .filter(\.$publishedAt != nil).sort(\.$publishedAt, .descending).all()
        let onTheseThemes = Dictionary(grouping: published.filter { !$0.themeSet.isDisjoint(with: practice.themeSet) })
        {
            $0.$city.id
        }
        var answers: [PeerCityDTO] = []
        for (recommendation, city) in zip(ranked, cities) {
            let own = onTheseThemes[city.id!]?.first
            let contact = own.flatMap { practice -> PracticeDTO.Contact? in
                guard practice.contactName != nil || practice.contactEmail != nil else { return nil }
                return .init(name: practice.contactName, role: practice.contactRole, email: practice.contactEmail)
            }
            answers.append(
                PeerCityDTO(
                    city: city.toSummaryDTO(), countryName: request.countryName(of: city), score: recommendation.score,
                    reasons: reasons(recommendation).map { request.text($0) },
                    sharedThemes: recommendation.sharedThemes.map(\.rawValue),
                    contact: contact, practiceId: own?.id))
        }
        return answers
    }

    /// Why a practice or a city ranks where it does: how the cities are alike, and the themes they share.
    package static func reasons(_ recommendation: Recommendation) -> [Message] {
        var reasons = recommendation.likeness.reasons.map(\.message)
        if !recommendation.sharedThemes.isEmpty {
            reasons.append(
                Message(
                    "knowledge.reason.works-on", "works on {themes}",
                    ["themes": .list(recommendation.sharedThemes.map(\.message))]))
        }
        return reasons
    }
}
