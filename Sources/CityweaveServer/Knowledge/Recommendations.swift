import CityweaveCore
import Fluent
import SQLKit
import Vapor

/// "Done in cities like mine": gathers what ``PracticeRecommender`` needs
/// from the database (city profiles, practices and their themes, a city's
/// interests) and turns its rankings into answers.
enum Recommendations {
    static func profile(of city: City) -> CityProfile {
        CityProfile(
            id: city.id!, population: city.population, countryCode: city.$country.id, region: city.country.region,
            subregion: city.country.subregion, incomeGroup: city.country.incomeGroup,
            formOfGovernment: city.formOfGovernment?.rawValue, fiscalAutonomy: city.fiscalAutonomy?.rawValue,
            internationalStaff: city.internationalStaff, languages: city.workingLanguages)
    }

    static func profiles(cityIDs: some Collection<Int>, on database: any Database) async throws -> [Int: CityProfile] {
        let cities = try await DirectoryQueries.cities(ids: Array(Set(cityIDs)), on: database)
        return Dictionary(uniqueKeysWithValues: cities.map { ($0.id!, profile(of: $0)) })
    }

    /// What a city works on: the themes of its networks, of its own practices
    /// and of the practices it adapts.
    static func interests(of cityID: Int, on database: any Database) async throws -> ThemeSet {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT t.theme FROM practice_themes t JOIN practices p ON p.id = t.practice_id
                WHERE p.city_id = \(bind: cityID)
            UNION SELECT t.theme FROM practice_themes t JOIN practice_transfers x ON x.practice_id = t.practice_id
                WHERE x.city_id = \(bind: cityID)
            """
        ).all()
        var themes = Set(rows.compactMap { try? Theme(rawValue: $0.decode(column: "theme", as: String.self)) })
        let networks = try await Membership.query(on: database).filter(\.$city.$id == cityID).with(\.$network).all()
        for membership in networks { themes.formUnion(membership.network.themes.compactMap(Theme.init(rawValue:))) }
        return ThemeSet(themes)
    }

    /// Every published original practice, with its city and themes.
    static func candidates(on database: any Database) async throws -> [PracticeCandidate] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT p.id, p.city_id, t.theme FROM practices p
            LEFT JOIN practice_themes t ON t.practice_id = p.id
            WHERE p.published_at IS NOT NULL AND p.original_id IS NULL
            ORDER BY p.id
            """
        ).all()
        var candidates: [PracticeCandidate] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let theme = try row.decode(column: "theme", as: String?.self).flatMap(Theme.init(rawValue:))
            if candidates.last?.id != id {
                candidates.append(
                    PracticeCandidate(id: id, cityID: try row.decode(column: "city_id", as: Int.self), themes: []))
            }
            if let theme { candidates[candidates.count - 1].themes.insert(ThemeSet([theme])) }
        }
        return candidates
    }

    /// Practices of other cities ranked for `city`.
    static func practices(for city: City, limit: Int, on database: any Database) async throws
        -> [RecommendedPracticeDTO]
    {
        let candidates = try await candidates(on: database)
        let cities = try await profiles(cityIDs: candidates.map(\.cityID), on: database)
        let ranked = PracticeRecommender.rank(
            practices: candidates, for: profile(of: city), interests: try await interests(of: city.id!, on: database),
            cities: cities, limit: limit)
        let practices = try await KnowledgeQueries.practices(ids: ranked.map(\.id), on: database)
        return zip(ranked, practices).map { recommendation, practice in
            RecommendedPracticeDTO(
                practice: KnowledgeQueries.summary(practice), score: recommendation.score,
                reasons: reasons(recommendation), sharedThemes: recommendation.sharedThemes.map(\.rawValue))
        }
    }

    /// Cities like the practice's city that work on its themes (they have
    /// practices on them or adapt them), each with a contact where one of
    /// their practices names one.
    static func peers(of practice: Practice, limit: Int, on database: any Database) async throws -> [PeerCityDTO] {
        let candidates = try await candidates(on: database)
        var themesByCity: [Int: ThemeSet] = [:]
        for candidate in candidates { themesByCity[candidate.cityID, default: []].formUnion(candidate.themes) }
        let transfers = try await PracticeTransfer.query(on: database).all()
        let transferThemes = Dictionary(grouping: candidates, by: \.id).mapValues { $0[0].themes }
        for transfer in transfers {
            themesByCity[transfer.$city.id, default: []].formUnion(transferThemes[transfer.$practice.id] ?? [])
        }
        let profiles = try await profiles(cityIDs: Array(themesByCity.keys) + [practice.$city.id], on: database)
        guard let home = profiles[practice.$city.id] else { return [] }
        let peers = themesByCity.compactMap { cityID, themes in
            profiles[cityID].map { PeerCandidate(profile: $0, themes: themes) }
        }
        let ranked = PracticeRecommender.rankPeers(
            peers, like: home, themes: ThemeSet(practice.themeValues), limit: limit)
        let cities = try await DirectoryQueries.cities(ids: ranked.map(\.id), on: database)
        var answers: [PeerCityDTO] = []
        for (recommendation, city) in zip(ranked, cities) {
            let own = try await Practice.query(on: database).filter(\.$city.$id == city.id!)
                .filter(\.$publishedAt != nil).sort(\.$publishedAt, .descending).all()
                .first { !ThemeSet($0.themeValues).isDisjoint(with: ThemeSet(practice.themeValues)) }
            let contact = own.flatMap { practice -> PracticeDTO.Contact? in
                guard practice.contactName != nil || practice.contactEmail != nil else { return nil }
                return .init(name: practice.contactName, role: practice.contactRole, email: practice.contactEmail)
            }
            answers.append(
                PeerCityDTO(
                    city: city.toSummaryDTO(), countryName: city.country.name, score: recommendation.score,
                    reasons: reasons(recommendation), sharedThemes: recommendation.sharedThemes.map(\.rawValue),
                    contact: contact, practiceId: own?.id))
        }
        return answers
    }

    static func reasons(_ recommendation: Recommendation) -> [String] {
        var reasons = recommendation.likeness.reasons.map(\.rawValue)
        if !recommendation.sharedThemes.isEmpty {
            reasons.append("works on " + recommendation.sharedThemes.map(\.rawValue).joined(separator: ", "))
        }
        return reasons
    }
}
