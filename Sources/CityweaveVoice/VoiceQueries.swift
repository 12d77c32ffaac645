import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// What the voice module reads: statements and surveys as each reader may
/// see them, their leads and targets, and the answers that results count.
package enum VoiceQueries {
    /// The UN M49 regions cities are grouped by.
    package static let regions = ["Africa", "Americas", "Asia", "Europe", "Oceania"]

    package static func leads(of statementID: Int, on db: any Database) async throws -> [Organisation] {
        try await StatementLead.query(on: db).filter(\.$statement.$id == statementID).sort(\.$id).all()
            .map(\.organisation)
    }

    /// Whether the signed-in person belongs to one of `organisations` (viewers too) or runs the platform.
    package static func isInside(_ organisations: [Organisation], request: Request) -> Bool {
        AccessPolicy.holds(.viewer, in: organisations, user: request.actor?.user)
    }

    /// A statement the reader may see: a draft only by its leads' people, as if it did not exist for others.
    package static func visibleStatement(_ id: Int, request: Request) async throws -> Statement {
        var statement = try await Statement.find(id, on: request.db)
        if statement?.state == .draft, !isInside(try await leads(of: id, on: request.db), request: request) {
            statement = nil
        }
        guard let statement else {
            throw Refusal(
                .notFound, Message("voice.error.no-statement", "There is no statement {id}.", ["id": .text("\(id)")]))
        }
        return statement
    }

    /// A survey the reader may see: a draft only by its organiser's people.
    package static func visibleSurvey(_ id: Int, request: Request) async throws -> Survey {
        guard let survey = try await Survey.find(id, on: request.db),
            survey.state != .draft || isInside([survey.organiser], request: request)
        else {
            throw Refusal(
                .notFound, Message("voice.error.no-survey", "There is no survey {id}.", ["id": .text("\(id)")]))
        }
        return survey
    }

    /// This year (UTC): a member whose membership ended before it is no longer asked.
    static var currentYear: Int { Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: Date()).year! }

    /// Whether `survey` asks `city`: a network's present members only.
    package static func asks(_ survey: Survey, city: Int, on db: any Database) async throws -> Bool {
        let target = survey.target
        let sql = db as! any SQLDatabase
        guard let profile = try await CityProfiles.read(where: "c.id = \(bind: city)", on: sql)[city] else {
            return false
        }
        var networks: Set<Int> = []
        if let network = target.network {
            let member = try await Membership.query(on: db).filter(\.$city.$id == city)
                .filter(\.$network.$id == network).group(.or) {
                    $0.filter(\.$until == nil).filter(\.$until >= currentYear)
                }
                .count()
            if member > 0 { networks.insert(network) }
        }
        return target.includes(profile, networks: networks)
    }

    /// How many cities a survey asks.
    package static func askedCount(_ survey: Survey, on db: any Database) async throws -> Int {
        let target = survey.target
        let sql = db as! any SQLDatabase
        var conditions: [SQLQueryString] = []
        if let network = target.network {
            conditions.append(
                """
                c.id IN (SELECT city_id FROM memberships WHERE network_id = \(bind: network)
                         AND (until IS NULL OR until >= \(bind: currentYear)))
                """)
        }
        var places: [SQLQueryString] = []
        if !target.regions.isEmpty {
            places.append("co.region IN (\(binds: target.regions))")
        }
        if !target.countries.isEmpty {
            places.append("c.country_code IN (\(binds: target.countries))")
        }
        if !places.isEmpty { conditions.append("(\(places.joined(separator: " OR ")))") }
        if !target.populationBands.isEmpty {
            let bands: [SQLQueryString] = target.populationBands.map { band in
                band.upperBound.map { "(c.population >= \(bind: band.lowerBound) AND c.population < \(bind: $0))" }
                    ?? "c.population >= \(bind: band.lowerBound)"
            }
            conditions.append("(\(bands.joined(separator: " OR ")))")
        }
        let condition = conditions.isEmpty ? SQLQueryString("1 = 1") : conditions.joined(separator: " AND ")
        let row = try await sql.raw(
            "SELECT COUNT(*) AS n FROM cities c JOIN countries co ON co.iso2 = c.country_code WHERE \(condition)"
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Who may see a survey's aggregates: everyone when they are public; otherwise its organiser's people
    /// and the people of the cities it asks.
    package static func maySeeResults(_ survey: Survey, request: Request) async throws -> Bool {
        if survey.state == .draft { return isInside([survey.organiser], request: request) }
        if survey.resultsPublic || isInside([survey.organiser], request: request) { return true }
        guard let user = request.actor?.user, user.isActive, let city = user.cityID else { return false }
        return try await asks(survey, city: city, on: request.db)
    }

    /// Who may see each city's answers: everyone when the survey says so, otherwise its organiser's people.
    package static func maySeeAnswers(_ survey: Survey, request: Request) -> Bool {
        (survey.answersPublic && survey.state != .draft) || isInside([survey.organiser], request: request)
    }

    /// The answers the cities submitted, with what results are broken down by, laid out for counting: read
    /// once per change of the answers (see ``RespondentCache``).
    package static func answers(of survey: Survey, request: Request) async throws -> SurveyAnswerTable {
        try await request.application.surveyRespondents.table(of: survey, on: request.db)
    }

    /// The answers saved after `revision`, by city: the city's submitted answers, or nil for answers not
    /// submitted (which results do not count).
    static func readRespondents(of surveyID: Int, after revision: Int, on db: any Database) async throws
        -> [(city: Int, respondent: SurveyRespondent?)]
    {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT r.city_id, r.answers, r.submitted_at IS NOT NULL AS submitted, co.region, co.income_group,
                   c.population
            FROM survey_responses r JOIN cities c ON c.id = r.city_id JOIN countries co ON co.iso2 = c.country_code
            WHERE r.survey_id = \(bind: surveyID) AND r.revision > \(bind: revision)
            """
        ).all()
        let decoder = JSONDecoder()
        return try rows.map { row in
            let city = try row.decode(column: "city_id", as: Int.self)
            guard try row.decode(column: "submitted", as: Bool.self) else { return (city, nil) }
            return (
                city,
                SurveyRespondent(
                    cityID: city,
                    region: try row.decode(column: "region", as: String.self),
                    incomeGroup: try row.decode(column: "income_group", as: String.self),
                    populationBand: PopulationBand(population: try row.decode(column: "population", as: Int.self)),
                    answers: try decoder.decode(
                        [String: SurveyAnswer].self, from: Data(try row.decode(column: "answers", as: String.self).utf8)
                    ))
            )
        }
    }
}
