import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Vapor

/// A city or a network as the API names it.
package struct OrganisationDTO: Content {
    package var kind: Organisation.Kind
    package var id: Int
    package var name: String
}

package struct StatementTranslationDTO: Content {
    package var language: String
    package var title: String
    package var body: String
    /// The version of the original it translates.
    package var version: Int
    /// Whether it translates the current text.
    package var isCurrent: Bool
}

package struct CitationDTO: Content {
    package var id: Int
    package var survey: Int
    package var surveyTitle: String
    package var question: String
    package var prompt: String
    package var option: String?
    /// The cities that answered the question (n), and of them those that gave the option cited.
    package var respondents: Int
    package var count: Int?
    package var median: Double?
    /// The survey's results are hidden (fewer than three cities answered).
    package var isHidden: Bool
    /// The figure in a sentence, in the language of Accept-Language.
    package var text: String
}

package struct StatementDTO: Content {
    package var id: Int
    package var title: String
    package var body: String
    package var language: String
    package var version: Int
    package var state: StatementState
    package var themes: [String]
    package var addressees: [Addressee]
    package var deadline: String?
    package var leads: [OrganisationDTO]
    package var openedAt: Date?
    package var deliveredOn: String?
    package var deliveredTo: String
    package var deliveredHow: String
    package var answerURL: String?
    package var isExample: Bool
    /// Endorsements confirmed for the current text: the ones that count.
    package var endorsements: Int
    /// Endorsements given to an earlier text, waiting for their signatories to confirm or withdraw.
    package var awaitingConfirmation: Int
    package var translations: [StatementTranslationDTO]
    package var citations: [CitationDTO]
}

package struct StatementSummaryDTO: Content {
    package var id: Int
    package var title: String
    package var language: String
    package var version: Int
    package var state: StatementState
    package var deadline: String?
    package var leads: [OrganisationDTO]
    package var endorsements: Int
    package var isExample: Bool
}

package struct EndorsementDTO: Content {
    package var organisation: OrganisationDTO
    package var signerName: String
    package var signerTitle: String
    package var comment: String
    package var version: Int
    /// Given to (or confirmed for) the current text.
    package var isCurrent: Bool
    package var endorsedAt: Date
    package var country: String?
    package var region: String?
    package var incomeGroup: String?
    package var populationBand: PopulationBand?
    package var isExample: Bool

    init(_ signatory: Signatory, currentVersion: Int, request: Request) {
        organisation = OrganisationDTO(
            kind: signatory.organisation.kind, id: signatory.organisation.id, name: signatory.name(request))
        signerName = signatory.signerName
        signerTitle = signatory.signerTitle
        comment = signatory.comment
        version = signatory.version
        isCurrent = signatory.version == currentVersion
        endorsedAt = signatory.endorsedAt
        country = signatory.countryCode
        region = signatory.region
        incomeGroup = signatory.incomeGroup
        populationBand = signatory.populationBand
        isExample = signatory.isExample
    }
}

package struct EndorsementListDTO: Content {
    package var statement: Int
    package var version: Int
    /// Counts of the endorsements for the current text.
    package var counts: SignatoryCounts
    /// A page of every endorsement, current or not, in the order they were given.
    package var items: [EndorsementDTO]
    package var metadata: ListPageMetadata
}

package struct SurveyDTO: Content {
    package var id: Int
    package var title: String
    package var description: String
    package var language: String
    package var organiser: OrganisationDTO
    package var state: SurveyState
    package var closesOn: String?
    package var resultsPublic: Bool
    package var answersPublic: Bool
    package var target: SurveyTarget
    package var questions: [SurveyQuestion]
    /// The cities the survey asks, and those that submitted answers.
    package var asked: Int
    package var responded: Int
    package var isExample: Bool
}

package struct SurveySummaryDTO: Content {
    package var id: Int
    package var title: String
    package var organiser: OrganisationDTO
    package var state: SurveyState
    package var closesOn: String?
    package var questions: Int
    package var isExample: Bool
}

package struct SurveyResponseDTO: Content {
    package var survey: Int
    package var city: Int
    package var answers: [String: SurveyAnswer]
    package var submitted: Bool
    package var submittedAt: Date?
    package var updatedAt: Date?

    init(_ response: SurveyResponse) {
        survey = response.$survey.id
        city = response.$city.id
        answers = response.answers
        submitted = response.submittedAt != nil
        submittedAt = response.submittedAt
        updatedAt = response.updatedAt
    }
}

package struct QuestionResultDTO: Content {
    package struct Option: Content {
        package var value: String
        package var count: Int
        /// Of the cities that answered the question.
        package var share: Double
    }

    package struct Bin: Content {
        package var lower: Double
        package var upper: Double
        package var count: Int
    }

    package var question: String
    package var kind: SurveyQuestion.Kind
    package var prompt: String
    /// n: the cities that answered it.
    package var respondents: Int
    /// Fewer than three cities answered: no figure is given.
    package var isHidden: Bool
    /// Several choices per city: shares are of respondents and may add up past 1.
    package var sharesMayExceedOne: Bool
    package var options: [Option]
    package var histogram: [Bin]
    /// Numbers and scales. The smallest and largest answers are not given: each is one city's.
    package var median: Double?

    init(_ result: QuestionResult, question: SurveyQuestion) {
        self.question = result.question
        kind = question.kind
        prompt = question.prompt
        respondents = result.respondents
        isHidden = result.isHidden
        sharesMayExceedOne = question.kind == .multipleChoice
        options = result.options.map { Option(value: $0.value, count: $0.count, share: $0.share) }
        histogram = result.histogram.map { Bin(lower: $0.lower, upper: $0.upper, count: $0.count) }
        median = result.median
    }
}

package struct SurveyResultsDTO: Content {
    package struct Group: Content {
        package var group: String
        package var respondents: Int
        package var questions: [QuestionResultDTO]
    }

    package struct Breakdown: Content {
        package var dimension: String
        package var groups: [Group]
    }

    package var survey: Int
    package var asked: Int
    /// The cities whose submitted answers are counted, after the filters.
    package var respondents: Int
    package var region: String?
    package var income: String?
    package var population: String?
    package var questions: [QuestionResultDTO]
    package var breakdowns: [Breakdown]

    init(survey: Survey, asked: Int, report: SurveyResultsReport) throws {
        self.survey = try survey.requireID()
        self.asked = asked
        respondents = report.respondents
        region = report.filter.region
        income = report.filter.incomeGroup
        population = report.filter.populationBand?.rawValue
        let questions = survey.questions
        func dtos(_ results: [QuestionResult]) -> [QuestionResultDTO] {
            zip(results, questions).map { QuestionResultDTO($0, question: $1) }
        }
        self.questions = dtos(report.questions)
        breakdowns = report.breakdowns.map { breakdown in
            Breakdown(
                dimension: breakdown.dimension.rawValue,
                groups: breakdown.groups.map {
                    Group(group: $0.group, respondents: $0.respondents, questions: dtos($0.questions))
                })
        }
    }
}
