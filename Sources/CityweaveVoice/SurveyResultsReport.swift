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

        func includes(_ respondent: SurveyRespondent) -> Bool {
            (region.map { $0 == respondent.region } ?? true)
                && (incomeGroup.map { $0 == respondent.incomeGroup } ?? true)
                && (populationBand.map { $0 == respondent.populationBand } ?? true)
        }

        var isEmpty: Bool { self == Filter() }
    }

    package var filter: Filter
    package var respondents: Int
    package var questions: [QuestionResult]
    package var breakdowns: [SurveyBreakdown]

    package init(questions: [SurveyQuestion], respondents all: [SurveyRespondent], filter: Filter) {
        let chosen = filter.isEmpty ? all : all.filter(filter.includes)
        self.filter = filter
        respondents = chosen.count
        self.questions = SurveyAggregation.results(questions, chosen)
        breakdowns = SurveyBreakdown.Dimension.allCases.map { dimension in
            SurveyAggregation.breakdown(questions, chosen, by: dimension, order: Self.order(of: dimension))
        }
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
