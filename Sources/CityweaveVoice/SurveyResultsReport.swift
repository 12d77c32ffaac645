import CityweaveCore
import CityweaveShared
import Vapor

/// A survey's results as a reader asked for them: restricted to one region,
/// income group or size band if asked, with the breakdowns along the others.
package struct SurveyResultsReport: Sendable {
    package struct Filter: Sendable, Equatable {
        package var region: String?
        package var incomeGroup: String?
        package var populationBand: PopulationBand?

        package init(region: String? = nil, incomeGroup: String? = nil, populationBand: PopulationBand? = nil) {
            self.region = region
            self.incomeGroup = incomeGroup
            self.populationBand = populationBand
        }

        /// `region`, `income` and `population` from the query string; a 400 names an unknown one.
        package init(from request: Request) throws {
            func read(_ name: String, among allowed: [String]) throws -> String? {
                guard let text = request.query[String.self, at: name], !text.isEmpty else { return nil }
                guard allowed.contains(text) else {
                    throw BadRequest(
                        FieldChoice.refusal(field: name, allowed: allowed.joined(separator: ", "), given: text))
                }
                return text
            }
            region = try read("region", among: VoiceQueries.regions)
            incomeGroup = try read("income", among: CityProfile.incomeGroups)
            populationBand = try read("population", among: PopulationBand.allCases.map(\.rawValue))
                .flatMap(PopulationBand.init(rawValue:))
        }

        var isEmpty: Bool { self == Filter() }
    }

    package var filter: Filter
    package var respondents: Int
    package var questions: [QuestionResult]
    package var breakdowns: [SurveyBreakdown]

    package init(_ table: SurveyAnswerTable, filter: Filter) {
        let chosen =
            filter.isEmpty
            ? nil
            : table.respondents(
                region: filter.region, incomeGroup: filter.incomeGroup, populationBand: filter.populationBand)
        self.filter = filter
        respondents = chosen?.count ?? table.respondentCount
        var questions = table.results(over: chosen)
        var breakdowns = SurveyBreakdown.Dimension.allCases.map { dimension in
            table.breakdown(by: dimension, over: chosen, order: Self.order(of: dimension))
        }
        if chosen != nil {
            // A filtered figure must not give away, against the whole, the one or two cities it leaves out.
            SurveyDisclosure.hideNearWhole(&questions, whole: table.results())
            for index in breakdowns.indices {
                let whole = table.breakdown(by: breakdowns[index].dimension)
                for group in breakdowns[index].groups.indices {
                    guard let same = whole.groups.first(where: { $0.group == breakdowns[index].groups[group].group })
                    else { continue }
                    SurveyDisclosure.hideNearWhole(&breakdowns[index].groups[group].questions, whole: same.questions)
                }
            }
        }
        self.questions = questions
        self.breakdowns = breakdowns
    }

    /// The results of `survey` the request asks for (`region`, `income`, `population`), for those who may see them.
    package static func read(for survey: Survey, request: Request) async throws -> SurveyResultsReport {
        guard try await VoiceQueries.maySeeResults(survey, request: request) else {
            throw Refusal(
                request.actor == nil ? .unauthorized : .forbidden,
                Message(
                    "voice.error.results-private",
                    "This survey's results are seen by its organisers and the cities it asks only."))
        }
        let filter = try Filter(from: request)
        return SurveyResultsReport(try await VoiceQueries.answers(of: survey, request: request), filter: filter)
    }

    static func order(of dimension: SurveyBreakdown.Dimension) -> [String] {
        switch dimension {
        case .region: VoiceQueries.regions
        case .incomeGroup: CityProfile.incomeGroups
        case .populationBand: PopulationBand.allCases.map(\.rawValue)
        }
    }

    /// A group's name as pages show it.
    static func groupName(_ group: String, along dimension: SurveyBreakdown.Dimension) -> Message {
        switch dimension {
        case .region: ReferenceName.region(group)
        case .incomeGroup: ReferenceName.incomeGroup(group)
        case .populationBand: PopulationBand(rawValue: group)?.message ?? .name(group)
        }
    }
}
